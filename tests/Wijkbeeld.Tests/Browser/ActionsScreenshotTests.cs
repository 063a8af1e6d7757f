using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// Screenshots of visible actions, borgen, the timeline markers and the heat view, written to /tmp/screens (copy the
/// ones worth keeping into docs/). Runs only when WIJKBEELD_SCREENSHOTS is set, like <see cref="ScreenshotTests"/>.
/// </summary>
public sealed class ActionsScreenshotTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    static readonly string Directory = Path.Combine(Path.GetTempPath(), "screens");

    [Fact]
    public async Task Screenshots_of_actions_borgen_timeline_markers_and_heat_view()
    {
        Assert.SkipWhen(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ScreenshotTests.Variable)), $"Set {ScreenshotTests.Variable}=1 to save screenshots.");
        System.IO.Directory.CreateDirectory(Directory);
        var desktop = await NewPageAsync(BrowserFixture.Desktop, role: Roles.Coordinator);
        var api = desktop.Context.APIRequest;
        var today = DateOnly.FromDateTime(DateTime.Today);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (string Title, string Status, int Offset, double Lat, double Lon)[] actions =
        [
            ("Opruimochtend speeltuin", "gedaan", -40, 52.9335, 4.735), ("Muurschildering met jongeren", "bezig", -3, 52.9345, 4.739),
            ("Bankjes terug op het plein", "gepland", 5, 52.9325, 4.731), ("Lichtjesavond in de straat", "gepland", 12, 52.9352, 4.742),
            ("Buurtbarbecue", "gestopt", -120, 52.9310, 4.737),
        ];
        var ids = new List<int>();
        foreach (var a in actions)
        {
            var created = await api.PostAsync("/api/visible-actions", new() { DataObject = new
            {
                areaCode = "WK040003", title = a.Title, goal = "Laten zien dat er iets gebeurt in de buurt", owner = "Buurtteam Nieuw Den Helder",
                partners = new[] { "Welzijn Den Helder", "Bewoners" }, date = Day(a.Offset), status = a.Status, latitude = a.Lat, longitude = a.Lon,
                evaluation = a.Status == "gedaan" ? "Twintig bewoners deden mee; de speeltuin is weer schoon en wordt meer gebruikt." : "",
            } });
            ids.Add(System.Text.Json.JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("id").GetInt32());
        }
        using (var image = new Image<Rgb24>(1200, 800, new Rgb24(120, 170, 90)))
        {
            // Sky above, grass below: enough to see where the photo sits on the page.
            image.ProcessPixelRows(rows =>
            {
                for (var y = 0; y < 380; y++)
                {
                    foreach (ref var pixel in rows.GetRowSpan(y)) pixel = new Rgb24(90, 130, 200);
                }
            });
            using var stream = new MemoryStream();
            await image.SaveAsJpegAsync(stream, Cancel);
            await api.PutAsync($"/api/visible-actions/{ids[0]}/photo", new() { DataByte = stream.ToArray(), Headers = new Dictionary<string, string> { ["Content-Type"] = "image/jpeg" } });
        }
        var experiment = await api.PostAsync("/api/experiments", new() { DataObject = new
        {
            areaCode = "WK040003", title = "Buurttafel op het plein", hypothesis = "Als we een buurttafel neerzetten, dan praten buren meer met elkaar.",
            place = "Plein", startsOn = Day(-150), endsOn = Day(-60), stopCriterion = "Geen gebruik", removalPlan = "Tafel weghalen",
        } });
        var experimentId = System.Text.Json.JsonDocument.Parse(await experiment.TextAsync()).RootElement.GetProperty("id").GetInt32();
        await api.PutAsync($"/api/experiments/{experimentId}/evaluation", new() { DataObject = new { evaluation = "Werkt", decision = "borgen" }, Headers = new Dictionary<string, string> { ["If-Match"] = "\"1\"" } });
        await api.PostAsync("/api/safeguards", new() { DataObject = new
        {
            actionId = ids[0], ownerOrganisation = "Gemeente Den Helder", ownerPerson = "Wijkregisseur", budgetLine = "Leefbaarheid 2027",
            reviewMeeting = "Wijkoverleg Nieuw Den Helder", nextReviewOn = Day(-7),
        } });
        foreach (var (date, title, tone) in new[] { ("2016-04-01", "Nieuw speelveld", "positief"), ("2021-05-12", "Overlast scooters", "negatief"), ("2024-08-20", "Buurtmoestuin geopend", "positief") })
        {
            await api.PostAsync("/api/timeline/WK040003/moments", new() { DataObject = new { date, title, tone, kind = "gebeurtenis", source = "bewoners" } });
        }
        var rnd = new Random(3);
        for (var i = 0; i < 30; i++)
        {
            await api.PostAsync("/api/observations", new() { DataObject = new
            {
                date = "2026-11-20", partOfDay = i % 3 == 0 ? "middag" : "avond", group = "jongeren", activity = "staan", count = rnd.Next(1, 15),
                latitude = 52.93 + rnd.NextDouble() * 0.01 + (i % 2) * 0.02, longitude = 4.73 + rnd.NextDouble() * 0.01 + (i % 2) * 0.03,
            } });
        }

        var saved = new List<string>();
        await GotoAsync(desktop, "/acties?area=WK040003");
        saved.Add(await SaveAsync(desktop, "acties-desktop.png"));
        await GotoAsync(desktop, $"/acties/{ids[0]}");
        saved.Add(await SaveAsync(desktop, "actie-desktop.png"));
        await GotoAsync(desktop, "/borgen/WK040003");
        saved.Add(await SaveAsync(desktop, "borgen-desktop.png"));
        await GotoAsync(desktop, "/tijdlijn/WK040003?zoom=maanden");
        saved.Add(await SaveAsync(desktop, "tijdlijn-markers-desktop.png", fullPage: false));
        await GotoAsync(desktop, "/?acties=1");
        await Expect(desktop.Locator("#map .action-marker").First).ToBeAttachedAsync();
        saved.Add(await SaveAsync(desktop, "kaart-acties-desktop.png", fullPage: false));
        await GotoAsync(desktop, "/observaties/kaart?partOfDay=avond");
        await Expect(desktop.Locator("#observation-map[data-count]")).ToBeAttachedAsync();
        await desktop.GetByLabel(Fixture.Text("Observations.HeatToggle")).CheckAsync();
        await Expect(desktop.Locator("#observation-map path.heat-cell").First).ToBeAttachedAsync();
        saved.Add(await SaveAsync(desktop, "observaties-warmte-desktop.png"));
        await GotoAsync(desktop, "/werkwijzer/WK040003");
        saved.Add(await SaveAsync(desktop, "werkwijzer-stappen-desktop.png"));

        var phone = await NewPageAsync(BrowserFixture.Phone, phone: true, role: Roles.Professional);
        await GotoAsync(phone, "/acties/nieuw");
        await Expect(phone.Locator("#picker .leaflet-overlay-pane path").First).ToBeAttachedAsync();
        saved.Add(await SaveAsync(phone, "actie-nieuw-phone.png"));
        await GotoAsync(phone, $"/acties/{ids[0]}");
        saved.Add(await SaveAsync(phone, "actie-phone.png", fullPage: false));
        await GotoAsync(phone, "/borgen/WK040003");
        saved.Add(await SaveAsync(phone, "borgen-phone.png"));
        await GotoAsync(phone, "/tijdlijn/WK040003");
        saved.Add(await SaveAsync(phone, "tijdlijn-markers-phone.png", fullPage: false));
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
