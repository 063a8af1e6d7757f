using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>Public contributions wait for a coordinator; items for one organisation never reach an anonymous browser, also not live.</summary>
public sealed class TrustTests(BrowserFixture fixture) : LiveBrowserTest(fixture)
{
    [Fact]
    public async Task A_resident_adds_an_idea_on_a_phone_and_it_reaches_the_public_map_only_after_a_coordinator_approves_it()
    {
        var place = Places.DeRiepel;
        var tag = TestApps.UniqueTag();
        var title = $"Moestuin voor de buurt {tag}";
        var map = await OpenMapAsync(place);

        var phone = await OpenAsync("/meedoen", BrowserFixture.Phone, phone: true);
        await phone.Locator("label.kind-option", new() { HasText = Fixture.Text("Kind.kans") }).TapAsync();
        await phone.GetByLabel(Fixture.Text("Form.Title")).FillAsync(title);
        await phone.GetByLabel(Fixture.Text("Form.Description")).FillAsync("Op het grasveld achter de school kan een moestuin komen.");
        await phone.GetByLabel(Fixture.Text("Form.Latitude")).FillAsync(place.Latitude.ToString(CultureInfo.InvariantCulture));
        await phone.GetByLabel(Fixture.Text("Form.Longitude")).FillAsync(place.Longitude.ToString(CultureInfo.InvariantCulture));
        await phone.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Contribution.Submit") }).TapAsync();
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync(Fixture.Text("Contribution.ThanksTitle"));

        // Waiting for a coordinator: not on the open map, not in the public API.
        await Task.Delay(LiveWatch.Promise + LiveWatch.Promise, Cancel);
        await Expect(MarkersTagged(map, tag)).ToHaveCountAsync(0);
        Assert.Equal(0, (await ApiItemsAsync($"q={tag}")).Total);

        var coordinator = await OpenAsync("/moderatie", role: Roles.Coordinator);
        var contribution = coordinator.Locator("li.contribution", new() { HasText = title });
        await Expect(contribution).ToBeVisibleAsync();
        await contribution.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Moderation.Approve"), Exact = true }).ClickAsync();
        await Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync(Fixture.Text("Moderation.Approved"));
        await Expect(coordinator.Locator("li.contribution", new() { HasText = title })).ToHaveCountAsync(0);

        // Approved: it appears on the open public map by itself, and in its list.
        await Expect(MarkersTagged(map, tag)).ToHaveCountAsync(1);
        await Expect(RowsTagged(map, tag)).ToHaveCountAsync(1);
        Assert.Equal(1, (await ApiItemsAsync($"q={tag}")).Total);
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task An_item_for_one_organisation_never_shows_in_an_anonymous_browser_also_not_through_live_updates()
    {
        var place = Places.Zuiderhaven;
        var tag = TestApps.UniqueTag();
        var anonymous = await OpenMapAsync(place);
        var member = await OpenLiveAsync(MapPath(place), role: Roles.Reader);
        await WaitForMapViewAsync(member);

        var secret = await Fixture.Writer.CreateItemAsync(NewItem.At(place, $"Intern overleg {tag}") with { Visibility = "organisatie" });
        await Expect(MarkersTagged(member, tag)).ToHaveCountAsync(1);
        await Task.Delay(LiveWatch.Promise, Cancel);
        await Expect(MarkersTagged(anonymous, tag)).ToHaveCountAsync(0);
        await Expect(RowsTagged(anonymous, tag)).ToHaveCountAsync(0);

        // A public item that becomes organisation-only leaves the anonymous map live, and stays on the member's.
        var open = await Fixture.Writer.CreateItemAsync(NewItem.At(place.Nearby(), $"Eerst openbaar {tag}"));
        await Expect(MarkersTagged(anonymous, tag)).ToHaveCountAsync(1);
        await (await Fixture.Writer.PutItemAsync(open.Id, open.ToInput() with { Visibility = "organisatie" }, "\"1\"")).ReadOkAsync<ItemShape>();
        await Expect(MarkersTagged(anonymous, tag)).ToHaveCountAsync(0);
        await Expect(MarkersTagged(member, tag)).ToHaveCountAsync(2);

        // Nor by asking for it directly.
        await GotoAsync(await NewPageAsync(), $"/items/{secret.Id}", status: 404);
        AssertNoScriptErrors();
    }
}
