using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// Full-page screenshots of the main pages on a desktop PC and a phone, for people to look at, in /tmp/screens
/// (never in the repository). Runs only when WIJKBEELD_SCREENSHOTS is set, e.g.
/// <c>WIJKBEELD_SCREENSHOTS=1 dotnet test --filter "FullyQualifiedName~Screenshot"</c>.
/// </summary>
public sealed class ScreenshotTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    public const string Variable = "WIJKBEELD_SCREENSHOTS";

    static readonly string Directory = Path.Combine(Path.GetTempPath(), "screens");

    [Fact]
    public async Task Screenshots_of_map_new_item_and_item_page_on_desktop_and_phone()
    {
        Assert.SkipWhen(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)), $"Set {Variable}=1 to save screenshots to {Directory}.");
        System.IO.Directory.CreateDirectory(Directory);
        var items = await ApiItemsAsync();
        var item = items.Items.Where(i => i.RelatedItemIds.Count > 0).OrderBy(i => i.Id).FirstOrDefault() ?? items.Items[0];

        var saved = new List<string>();
        foreach (var (name, viewport, phone) in new[] { ("desktop", BrowserFixture.Desktop, false), ("phone", BrowserFixture.Phone, true) })
        {
            var page = await NewPageAsync(viewport, phone);
            var size = $"{viewport.Width}x{viewport.Height}";

            await GotoAsync(page, "/");
            await WaitForMapAsync(page, items.Total, expectedInView: items.Total);
            saved.Add(await SaveAsync(page, $"map-{name}-{size}.png"));

            await GotoAsync(page, "/meedoen");
            await Expect(page.Locator("#picker .leaflet-overlay-pane path").First).ToBeAttachedAsync();
            saved.Add(await SaveAsync(page, $"meedoen-{name}-{size}.png"));

            // A coordinator's pages.
            var signedIn = await NewPageAsync(viewport, phone, role: Roles.Coordinator);
            await GotoAsync(signedIn, "/items/new");
            await Expect(signedIn.Locator("#picker .leaflet-overlay-pane path").First).ToBeAttachedAsync();
            saved.Add(await SaveAsync(signedIn, $"item-new-{name}-{size}.png"));
            foreach (var (path, file) in new[] { ("/moderatie", "moderatie"), ("/beheer/organisaties", "organisaties"), ("/beheer/logboek", "logboek"), ("/account", "account") })
            {
                await GotoAsync(signedIn, path);
                saved.Add(await SaveAsync(signedIn, $"{file}-{name}-{size}.png"));
            }

            await GotoAsync(page, $"/items/{item.Id}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveAccessibleNameAsync(item.Title);
            saved.Add(await SaveAsync(page, $"item-{name}-{size}.png"));
        }

        Assert.All(saved, file => Assert.True(new FileInfo(file).Length > 0, file));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, saved));
        AssertNoScriptErrors();
    }

    static async Task<string> SaveAsync(IPage page, string file)
    {
        var path = Path.Combine(Directory, file);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        return path;
    }
}
