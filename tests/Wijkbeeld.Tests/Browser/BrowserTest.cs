using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Tests.Features.Support;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// Base for the browser test classes: a new browser context per test (closed afterwards), helpers for the
/// map page, and the API of the same server for expected values. On a failure every open page is saved as a
/// screenshot under /tmp/screens/failures.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    public static readonly string[] KindLabels = ["Voorziening", "Kans", "Opgave", "Initiatief", "Kracht", "Signaal", "Gebeurtenis"];

    readonly List<IBrowserContext> contexts = [];
    readonly List<string> scriptErrors = [];

    protected BrowserFixture Fixture { get; } = fixture;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A page in a new, isolated browser context.</summary>
    protected async Task<IPage> NewPageAsync(ViewportSize? viewport = null, bool phone = false, string? role = null)
    {
        var context = await Fixture.NewContextAsync(viewport ?? BrowserFixture.Desktop, phone);
        contexts.Add(context);
        if (role is not null)
        {
            await SignInAsync(context, role);
        }
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => scriptErrors.Add($"{page.Url}: {error}");
        return page;
    }

    /// <summary>Opens <paramref name="path"/> in a new context and checks the server answered with <paramref name="status"/>.</summary>
    protected async Task<IPage> OpenAsync(string path, ViewportSize? viewport = null, bool phone = false, int status = 200, string? role = null)
    {
        var page = await NewPageAsync(viewport, phone, role);
        await GotoAsync(page, path, status);
        return page;
    }

    /// <summary>Signs the context in as a new account (the context keeps the cookie, as after the login page).</summary>
    protected async Task<TestAccount> SignInAsync(IBrowserContext context, string role = Roles.Administrator, string? organisation = TestAccounts.Municipality)
    {
        var account = await Fixture.App.CreateAccountAsync(role, organisation);
        var response = await context.APIRequest.PostAsync("/api/session", new() { DataObject = new { email = account.Email, password = account.Password } });
        Assert.Equal(204, response.Status);
        return account;
    }

    protected static async Task GotoAsync(IPage page, string path, int status = 200)
    {
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response.Status == status, $"GET {path}: expected HTTP {status}, got {response.Status}.");
    }

    /// <summary>No uncaught script error on any page of this test so far.</summary>
    protected void AssertNoScriptErrors() =>
        Assert.True(scriptErrors.Count == 0, "Script errors: " + string.Join(Environment.NewLine, scriptErrors));

    // ---- API of the same server, for expected values ----

    protected async Task<ItemPage> ApiItemsAsync(string query = "")
    {
        var page = await Fixture.Api.GetFromJsonAsync<ItemPage>($"/api/items?pageSize=500&{query}", Cancel);
        return page!;
    }

    protected async Task<ItemDto> ApiItemAsync(int id) =>
        (await Fixture.Api.GetFromJsonAsync<ItemDto>($"/api/items/{id}", Cancel))!;

    // ---- The map page ----

    protected static ILocator Map(IPage page) => page.Locator("#map");

    /// <summary>Single item markers (not clusters) on the map.</summary>
    protected static ILocator Markers(IPage page) => page.Locator("#map .leaflet-marker-icon.marker");

    protected static ILocator Clusters(IPage page) => page.Locator("#map .leaflet-marker-icon.marker-cluster");

    protected static ILocator ListRows(IPage page) => page.Locator("#item-list .item-row");

    protected static ILocator ListCount(IPage page) => page.Locator("#item-count");

    /// <summary>
    /// Waits until the map script has loaded <paramref name="expectedItems"/> items and shows them as
    /// markers or clusters, and the list (re-rendered for the map view) counts <paramref name="expectedInView"/>.
    /// </summary>
    protected static async Task WaitForMapAsync(IPage page, int expectedItems, int? expectedInView = null)
    {
        await Expect(Map(page)).ToHaveAttributeAsync("data-loaded", expectedItems.ToString(CultureInfo.InvariantCulture));
        if (expectedItems > 0)
        {
            await Expect(page.Locator("#map .leaflet-marker-icon").First).ToBeVisibleAsync();
        }
        // The script writes the map view into the URL when it re-renders the list for that view.
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]bbox="));
        if (expectedInView is { } n)
        {
            await Expect(ListCount(page)).ToHaveTextAsync($"({n})");
        }
    }

    /// <summary>
    /// How many items the map represents right now: single markers plus the numbers in the cluster icons.
    /// Counts only icons in the DOM, which markercluster limits to the view (and a small margin).
    /// </summary>
    protected static Task<int> ItemsOnMapAsync(IPage page) => page.EvaluateAsync<int>("""
        () => document.querySelectorAll('#map .leaflet-marker-icon.marker').length
            + [...document.querySelectorAll('#map .marker-cluster')].reduce((sum, c) => sum + Number(c.textContent.trim()), 0)
        """);

    /// <summary>The bbox the map view put in the URL (minLon,minLat,maxLon,maxLat).</summary>
    protected static string BboxFromUrl(IPage page)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(page.Url).Query);
        return query.TryGetValue("bbox", out var bbox) ? bbox.ToString() : throw new InvalidOperationException($"No bbox in {page.Url}");
    }

    /// <summary>
    /// Waits until the map has come to rest on a view other than <paramref name="previous"/> and the script has
    /// written that view into the URL (it does so when it re-renders the list); returns that bbox.
    /// </summary>
    protected static async Task<string> WaitForNewBboxAsync(IPage page, string previous)
    {
        await page.WaitForFunctionAsync("""
            previous => {
              const b = window.wijkbeeldMap.getBounds();
              const view = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(n => n.toFixed(5)).join(',');
              const bbox = new URLSearchParams(location.search).get('bbox');
              return bbox === view && bbox !== previous;
            }
            """, previous);
        return BboxFromUrl(page);
    }

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            await SaveFailureScreenshotsAsync();
        }
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
        GC.SuppressFinalize(this);
    }

    async Task SaveFailureScreenshotsAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "screens", "failures");
        Directory.CreateDirectory(directory);
        var name = Regex.Replace(TestContext.Current.Test?.TestDisplayName ?? "test", @"[^A-Za-z0-9_.-]+", "_");
        if (name.Length > 120) name = name[..120];
        var n = 0;
        foreach (var page in contexts.SelectMany(c => c.Pages))
        {
            try
            {
                var file = Path.Combine(directory, $"{name}-{++n}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Timeout = 5_000 });
                TestContext.Current.SendDiagnosticMessage($"Screenshot of {page.Url}: {file}");
            }
            catch (PlaywrightException)
            {
                // The page may be gone; the test result says what went wrong.
            }
        }
    }
}
