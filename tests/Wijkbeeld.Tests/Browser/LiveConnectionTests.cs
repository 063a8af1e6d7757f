using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wijkbeeld.Tests.Features.Support;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// The live connection as the user sees it when the network goes: the page says it is offline, reconnects by
/// itself, and then shows every change it missed, once.
/// </summary>
public sealed partial class LiveConnectionTests(BrowserFixture fixture) : LiveBrowserTest(fixture)
{
    HttpClient Api => Fixture.Writer;

    [GeneratedRegex("/hubs/updates")]
    private static partial Regex Hub();

    [Fact]
    public async Task After_a_dropped_connection_the_page_reconnects_by_itself_and_shows_each_missed_change_once()
    {
        var place = Places.MiddelzandZuid;
        var elsewhere = place.Nearby();
        var tag = TestApps.UniqueTag();
        var stays = await Api.CreateItemAsync(NewItem.At(place, $"Blijft staan {tag}") with { Kind = "kracht" });
        var goes = await Api.CreateItemAsync(NewItem.At(elsewhere, $"Gaat weg {tag}") with { Kind = "signaal" });

        // The page's WebSocket goes through Playwright (unchanged), so the test can cut it as a network would.
        IWebSocketRoute? socket = null;
        var page = await OpenMapAsync(place, prepare: p => p.RouteWebSocketAsync(Hub(), ws =>
        {
            socket = ws;
            ws.ConnectToServer();
        }));
        await Expect(MarkersTagged(page, tag)).ToHaveCountAsync(2);
        Assert.NotNull(socket);

        // The network goes: new connections to the hub fail, and the open one breaks (1006: closed abnormally).
        await page.RouteAsync(Hub(), route => route.AbortAsync("internetdisconnected"));
        await socket.CloseAsync(new() { Code = 1006, Reason = "Netwerk weg" });
        await Expect(ConnectionStatus(page)).ToBeVisibleAsync();
        await Expect(ConnectionStatus(page)).ToHaveTextAsync(Fixture.Text("Live.Offline"));
        Assert.Equal("Reconnecting", await page.EvaluateAsync<string>("() => window.wijkbeeldLive.connection.state"));

        // Three changes while the page is offline: a new item, that item changed, an item deleted.
        var added = await Api.CreateItemAsync(NewItem.At(place with { Latitude = place.Latitude - 0.0015 }, $"Nieuw onderweg {tag}") with { Kind = "kans" });
        var changed = await (await Api.PutItemAsync(added.Id, added.ToInput() with { Title = $"Nieuw en gewijzigd {tag}" }, "\"1\""))
            .ReadOkAsync<ItemShape>();
        Assert.Equal(HttpStatusCode.NoContent, (await Api.DeleteItemAsync(goes.Id)).StatusCode);
        var latest = await Api.LatestSequenceAsync();
        // Offline, the page still shows the old picture.
        Assert.Equal(0, await MarkersTagged(page, "onderweg").CountAsync() + await MarkersTagged(page, "Nieuw en gewijzigd").CountAsync());
        Assert.Equal(1, await page.Locator($"#map .marker[title='{goes.Title}']").CountAsync());

        // The network comes back: the page reconnects by itself (next retry within a few seconds) and catches up.
        await page.UnrouteAsync(Hub());
        await Expect(ConnectionStatus(page)).ToHaveTextAsync(Fixture.Text("Live.Online"), new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("latest => window.wijkbeeldLive.lastSequence >= latest", latest);
        await Expect(page.Locator($"#map .marker[title='{goes.Title}']")).ToHaveCountAsync(0);
        await Expect(MarkersTagged(page, tag)).ToHaveCountAsync(2);
        await Expect(RowsTagged(page, tag)).ToHaveCountAsync(2);
        await Expect(page.Locator($"#map .marker[title='{changed.Title}']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#map .marker[title='{stays.Title}']")).ToHaveCountAsync(1);
        await Expect(RowsTagged(page, "Nieuw en gewijzigd")).ToHaveCountAsync(1);
        await Expect(RowsTagged(page, "Nieuw onderweg")).ToHaveCountAsync(0);
        await Expect(Announcer(page)).ToHaveTextAsync($"{Fixture.Text("Live.Deleted")}: {goes.Title}");
        // No row twice, and the map counts as many items in view as the list.
        var rowIds = await page.Locator("#item-list .item-row").EvaluateAllAsync<int[]>("rows => rows.map(r => Number(r.dataset.id))");
        Assert.Equal(rowIds.Distinct().Count(), rowIds.Length);
        Assert.Equal(rowIds.Length, await ItemsInViewAsync(page));

        // Live again: the next change arrives within a second.
        await ExpectLiveAsync("na herverbinden", [page], MarkerAndRowGone, new { title = stays.Title },
            async () => Assert.Equal(HttpStatusCode.NoContent, (await Api.DeleteItemAsync(stays.Id)).StatusCode));
        await Expect(ConnectionStatus(page)).ToBeHiddenAsync();
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_short_network_outage_that_keeps_the_connection_ends_with_the_offline_notice_gone()
    {
        var place = Places.Zuiderhaven;
        var tag = TestApps.UniqueTag();
        var page = await OpenMapAsync(place, viewport: BrowserFixture.Phone, phone: true);

        // The browser reports the network gone; Chromium keeps the open WebSocket (no reconnect follows).
        await page.Context.SetOfflineAsync(true);
        await Expect(ConnectionStatus(page)).ToHaveTextAsync(Fixture.Text("Live.Offline"));
        await page.Context.SetOfflineAsync(false);

        await Expect(ConnectionStatus(page)).ToHaveTextAsync(Fixture.Text("Live.Online"));
        await Expect(ConnectionStatus(page)).ToBeHiddenAsync();
        Assert.Equal("Connected", await page.EvaluateAsync<string>("() => window.wijkbeeldLive.connection.state"));
        await ExpectLiveAsync("na korte storing", [page], MarkerAndRowShown, new { title = $"Na de storing {tag}", lat = place.Latitude, lon = place.Longitude },
            () => Api.CreateItemAsync(NewItem.At(place, $"Na de storing {tag}")));
        AssertNoScriptErrors();
    }

    /// <summary>Items the map shows in its view: single markers plus the counts of clusters, within the map's bounds.</summary>
    static Task<int> ItemsInViewAsync(IPage page) => page.EvaluateAsync<int>("""
        () => {
          const map = window.wijkbeeldMap;
          const size = map.getSize();
          const inView = el => {
            const p = map.layerPointToContainerPoint(el._leaflet_pos);
            return p.x >= 0 && p.y >= 0 && p.x <= size.x && p.y <= size.y;
          };
          return [...document.querySelectorAll('#map .leaflet-marker-icon.marker')].filter(inView).length
            + [...document.querySelectorAll('#map .marker-cluster')].filter(inView).reduce((n, c) => n + Number(c.textContent.trim()), 0);
        }
        """);
}
