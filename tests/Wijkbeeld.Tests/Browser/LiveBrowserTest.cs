using System.Globalization;
using Microsoft.Playwright;
using Wijkbeeld.Tests.Features.Support;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// Base for the tests of the live picture in the browser: pages that follow the changes, and a way to measure
/// how long a change takes to show (see <see cref="LiveWatch"/>).
/// </summary>
public abstract class LiveBrowserTest(BrowserFixture fixture) : BrowserTest(fixture)
{
    protected static ILocator Announcer(IPage page) => page.Locator("#live-announcer");

    protected static ILocator ConnectionStatus(IPage page) => page.Locator("#connection-status");

    /// <summary>
    /// Opens <paramref name="path"/> in a new context with the watch helpers, and waits until the page follows the
    /// changes (it has joined the hub and caught up: the catch-up request after Follow has answered).
    /// </summary>
    protected async Task<IPage> OpenLiveAsync(string path, ViewportSize? viewport = null, bool phone = false, Func<IPage, Task>? prepare = null, string? role = null)
    {
        var page = await NewPageAsync(viewport, phone, role);
        if (prepare is not null)
        {
            await prepare(page);
        }
        return await GotoLiveAsync(page, path);
    }

    /// <summary>Opens <paramref name="path"/> in a page of its own, in the context of <paramref name="sameBrowser"/>.</summary>
    protected async Task<IPage> OpenLiveTabAsync(IPage sameBrowser, string path) =>
        await GotoLiveAsync(await sameBrowser.Context.NewPageAsync(), path);

    /// <summary>Installs the watch helpers, opens <paramref name="path"/> and waits until the page follows the changes.</summary>
    public static async Task<IPage> GotoLiveAsync(IPage page, string path)
    {
        await LiveWatch.InstallAsync(page.Context);
        var followed = page.WaitForResponseAsync(r => r.Url.Contains("/api/activity?since=", StringComparison.Ordinal) && r.Status == 200);
        await GotoAsync(page, path);
        await followed;
        return page;
    }

    /// <summary>
    /// Opens the map on a quiet place's view and waits until it has loaded its items, re-rendered the list for its
    /// view and follows the changes.
    /// </summary>
    protected async Task<IPage> OpenMapAsync(Place place, string filter = "", ViewportSize? viewport = null, bool phone = false, Func<IPage, Task>? prepare = null)
    {
        var page = await OpenLiveAsync(MapPath(place, filter), viewport, phone, prepare);
        await WaitForMapViewAsync(page);
        return page;
    }

    /// <summary>The map page on a quiet place's view, with an optional filter.</summary>
    public static string MapPath(Place place, string filter = "") => $"/?{filter}{(filter.Length > 0 ? "&" : "")}bbox={place.View()}";

    public static async Task WaitForMapViewAsync(IPage page)
    {
        await Expect(Map(page)).ToHaveAttributeAsync("data-loaded", new System.Text.RegularExpressions.Regex(@"^\d+$"));
        await page.WaitForFunctionAsync("""
            () => {
              const b = window.wijkbeeldMap.getBounds();
              const view = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(n => n.toFixed(5)).join(',');
              return new URLSearchParams(location.search).get('bbox') === view && !document.querySelector('#map .leaflet-zoom-anim');
            }
            """);
    }

    /// <summary>
    /// Arms a watch for <paramref name="condition"/> on every page, runs the action, and checks that every page showed
    /// it within a second of the action's response. Returns the delays in ms.
    /// </summary>
    protected static Task<long[]> ExpectLiveAsync(string what, IReadOnlyList<IPage> pages, string condition, object arg, Func<Task> action) =>
        ExpectLiveAfterAsync(what, pages, condition, arg, async () =>
        {
            await action();
            return LiveWatch.Now();
        });

