using System.Globalization;
using Microsoft.Playwright;
using Wijkbeeld.Tests.Features.Network;
using Wijkbeeld.Tests.Features.Werkagenda;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// Screenshots of the werkagenda pages at 1280 and 375 px in /tmp/screens/werkagenda, for people to look at. Runs only when
/// WIJKBEELD_SCREENSHOTS is set (as <see cref="ScreenshotTests"/>).
/// </summary>
public sealed class WerkagendaScreenshotTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Screenshots_of_sliders_koppelkansen_agenda_and_meetings()
    {
        Assert.SkipWhen(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ScreenshotTests.Variable)), $"Set {ScreenshotTests.Variable}=1 to save screenshots.");
        var directory = Path.Combine(Path.GetTempPath(), "screens", "werkagenda");
        Directory.CreateDirectory(directory);
        var c = await Fixture.Writer.CreateCaseAsync("Wijkaanpak Nieuw Den Helder", area: "WK040003");
        var round = await Fixture.Writer.StartRoundAsync(c.Id, "Voorjaar 2026");
        var roles = new[] { Roles.Professional, Roles.Coordinator, Roles.Reader };
        for (var i = 0; i < roles.Length; i++)
        {
            var colleague = await Fixture.App.CreateClientAsAsync(roles[i]);
            await colleague.PlaceAllAsync(round.Id, 2 + 3 * i, 7 + i, $"Zo zie ik het als {roles[i]}.");
        }
        await Fixture.Writer.AddActionAsync(c.Id, "Bewonersavond organiseren", "2026-01-15");
        await Fixture.Writer.AddActionAsync(c.Id, "Speelplek opknappen", "2027-06-01", status: "bezig");
        var item = await Fixture.Writer.CreateItemAsync(NewItem.At(Places.NieuwDenHelderCentrum, "Repaircafé De Naaiclub") with { Kind = "initiatief", Themes = ["energie"] });
        await Fixture.Writer.PostAsJsonAsync("/api/link-opportunities", new { itemId = item.Id, drivers = new[] { "energietransitie", "gezonde-wijk" },
            message = "Het repaircafé van de naaiclub verlaagt ook energierekeningen." }, Cancel);
        var zorg = await MeetingsTests.AddMeetingAsync(Fixture.Writer, "Zorgoverleg", 3.5m, ("Ans", "Sociaal wijkteam"), ("Bob", "Sociaal wijkteam"), ("Cor", "Basisschool"));
        var jeugd = await MeetingsTests.AddMeetingAsync(Fixture.Writer, "Jeugdoverleg", 2m, ("Ans", "Sociaal wijkteam"), ("Cor", "Basisschool"));
        await MeetingsTests.AddMeetingAsync(Fixture.Writer, "Buurtoverleg", 1.5m, ("Bob", "Sociaal wijkteam"), ("Dora", "Basisschool"));

        foreach (var (name, viewport, phone) in new[] { ("1280", BrowserFixture.Desktop, false), ("375", BrowserFixture.Phone, true) })
        {
            var page = await NewPageAsync(viewport, phone, role: Roles.Coordinator);
            await GotoAsync(page, $"/zelfscan/{round.Id}#result");
            await page.Locator("#result").ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"sliders-{name}.png"), FullPage = true });
            await GotoAsync(page, $"/werkagenda/{c.Id}");
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"agenda-{name}.png"), FullPage = true });
            await GotoAsync(page, $"/overleggen?m{jeugd.Id}=drop");
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"meetings-{name}.png"), FullPage = true });
            await GotoAsync(page, "/?koppelkansen=1");
            await Expect(Map(page)).ToHaveAttributeAsync("data-koppelkansen", "1");
            await page.Locator(".koppelkans-marker").First.ClickAsync(new() { Force = true });
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"koppelkansen-map-{name}.png") });
            await GotoAsync(page, "/koppelkansen");
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"koppelkansen-{name}.png"), FullPage = true });
        }
        _ = zorg;
    }
}
