using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// Step 4 of WerkwijzerPlus in the browser: a visible action added on a phone shows on the wijkkaart's action layer and
/// on the timeline wall, which opens at the newest end; the observation map's heat view draws cells for a part of day.
/// </summary>
public sealed class VisibleActionBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task An_action_added_on_a_phone_shows_on_the_map_layer_and_on_the_timeline()
    {
        // An old moment makes the wall span years, so opening at the newest end means scrolling.
        (await Fixture.Writer.PostAsJsonAsync("/api/timeline/WK040001/moments",
            new { date = "2012-05-01", title = "Oud moment", kind = "incident", tone = "negatief", source = "wijkagent" }, Cancel)).EnsureSuccessStatusCode();

        var page = await NewPageAsync(BrowserFixture.Phone, phone: true, role: Roles.Professional);
        await GotoAsync(page, "/acties/nieuw");
        await Expect(page.Locator("#picker .leaflet-overlay-pane path").First).ToBeAttachedAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"));

        var title = "Vlaggen in de straat " + Guid.NewGuid().ToString("N")[..8];
        await page.Locator("#Form_AreaCode").SelectOptionAsync("WK040001");
        await page.Locator("#Form_Title").FillAsync(title);
        await page.Locator("#Form_Goal").FillAsync("Laten zien dat de straat samen iets doet");
        await page.Locator("#Form_Owner").FillAsync("Buurtteam Willemsoord");
        await page.Locator("#Form_Partners").FillAsync("Welzijn\nBewoners Kerkgracht");
        await page.Locator("#Form_Date").FillAsync(DateTime.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel(Fixture.Text("Actions.Status.bezig"), new() { Exact = true }).CheckAsync();
        var picker = page.Locator("#picker");
        await picker.ScrollIntoViewIfNeededAsync();
        var box = (await picker.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await Expect(page.GetByLabel(Fixture.Text("Form.Latitude"))).Not.ToHaveValueAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Actions.Save"), Exact = true }).ClickAsync();

        try { await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/acties/\d+$"), new() { Timeout = 8000 }); }
        catch (TimeoutException) { Assert.Fail(page.Url + " " + await page.Locator("main").InnerTextAsync()); }
        await Expect(page.GetByText(Fixture.Text("Actions.Created"))).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        // The wijkkaart with the action layer on: a marker with the action's title, whose popup links to it.
        await GotoAsync(page, "/?acties=1");
        var marker = page.Locator($"#map .action-marker[title='{title}']");
        await Expect(marker).ToHaveCountAsync(1);
        await marker.ClickAsync(new() { Force = true });
        await Expect(page.Locator(".leaflet-popup-content a")).ToHaveAttributeAsync("href", $"/acties/{id}");
        // Off: the layer goes.
        await page.Locator("#actions-toggle").UncheckAsync(new() { Force = true });
        await Expect(marker).ToHaveCountAsync(0);

        // The timeline: a marker linking to the action, and the wall opened at its newest end.
        await GotoAsync(page, "/tijdlijn/WK040001");
        var onWall = page.Locator($"#wall a#actie-{id}");
        await Expect(onWall).ToHaveAttributeAsync("href", $"/acties/{id}");
        await Expect(onWall).ToContainTextAsync(title);
        await Expect(page.Locator("#wall")).ToHaveAttributeAsync("data-opened", "true");
        var (left, max) = await page.Locator("#wall").EvaluateAsync<int[]>("w => [Math.round(w.scrollLeft), w.scrollWidth - w.clientWidth]") switch { var a => (a[0], a[1]) };
        Assert.True(max > 0 && left >= max - 2, $"scrollLeft {left} of {max}");
        await Expect(page.Locator("#marker-list")).ToContainTextAsync(title);
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task The_heat_view_draws_cells_for_the_chosen_part_of_day_and_the_circles_come_back()
    {
        foreach (var (part, lat) in new[] { ("nacht", Places.Willemsoord.Latitude), ("nacht", Places.Willemsoord.Latitude + 0.0001), ("ochtend", Places.Centrum.Latitude) })
        {
            (await Fixture.Writer.PostAsJsonAsync("/api/observations", new
            {
                date = "2026-12-04", partOfDay = part, group = "jongeren", activity = "staan", count = 5,
                latitude = lat, longitude = part == "nacht" ? Places.Willemsoord.Longitude : Places.Centrum.Longitude,
            }, Cancel)).EnsureSuccessStatusCode();
        }
        var page = await NewPageAsync(BrowserFixture.Phone, phone: true, role: Roles.Professional);
        await GotoAsync(page, "/observaties/kaart?partOfDay=nacht");
        await Expect(page.Locator("#observation-map[data-count]")).ToBeAttachedAsync();
        await page.GetByLabel(Fixture.Text("Observations.HeatToggle")).CheckAsync();
        await Expect(page.Locator("#observation-map path.heat-cell").First).ToBeAttachedAsync();
        await Expect(page.Locator("#observation-map path.observation-marker")).ToHaveCountAsync(0);
        await Expect(page.Locator("#heat-summary")).ToContainTextAsync("vakken");
        var nightCells = int.Parse((await page.Locator("#observation-map").GetAttributeAsync("data-heat-cells"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(nightCells >= 1);
        // Switched off: the circles are back.
        await page.GetByLabel(Fixture.Text("Observations.HeatToggle")).UncheckAsync();
        await Expect(page.Locator("#observation-map path.observation-marker.part-nacht").First).ToBeAttachedAsync();
        await Expect(page.Locator("#observation-map path.heat-cell")).ToHaveCountAsync(0);
        AssertNoScriptErrors();
    }
}
