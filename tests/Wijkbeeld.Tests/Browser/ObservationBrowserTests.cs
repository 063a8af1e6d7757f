using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>Step 1 of WerkwijzerPlus in the browser: an observation recorded on a phone shows on the map for its part of day only.</summary>
public sealed class ObservationBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task An_observation_recorded_on_a_phone_shows_on_the_map_filtered_to_its_part_of_day()
    {
        var page = await NewPageAsync(BrowserFixture.Phone, phone: true, role: Roles.Professional);
        await GotoAsync(page, "/observaties/nieuw");
        await Expect(page.Locator("#picker .leaflet-overlay-pane path").First).ToBeAttachedAsync();
        // The form fits a phone: nothing needs sideways scrolling.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"));

        var tag = "Bij het hek " + Guid.NewGuid().ToString("N")[..8];
        await page.Locator("#Form_Date").FillAsync("2026-12-04");
        await page.GetByLabel(Fixture.Text("Observations.Part.avond"), new() { Exact = true }).CheckAsync();
        await page.Locator("#Form_Group").SelectOptionAsync("jongeren");
        await page.Locator("#Form_Count").FillAsync("12");
        await page.Locator("#Form_Activity").SelectOptionAsync("verzamelen");
        await page.GetByLabel(Fixture.Text("Observations.Signal.plek-claimen")).CheckAsync();
        await page.Locator("#Form_Notes").FillAsync(tag);
        // A tap on the map chooses the place (the picker fills the coordinates).
        var picker = page.Locator("#picker");
        await picker.ScrollIntoViewIfNeededAsync();
        var box = (await picker.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await Expect(page.GetByLabel(Fixture.Text("Form.Latitude"))).Not.ToHaveValueAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Form.Save"), Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/observaties/kaart?partOfDay=avond");
        await Expect(page.GetByText(Fixture.Text("Observations.Added"))).ToBeVisibleAsync();
        await Expect(page.Locator("#filter-part")).ToHaveValueAsync("avond");
        var marker = page.Locator("#observation-map path.observation-marker.part-avond");
        await Expect(marker).ToHaveCountAsync(1);
        await Expect(page.Locator("#observation-map path.observation-marker:not(.part-avond)")).ToHaveCountAsync(0);
        await marker.ClickAsync(new() { Force = true });
        await Expect(page.Locator(".leaflet-popup-content")).ToContainTextAsync(tag);
        await Expect(page.Locator(".leaflet-popup-content")).ToContainTextAsync("vrijdag avond");

        // Another part of day: the observation is not there; friday evening again: it is.
        await page.Locator("#filter-part").SelectOptionAsync("ochtend");
        await Expect(marker).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("partOfDay=ochtend"));
        await page.Locator("#filter-part").SelectOptionAsync("avond");
        await page.Locator("#filter-weekday").SelectOptionAsync("vrijdag");
        await Expect(marker).ToHaveCountAsync(1);
        await page.Locator("#filter-weekday").SelectOptionAsync("zaterdag");
        await Expect(marker).ToHaveCountAsync(0);

        // The list shows the same filter.
        await page.GetByRole(AriaRole.Link, new() { Name = Fixture.Text("Observations.AsList") }).ClickAsync();
        await Expect(page.Locator("#filter-weekday")).ToHaveValueAsync("zaterdag");
        await page.Locator("#filter-weekday").SelectOptionAsync("vrijdag");
        await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Filter.Apply") }).ClickAsync();
        await Expect(page.Locator(".observation-table")).ToContainTextAsync(tag);
        AssertNoScriptErrors();
    }
}
