using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// Screenshots of the WerkwijzerPlus tools for people to look at, written to /tmp/screens (copy the ones worth keeping
/// into docs/). Runs only when WIJKBEELD_SCREENSHOTS is set, like <see cref="ScreenshotTests"/>.
/// </summary>
public sealed class WerkwijzerScreenshotTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    static readonly string Directory = Path.Combine(Path.GetTempPath(), "screens");

    [Fact]
    public async Task Screenshots_of_observations_timeline_experiments_and_werkwijzer()
    {
        Assert.SkipWhen(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ScreenshotTests.Variable)), $"Set {ScreenshotTests.Variable}=1 to save screenshots.");
        System.IO.Directory.CreateDirectory(Directory);
        var desktop = await NewPageAsync(BrowserFixture.Desktop, role: Roles.Coordinator);
        var api = desktop.Context.APIRequest;
        var rnd = new Random(7);
        string[] parts = ["ochtend", "middag", "avond", "avond", "nacht"];
        string[] groups = ["jongeren", "ouderen", "ouders-met-kinderen", "kinderen", "ondernemers"];
        string[] activities = ["staan", "zitten", "spelen", "verzamelen", "voorbijlopen"];
        for (var i = 0; i < 40; i++)
        {
            await api.PostAsync("/api/observations", new() { DataObject = new
            {
                date = $"2026-11-{1 + i % 28:00}", partOfDay = parts[rnd.Next(parts.Length)], group = groups[rnd.Next(groups.Length)],
                count = rnd.Next(1, 20), activity = activities[rnd.Next(activities.Length)], signals = new[] { "groeten" },
                latitude = 52.93 + rnd.NextDouble() * 0.035, longitude = 4.74 + rnd.NextDouble() * 0.035,
            } });
        }
        (string Date, string Title, string Tone, string Kind, string Source)[] moments =
        [
            ("2009-05-01", "Jongerencentrum sluit", "negatief", "verandering", "jongerenwerk"),
            ("2011-03-10", "Eerste melding hangplek bij winkels", "negatief", "incident", "wijkagent"),
            ("2012-09-01", "Buurtvaders starten", "positief", "interventie", "bewoners"),
            ("2014-06-21", "Straatfeest Sluisdijk", "positief", "gebeurtenis", "bewoner inloopavond"),
            ("2015-01-15", "Inbraakgolf in de flats", "negatief", "incident", "wijkagent"),
            ("2016-04-01", "Nieuw speelveld", "positief", "project", "gemeente"),
            ("2018-11-05", "Explosie bij portiek", "negatief", "incident", "wijkagent"),
            ("2019-02-01", "Jongerenwerk op straat", "positief", "interventie", "jongerenwerk"),
            ("2021-05-12", "Cameratoezicht", "negatief", "interventie", "gemeente"),
            ("2022-08-20", "Buurtmoestuin geopend", "positief", "project", "bewoners"),
            ("2023-10-01", "Overlast scooters", "negatief", "incident", "bewoner inloopavond"),
        ];
        foreach (var m in moments)
        {
            await api.PostAsync("/api/timeline/WK040005/moments", new() { DataObject = new { date = m.Date, title = m.Title, tone = m.Tone, kind = m.Kind, source = m.Source, themes = new[] { "jeugd" } } });
        }

        var saved = new List<string>();
        await GotoAsync(desktop, "/observaties/kaart?partOfDay=avond");
        await Expect(desktop.Locator("#observation-map[data-count]")).ToBeAttachedAsync();
        saved.Add(await SaveAsync(desktop, "observaties-kaart-desktop.png"));
        await GotoAsync(desktop, "/tijdlijn/WK040005?zoom=jaren");
        saved.Add(await SaveAsync(desktop, "tijdlijn-desktop.png", fullPage: false));
        await GotoAsync(desktop, "/tijdlijn/WK040005?zoom=maanden");
        saved.Add(await SaveAsync(desktop, "tijdlijn-maanden-desktop.png", fullPage: false));

        var phone = await NewPageAsync(BrowserFixture.Phone, phone: true, role: Roles.Professional);
        await GotoAsync(phone, "/observaties/nieuw");
        await Expect(phone.Locator("#picker .leaflet-overlay-pane path").First).ToBeAttachedAsync();
        saved.Add(await SaveAsync(phone, "observatie-nieuw-phone.png"));
        await GotoAsync(phone, "/tijdlijn/WK040005");
        saved.Add(await SaveAsync(phone, "tijdlijn-phone.png", fullPage: false));
        // An experiment with a survey and some answers: the poster and the results.
        var created = await api.PostAsync("/api/experiments", new() { DataObject = new
        {
            areaCode = "WK040005", title = "Bankjes op het plein", hypothesis = "Als we bankjes neerzetten, dan blijven ouderen langer op het plein.",
            place = "Plein bij de bieb", startsOn = "2026-11-01", endsOn = "2026-12-31", stopCriterion = "Meer overlast", removalPlan = "Weghalen binnen een week",
        } });
        using var experiment = System.Text.Json.JsonDocument.Parse(await created.TextAsync());
        var id = experiment.RootElement.GetProperty("id").GetInt32();
        var surveyUrl = experiment.RootElement.GetProperty("surveyUrl").GetString()!;
        var token = surveyUrl[(surveyUrl.LastIndexOf('/') + 1)..];
        var choice = System.Text.Json.JsonDocument.Parse(await (await api.PostAsync($"/api/experiments/{id}/questions",
            new() { DataObject = new { kind = "keuze", text = "Gebruikt u de nieuwe bankjes?", options = new[] { "Ja, vaak", "Soms", "Nee" } } })).TextAsync()).RootElement.GetProperty("id").GetInt32();
        var scale = System.Text.Json.JsonDocument.Parse(await (await api.PostAsync($"/api/experiments/{id}/questions",
            new() { DataObject = new { kind = "schaal", text = "Hoe prettig is het plein nu?" } })).TextAsync()).RootElement.GetProperty("id").GetInt32();
        string[] choices = ["Ja, vaak", "Soms", "Nee", "Ja, vaak", "Soms", "Ja, vaak", "Ja, vaak"];
        foreach (var (answer, i) in choices.Select((a, i) => (a, i)))
        {
            var resident = await Fixture.NewContextAsync(BrowserFixture.Phone, phone: true);
            await resident.APIRequest.PostAsync($"/api/surveys/{token}/responses", new() { DataObject = new { answers = new Dictionary<string, string> { [$"{choice}"] = answer, [$"{scale}"] = $"{3 + i % 3}" } } });
            await resident.CloseAsync();
        }
        await GotoAsync(desktop, $"/experimenten/{id}/poster");
        saved.Add(await SaveAsync(desktop, "poster-desktop.png"));
        await GotoAsync(desktop, $"/experimenten/{id}/resultaten");
        saved.Add(await SaveAsync(desktop, "enquete-resultaten-desktop.png"));
        await GotoAsync(phone, surveyUrl);
        saved.Add(await SaveAsync(phone, "enquete-phone.png"));
        await GotoAsync(desktop, "/werkwijzer/WK040005");
        saved.Add(await SaveAsync(desktop, "werkwijzer-desktop.png"));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, saved));
        AssertNoScriptErrors();
    }

    static async Task<string> SaveAsync(IPage page, string file, bool fullPage = true)
    {
        var path = Path.Combine(Directory, file);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
        return path;
    }
}
