using Microsoft.Playwright;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// Screenshots of stories and focus themes for people to look at, written to /tmp/screens (copy the ones worth keeping
/// into docs/). Runs only when WIJKBEELD_SCREENSHOTS is set, like <see cref="ScreenshotTests"/>.
/// </summary>
public sealed class StoriesScreenshotTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    static readonly string Directory = Path.Combine(Path.GetTempPath(), "screens");

    [Fact]
    public async Task Screenshots_of_stories_and_focus()
    {
        Assert.SkipWhen(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ScreenshotTests.Variable)), $"Set {ScreenshotTests.Variable}=1 to save screenshots.");
        System.IO.Directory.CreateDirectory(Directory);
        var desktop = await NewPageAsync(BrowserFixture.Desktop, role: Roles.Coordinator);
        var api = desktop.Context.APIRequest;
        (string Text, string Source, string Area, string[] Themes, string Date)[] stories =
        [
            ("Op vrijdagavond staan de jongens bij de snackbar. Ze doen niks, maar mensen lopen met een boog om ze heen.", "ondernemer", "BU04000501", ["jeugd", "veiligheid"], "2026-11-02"),
            ("Wij hebben geen plek meer sinds het jongerencentrum dicht is. Waar moeten we dan heen?", "jongere", "BU04000501", ["jeugd"], "2026-11-08"),
            ("Sinds de moestuin er is, ken ik mijn buren. We drinken er op zaterdag koffie.", "bewoner", "BU04000502", ["ontmoeting", "groen-openbare-ruimte"], "2026-11-15"),
            ("Veel ouders durven hun kinderen 's avonds niet naar de sportclub te laten fietsen.", "ouder", "BU04000502", ["veiligheid", "sport-bewegen"], "2026-11-20"),
            ("We zien dezelfde gezinnen bij de schuldhulp, het jongerenwerk en de wijkagent. We praten te weinig met elkaar.", "professional", "WK040005", ["armoede-schulden"], "2026-11-25"),
        ];
        var ids = new List<int>();
        foreach (var s in stories)
        {
            var response = await api.PostAsync("/api/stories", new() { DataObject = new { text = s.Text, source = s.Source, area = s.Area, themes = s.Themes, date = s.Date, visibility = "openbaar" } });
            using var json = System.Text.Json.JsonDocument.Parse(await response.TextAsync());
            ids.Add(json.RootElement.GetProperty("id").GetInt32());
        }
        await Fixture.Api.PostAsJsonAsync("/api/stories/submissions", new { text = "De straatverlichting bij het fietspad is al weken kapot.", source = "bewoner", area = "BU04000501", themes = new[] { "veiligheid" } }, Cancel);
        var moment = System.Text.Json.JsonDocument.Parse(await (await api.PostAsync("/api/timeline/WK040005/moments", new() { DataObject = new
            { date = "2025-01-01", title = "Jongerencentrum dicht", kind = "verandering", tone = "negatief", source = "jongerenwerk" } })).TextAsync()).RootElement.GetProperty("id").GetInt32();
        var pattern = System.Text.Json.JsonDocument.Parse(await (await api.PostAsync("/api/timeline/WK040005/patterns", new() { DataObject = new
            { text = "Sinds het jongerencentrum dicht is, zoeken jongeren plekken op straat.", momentIds = new[] { moment } } })).TextAsync()).RootElement.GetProperty("id").GetInt32();
        await api.PostAsync("/api/focus", new() { DataObject = new
        {
            areaCode = "WK040005", title = "Een plek voor jongeren", reason = "Jongeren, ondernemers en ouders noemen allemaal de avond en het gemis van een eigen plek.",
            patternIds = new[] { pattern }, storyIds = ids.Take(2).ToArray(), visibility = "openbaar",
        } });

        var saved = new List<string>();
        await GotoAsync(desktop, "/verhalen");
        saved.Add(await SaveAsync(desktop, "verhalen-desktop.png"));
        await GotoAsync(desktop, "/verhalen/gebied/WK040005");
        saved.Add(await SaveAsync(desktop, "verhalen-gebied-desktop.png"));
        await GotoAsync(desktop, "/verhalen/moderatie");
        saved.Add(await SaveAsync(desktop, "verhalen-moderatie-desktop.png"));
        await GotoAsync(desktop, "/focus/WK040005");
        saved.Add(await SaveAsync(desktop, "focus-desktop.png"));
        await GotoAsync(desktop, "/profiel/WK040005");
        await desktop.Locator("#profile-stories").ScrollIntoViewIfNeededAsync();
        saved.Add(await SaveAsync(desktop, "profiel-verhalen-desktop.png"));
        await GotoAsync(desktop, "/werkwijzer/WK040005");
        saved.Add(await SaveAsync(desktop, "werkwijzer-verhalen-desktop.png"));

        var phone = await NewPageAsync(BrowserFixture.Phone, phone: true);
        await GotoAsync(phone, "/verhalen/vertel");
        saved.Add(await SaveAsync(phone, "verhalen-vertel-phone.png"));
        await GotoAsync(phone, "/verhalen/gebied/WK040005");
        saved.Add(await SaveAsync(phone, "verhalen-gebied-phone.png"));
        var writerPhone = await NewPageAsync(BrowserFixture.Phone, phone: true, role: Roles.Professional);
        await GotoAsync(writerPhone, "/focus/WK040005");
        saved.Add(await SaveAsync(writerPhone, "focus-phone.png"));
        await GotoAsync(writerPhone, "/verhalen");
        saved.Add(await SaveAsync(writerPhone, "verhalen-phone.png"));
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
