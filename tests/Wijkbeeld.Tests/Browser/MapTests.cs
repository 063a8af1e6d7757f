using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>The wijkkaart in a desktop browser: markers, legend, popups, filters and the list that follows the map.</summary>
public sealed class MapTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_map_shows_the_items_as_icons_with_a_legend_and_the_list_shows_them_too()
    {
        var total = (await ApiItemsAsync()).Total;
        Assert.True(total > 50, "The sample has more items than one list page.");

        var page = await OpenAsync("/");

        await WaitForMapAsync(page, total, expectedInView: total);
        await Expect(Markers(page).First).ToBeVisibleAsync();
        await Expect(Clusters(page).First).ToBeVisibleAsync();
        // The whole municipality is in view: every item is a marker or counted in a cluster.
        Assert.Equal(total, await ItemsOnMapAsync(page));

        var legend = page.Locator("#map .legend");
        await Expect(legend).ToBeVisibleAsync();
        await Expect(legend.Locator("li")).ToHaveCountAsync(KindLabels.Length);
        await Expect(legend.Locator("li")).ToContainTextAsync(KindLabels);
        // Every legend entry has the icon of its kind: shape and colour, not colour alone.
        await Expect(legend.Locator("li svg.kind-icon")).ToHaveCountAsync(KindLabels.Length);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Items ({total})" })).ToBeVisibleAsync();
        await Expect(ListRows(page)).ToHaveCountAsync(50);
        await Expect(ListRows(page).First.Locator("a.item-title")).ToHaveAttributeAsync("href", new Regex(@"^/items/\d+$"));
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Pagina's" })).ToContainTextAsync("Pagina 1 van 2");
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task Clicking_an_icon_opens_a_popup_with_title_kind_status_and_a_link_to_the_item()
    {
        // A kind and buurt with exactly one item: the filtered map shows one marker, not a cluster.
        var item = (await ApiItemsAsync()).Items
            .Where(i => i.Neighbourhood is not null)
            .GroupBy(i => (i.Kind, i.Neighbourhood!.Code))
            .Where(g => g.Count() == 1)
            .Select(g => g.Single())
            .OrderBy(i => i.Id)
            .First();

        var page = await OpenAsync($"/?kind={item.Kind}&area={item.Neighbourhood!.Code}");
        await WaitForMapAsync(page, expectedItems: 1);
        await Expect(Clusters(page)).ToHaveCountAsync(0);
        var marker = Markers(page);
        await Expect(marker).ToHaveCountAsync(1);
        await Expect(marker).ToHaveAttributeAsync("title", item.Title);

        await marker.ClickAsync();

        var popup = page.Locator("#map .leaflet-popup");
        await Expect(popup).ToBeVisibleAsync();
        await Expect(popup.GetByRole(AriaRole.Heading)).ToHaveTextAsync(item.Title);
        var kind = Fixture.Text("Kind." + item.Kind);
        var status = Fixture.Text("Status." + item.Status);
        await Expect(popup.Locator(".item-meta")).ToContainTextAsync($"{kind} · {status} · {item.Neighbourhood.Name}");
        var link = popup.GetByRole(AriaRole.Link, new() { Name = Fixture.Text("Map.OpenItem") });
        await Expect(link).ToHaveAttributeAsync("href", $"/items/{item.Id}");

        await link.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($@"/items/{item.Id}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveAccessibleNameAsync(item.Title);
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task Ticking_a_kind_filters_map_list_and_url_and_the_url_opened_fresh_shows_the_same()
    {
        var total = (await ApiItemsAsync()).Total;
        var kans = await ApiItemsAsync("kind=kans");
        Assert.InRange(kans.Total, 2, Math.Min(total - 1, 50));
        var kansLabel = Fixture.Text("Kind.kans");

        var page = await OpenAsync("/");
        await WaitForMapAsync(page, total, expectedInView: total);
        Assert.Equal(total, await ItemsOnMapAsync(page));

        await page.GetByRole(AriaRole.Checkbox, new() { Name = kansLabel, Exact = true }).CheckAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]kind=kans(&|$)"));
        await WaitForMapAsync(page, kans.Total, expectedInView: kans.Total);
        Assert.Equal(kans.Total, await ItemsOnMapAsync(page));
        await Expect(ListRows(page)).ToHaveCountAsync(kans.Total);
        var metas = await page.Locator("#item-list .item-row .item-meta").AllTextContentsAsync();
        Assert.All(metas, meta => Assert.StartsWith($"{kansLabel} · ", meta.Trim()));
        var titles = await page.Locator("#item-list .item-title").AllTextContentsAsync();
        Assert.Equal(kans.Items.Select(i => i.Title).Order(), titles.Order());

        // The filtered URL, opened fresh (another browser context): the same picture.
        var fresh = await OpenAsync(page.Url);
        await Expect(fresh.GetByRole(AriaRole.Checkbox, new() { Name = kansLabel, Exact = true })).ToBeCheckedAsync();
        await Expect(fresh.Locator("#filters input[name=kind]:checked")).ToHaveCountAsync(1);
        await WaitForMapAsync(fresh, kans.Total, expectedInView: kans.Total);
        Assert.Equal(kans.Total, await ItemsOnMapAsync(fresh));
        var freshTitles = await fresh.Locator("#item-list .item-title").AllTextContentsAsync();
        Assert.Equal(titles.Order(), freshTitles.Order());
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task Zooming_and_panning_the_map_updates_the_list_to_the_items_in_view()
    {
        var total = (await ApiItemsAsync()).Total;
        var centrum = await Fixture.Api.GetFromJsonAsync<JsonObject>("/api/areas/BU04000001", Cancel);
        var b = centrum!["bbox"]!.AsArray().Select(n => n!.GetValue<double>()).ToArray();

        var page = await OpenAsync("/");
        await WaitForMapAsync(page, total, expectedInView: total);
        var wholeMunicipality = BboxFromUrl(page);

        // Zoom into the buurt Centrum.
        await page.EvaluateAsync("b => { window.wijkbeeldMap.fitBounds([[b[1], b[0]], [b[3], b[2]]]); }", b);
        var zoomedIn = await WaitForNewBboxAsync(page, wholeMunicipality);
        var inCentrum = (await ApiItemsAsync($"bbox={zoomedIn}")).Total;
        Assert.InRange(inCentrum, 1, total - 1);
        await Expect(ListCount(page)).ToHaveTextAsync($"({inCentrum})");
        await Expect(ListRows(page)).ToHaveCountAsync(inCentrum);

        // Pan by dragging the map with the mouse, as a user does.
        var box = (await Map(page).BoundingBoxAsync())!;
        var (x, y) = (box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x - box.Width / 3, y - box.Height / 4, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        var panned = await WaitForNewBboxAsync(page, zoomedIn);
        var afterPan = (await ApiItemsAsync($"bbox={panned}")).Total;
        await Expect(ListCount(page)).ToHaveTextAsync($"({afterPan})");

        // Zoom out twice with the map's own button: more of the town in view, at least as many items.
        var zoomOut = page.GetByRole(AriaRole.Button, new() { Name = "Uitzoomen" });
        var zoom = await page.EvaluateAsync<int>("() => window.wijkbeeldMap.getZoom()");
        foreach (var expected in new[] { zoom - 1, zoom - 2 })
        {
            await zoomOut.ClickAsync();
            // Leaflet drops a zoom click while it is still animating the previous one, as it would for a user.
            await page.WaitForFunctionAsync(
                "z => window.wijkbeeldMap.getZoom() === z && !document.querySelector('#map .leaflet-zoom-anim')", expected);
        }
        var zoomedOut = await WaitForNewBboxAsync(page, panned);
        var afterZoomOut = (await ApiItemsAsync($"bbox={zoomedOut}")).Total;
        Assert.True(afterZoomOut >= afterPan, $"Zooming out showed fewer items ({afterZoomOut} < {afterPan}).");
        await Expect(ListCount(page)).ToHaveTextAsync($"({afterZoomOut})");
        AssertNoScriptErrors();
    }
}
