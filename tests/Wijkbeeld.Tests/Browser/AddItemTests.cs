using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>Adding an item on a phone: tap the place on the picker map, fill in the form, save, and find it on the map.</summary>
public sealed class AddItemTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    const string BuurtCode = "BU04000403";
    const string BuurtName = "Bloemenbuurt";

    [Fact]
    public async Task On_a_phone_a_tap_on_the_picker_places_the_item_which_is_then_on_its_page_the_map_and_the_list()
    {
        var boundaries = (await Fixture.Api.GetFromJsonAsync<JsonObject>("/api/areas/boundaries.geojson", Cancel))!["features"]!.AsArray();
        var buurtIndex = boundaries.Select(f => (string?)f!["properties"]!["code"]).ToList().IndexOf(BuurtCode);
        Assert.True(buurtIndex >= 0, $"{BuurtCode} is in the sample.");
        var buurt = await Fixture.Api.GetFromJsonAsync<JsonObject>($"/api/areas/{BuurtCode}", Cancel);
        var bbox = buurt!["bbox"]!.AsArray().Select(n => n!.GetValue<double>()).ToArray();
        var title = $"Losliggende stoeptegels {Guid.NewGuid().ToString("N")[..6]}";

        var page = await OpenAsync("/items/new", BrowserFixture.Phone, phone: true, role: Roles.Professional);

        // The picker fits the municipality's boundaries once they are loaded: wait for the buurt's outline to stop moving.
        var picker = page.GetByRole(AriaRole.Application, new() { Name = Fixture.Text("Form.PickerLabel") });
        await Expect(picker).ToBeVisibleAsync();
        await Expect(picker.Locator(".leaflet-overlay-pane path")).ToHaveCountAsync(boundaries.Count);
        await picker.ScrollIntoViewIfNeededAsync();
        var outline = picker.Locator(".leaflet-overlay-pane path").Nth(buurtIndex);
        var box = await StableBoxAsync(page, outline);
        var pickerBox = (await picker.BoundingBoxAsync())!;
        Assert.True(box.Width >= 8 && box.Height >= 8, $"The buurt is large enough to tap ({box.Width}x{box.Height} px).");
        Assert.True(box.X >= pickerBox.X && box.X + box.Width <= pickerBox.X + pickerBox.Width, "The whole municipality is in the picker.");

        await page.Touchscreen.TapAsync(box.X + box.Width / 2, box.Y + box.Height / 2);

        var latitude = page.GetByLabel(Fixture.Text("Form.Latitude"));
        var longitude = page.GetByLabel(Fixture.Text("Form.Longitude"));
        await Expect(latitude).ToHaveValueAsync(new Regex(@"^52\.\d{6}$"));
        await Expect(longitude).ToHaveValueAsync(new Regex(@"^4\.\d{6}$"));
        var lat = double.Parse(await latitude.InputValueAsync(), CultureInfo.InvariantCulture);
        var lon = double.Parse(await longitude.InputValueAsync(), CultureInfo.InvariantCulture);
        Assert.InRange(lon, bbox[0], bbox[2]);
        Assert.InRange(lat, bbox[1], bbox[3]);
        await Expect(page.Locator("#picker-status")).ToContainTextAsync("Plek gekozen");
        await Expect(picker.Locator(".leaflet-marker-icon")).ToHaveCountAsync(1);

        await page.Locator("label.kind-option", new() { HasText = Fixture.Text("Kind.signaal") }).TapAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = Fixture.Text("Kind.signaal"), Exact = true })).ToBeCheckedAsync();
        await page.GetByLabel(Fixture.Text("Form.Title")).FillAsync(title);
        await page.GetByLabel(Fixture.Text("Form.Description")).FillAsync("Bij de speeltuin liggen tegels los. Kinderen struikelen erover.");
        var theme = page.GetByRole(AriaRole.Checkbox, new() { Name = "Veiligheid", Exact = true });
        await theme.TapAsync();
        await Expect(theme).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Form.Save"), Exact = true }).TapAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/items/\d+$"));
        var id = int.Parse(Regex.Match(page.Url, @"/items/(\d+)$").Groups[1].Value, CultureInfo.InvariantCulture);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(Fixture.Text("Item.AddedMessage"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveAccessibleNameAsync(title);
        await Expect(page.Locator(".item-meta").First).ToContainTextAsync(Fixture.Text("Kind.signaal"));
        await Expect(page.Locator(".facts")).ToContainTextAsync(BuurtName);
        await Expect(page.Locator(".facts")).ToContainTextAsync("Veiligheid");
        await Expect(page.Locator(".breadcrumb").GetByRole(AriaRole.Link, new() { Name = BuurtName })).ToHaveAttributeAsync("href", $"/?area={BuurtCode}");

        // On the map: the buurt's list has it, and searching for it shows its marker.
        await GotoAsync(page, $"/?area={BuurtCode}");
        await Expect(page.Locator("#item-list").GetByRole(AriaRole.Link, new() { Name = title })).ToHaveAttributeAsync("href", $"/items/{id}");

        await GotoAsync(page, $"/?q={Uri.EscapeDataString(title)}");
        await WaitForMapAsync(page, expectedItems: 1, expectedInView: 1);
        var marker = Markers(page);
        await Expect(marker).ToHaveAttributeAsync("title", title);
        await marker.TapAsync();
        await Expect(page.Locator("#map .leaflet-popup").GetByRole(AriaRole.Link, new() { Name = Fixture.Text("Map.OpenItem") }))
            .ToHaveAttributeAsync("href", $"/items/{id}");
        await Expect(ListRows(page)).ToHaveCountAsync(1);
        await Expect(ListRows(page).First).ToContainTextAsync(BuurtName);
        AssertNoScriptErrors();
    }

    /// <summary>The element's box once it no longer moves (the map has finished fitting its view).</summary>
    static async Task<LocatorBoundingBoxResult> StableBoxAsync(IPage page, ILocator element)
    {
        await element.EvaluateAsync("""
            async el => {
              const map = el.closest('.leaflet-container');
              let last = '';
              for (let i = 0; i < 200; i++) {
                await new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)));
                const r = el.getBoundingClientRect();
                const now = [r.x, r.y, r.width, r.height].map(Math.round).join();
                if (now === last && !map.querySelector('.leaflet-zoom-anim')) return;
                last = now;
              }
              throw new Error('The map kept moving.');
            }
            """);
        return (await element.BoundingBoxAsync())!;
    }
}
