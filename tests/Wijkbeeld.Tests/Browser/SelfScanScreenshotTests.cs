using Microsoft.Playwright;
using Wijkbeeld.Tests.Features.Network;
using Wijkbeeld.Tests.Features.Werkagenda;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// Screenshots of the building blocks, social innovation, conversation cards and meeting pages at 1280 and 375 px in
/// /tmp/screens/selfscan, for people to look at. Runs only when WIJKBEELD_SCREENSHOTS is set (as <see cref="ScreenshotTests"/>).
/// </summary>
public sealed class SelfScanScreenshotTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Screenshots_of_building_blocks_social_innovation_cards_and_meetings()
    {
        Assert.SkipWhen(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ScreenshotTests.Variable)), $"Set {ScreenshotTests.Variable}=1 to save screenshots.");
        var directory = Path.Combine(Path.GetTempPath(), "screens", "selfscan");
        Directory.CreateDirectory(directory);
        var c = await Fixture.Writer.CreateCaseAsync("Wijkaanpak Nieuw Den Helder", area: "WK040003");
        await Fixture.Writer.PutBuildingBlocksAsync(c.Id);
        var innovation = new HttpRequestMessage(HttpMethod.Put, $"/api/cases/{c.Id}/social-innovation")
        {
            Content = JsonContent.Create(new
            {
                dimensions = new[]
                {
                    new { code = "nieuwe-kennis", stage = "aan-de-slag", note = "Wijkprofiel en verhalen van bewoners." },
                    new { code = "nieuwe-manier-van-organiseren", stage = "aandacht-nodig", note = "Nog steeds verkokerd." },
                },
            }),
        };
        innovation.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await Fixture.Writer.SendAsync(innovation, Cancel);
        var meeting = await MeetingsTests.AddMeetingAsync(Fixture.Writer, "Zorgoverleg", 3.5m, ("Test lezer", "Sociaal wijkteam"), ("Bob", "Sociaal wijkteam"), ("Cor", "Basisschool"));

        foreach (var (name, viewport, phone) in new[] { ("1280", BrowserFixture.Desktop, false), ("375", BrowserFixture.Phone, true) })
        {
            var page = await NewPageAsync(viewport, phone, role: Roles.Coordinator);
            await GotoAsync(page, $"/werkagenda/{c.Id}/bouwstenen?kaart=trek");
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"bouwstenen-{name}.png"), FullPage = true });
            await GotoAsync(page, $"/werkagenda/{c.Id}/sociale-innovatie");
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"sociale-innovatie-{name}.png"), FullPage = true });
            await GotoAsync(page, $"/werkagenda/{c.Id}");
            await page.Locator("#reflection").ScreenshotAsync(new() { Path = Path.Combine(directory, $"agenda-reflectie-{name}.png") });
            await GotoAsync(page, "/werkagenda");
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"overzicht-{name}.png"), FullPage = true });
            await GotoAsync(page, "/gesprekskaarten");
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"gesprekskaarten-{name}.png") });
            await GotoAsync(page, $"/overleggen/{meeting.Id}/wijzigen");
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"overleg-wijzigen-{name}.png"), FullPage = true });
            var reader = await NewPageAsync(viewport, phone, role: Roles.Reader);
            await GotoAsync(reader, "/overleggen");
            await reader.Locator("#totals").ScreenshotAsync(new() { Path = Path.Combine(directory, $"overleggen-lezer-{name}.png") });
        }
    }
}