    /// <summary>As <see cref="ExpectLiveAsync"/>, for an action that says when its response came (ms since 1970), such as <see cref="SubmitAsync"/>.</summary>
    public static async Task<long[]> ExpectLiveAfterAsync(string what, IReadOnlyList<IPage> pages, string condition, object arg, Func<Task<long>> action)
    {
        var watches = new List<LiveWatch.Watch>();
        foreach (var page in pages)
        {
            watches.Add(await LiveWatch.ArmAsync(page, condition, arg));
        }
        var respondedAt = await action();
        var delays = new long[pages.Count];
        for (var i = 0; i < pages.Count; i++)
        {
            delays[i] = await watches[i].DelayAfterAsync(respondedAt);
            var viewport = pages[i].ViewportSize is { } v ? $"{v.Width}x{v.Height}" : "?";
            TestContext.Current.TestOutputHelper?.WriteLine($"{what} seen on {viewport} after {delays[i]} ms");
        }
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.True(delays[i] < LiveWatch.Promise.TotalMilliseconds,
                $"{what}: page {i + 1} showed it after {delays[i]} ms (promise: {LiveWatch.Promise.TotalMilliseconds} ms).");
        }
        return delays;
    }

    /// <summary>Clicks a submit button; returns when the test heard of the POST's response (ms since 1970).</summary>
    public static async Task<long> SubmitAsync(IPage page, ILocator button)
    {
        long? respondedAt = null;
        // The form's own POST is a navigation; SignalR's negotiate POSTs (a reconnecting page) are not.
        static bool IsFormPost(IRequest request) => request.Method == "POST" && request.IsNavigationRequest;
        void OnResponse(object? sender, IResponse response)
        {
            if (IsFormPost(response.Request)) respondedAt ??= LiveWatch.Now();
        }
        page.Response += OnResponse;
        try
        {
            var response = await page.RunAndWaitForResponseAsync(() => button.ClickAsync(), r => IsFormPost(r.Request));
            Assert.True(response.Status is 302 or 303, $"POST {response.Url}: expected a redirect, got {response.Status}.");
            return respondedAt ?? LiveWatch.Now();
        }
        finally
        {
            page.Response -= OnResponse;
        }
    }

    /// <summary>The item markers whose title contains <paramref name="tag"/>: this test's own, whatever else is near.</summary>
    public static ILocator MarkersTagged(IPage page, string tag) => page.Locator($"#map .leaflet-marker-icon.marker[title*='{tag}']");

    public static ILocator RowsTagged(IPage page, string tag) => ListRows(page).Filter(new() { HasText = tag });

    protected static string Coordinate(double value) => value.ToString("0.000000", CultureInfo.InvariantCulture);

    // ---- Conditions on the map page (JavaScript; `live` are the helpers of LiveWatch, `arg` the values) ----

    /// <summary>One marker with the title at the place, and one row with that title in the list.</summary>
    public const string MarkerAndRowShown = """
        live.markers(arg.title).length === 1 && live.at(live.markers(arg.title)[0], arg.lat, arg.lon) && live.rows(arg.title).length === 1
        """;

    /// <summary>As <see cref="MarkerAndRowShown"/>, and nothing left with the old title.</summary>
    public const string MarkerAndRowChanged = MarkerAndRowShown + " && live.markers(arg.oldTitle).length === 0 && live.rows(arg.oldTitle).length === 0";

    /// <summary>The marker and the row were drawn anew (after <see cref="RememberAsync"/>) and the row flashes.</summary>
    public const string MarkerAndRowRenewed = """
        live.markers(arg.title).length === 1 && live.fresh(live.markers(arg.title)[0])
          && live.rows(arg.title).length === 1 && live.fresh(live.rows(arg.title)[0]) && live.rows(arg.title)[0].classList.contains('flash')
        """;

    public const string MarkerAndRowGone = "live.markers(arg.title).length === 0 && live.rows(arg.title).length === 0";

    /// <summary>Marks the item's marker and row as they are now, to see them drawn anew.</summary>
    public static Task RememberAsync(IPage page, ItemShape item) =>
        page.EvaluateAsync("title => window.__live.remember([...window.__live.markers(title), ...window.__live.rows(title)])", item.Title);
}
