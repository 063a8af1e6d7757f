using Microsoft.Playwright;
using Wijkbeeld.Features.Koppelkansen;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>Koppelkansen on the wijkkaart and on their own page.</summary>
public sealed class KoppelkansenBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_koppelkans_appears_on_the_map_layer_and_in_the_list()
    {
        var item = await Fixture.Writer.CreateItemAsync(NewItem.At(Places.Kooypunt, "Repaircafé De Kooy") with { Kind = "initiatief", Themes = ["energie"] });
        var message = "Het repaircafé van de naaiclub verlaagt ook energierekeningen.";
        await (await Fixture.Writer.PostAsJsonAsync("/api/link-opportunities", new { itemId = item.Id, drivers = new[] { "energietransitie", "gezonde-wijk" }, message }, Cancel))
            .ReadOkAsync<LinkDto>(HttpStatusCode.Created);

        var page = await OpenAsync("/");
        await WaitForMapAsync(page, (await ApiItemsAsync()).Total);
        await Expect(page.Locator(".koppelkans-marker")).ToHaveCountAsync(0);
        await page.GetByLabel(Fixture.Text("Koppelkansen.Layer.Toggle")).CheckAsync();
        await Expect(Map(page)).ToHaveAttributeAsync("data-koppelkansen", "1");
        var marker = page.Locator(".koppelkans-marker[title='Repaircafé De Kooy']");
        await Expect(marker).ToHaveCountAsync(1);
        await marker.ClickAsync();
        var popup = page.Locator(".leaflet-popup-content");
        await Expect(popup).ToContainTextAsync(message);
        await Expect(popup).ToContainTextAsync("Energietransitie, Gezonde wijk");
        await page.GetByLabel(Fixture.Text("Koppelkansen.Layer.Toggle")).UncheckAsync();
        await Expect(page.Locator(".koppelkans-marker")).ToHaveCountAsync(0);

        // The list is the layer's accessible alternative.
        await GotoAsync(page, "/koppelkansen");
        await Expect(page.Locator(".link-list li", new() { HasText = "Repaircafé De Kooy" })).ToContainTextAsync(message);
        await Expect(page.Locator($".meet-list li[data-area='{Places.Kooypunt.NeighbourhoodCode}']")).ToContainTextAsync(Fixture.Text("Koppelkansen.DriversMeet"));
        AssertNoScriptErrors();
    }
}
