using Microsoft.Playwright;
using Wijkbeeld.Tests.Features.Support;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// The live map: a change made anywhere shows on every open map, desktop and phone, within a second, as a marker
/// that appears, moves, changes or goes, a list that follows, and an announcement for screen readers.
/// </summary>
public sealed class LiveMapTests(BrowserFixture fixture) : LiveBrowserTest(fixture)
{
    HttpClient Api => Fixture.Writer;

    async Task AssertQuietAsync(Place place) =>
        Assert.True((await ApiItemsAsync($"bbox={place.View()}")).Total == 0, $"The view around {place} has no items yet.");

    async Task ExpectAnnouncedAsync(IEnumerable<IPage> pages, string textKey, string title)
    {
        foreach (var page in pages)
        {
            await Expect(Announcer(page)).ToHaveTextAsync($"{Fixture.Text(textKey)}: {title}");
        }
    }

    [Fact]
    public async Task Changes_through_the_API_show_on_a_desktop_and_a_phone_map_within_a_second()
    {
        var place = Places.VliegveldDeKooy;
        var moved = place.Nearby();
        await AssertQuietAsync(place);
        var desktop = await OpenMapAsync(place);
        var phone = await OpenMapAsync(place, viewport: BrowserFixture.Phone, phone: true);
        IPage[] maps = [desktop, phone];
        var tag = TestApps.UniqueTag();
        var title = $"Nieuwe speelplek {tag}";

        // Added: a marker at its place and a row in the list.
        ItemShape item = null!;
        await ExpectLiveAsync("toegevoegd", maps, MarkerAndRowShown, new { title, lat = place.Latitude, lon = place.Longitude },
            async () => item = await Api.CreateItemAsync(NewItem.At(place, title) with { Kind = "voorziening" }));
        await ExpectAnnouncedAsync(maps, "Live.Created", title);

        // Edited: new title, moved.
        var edited = item.ToInput() with { Title = title + " (verplaatst)", Latitude = moved.Latitude, Longitude = moved.Longitude };
        await ExpectLiveAsync("gewijzigd en verplaatst", maps, MarkerAndRowChanged,
            new { title = edited.Title, lat = moved.Latitude, lon = moved.Longitude, oldTitle = title },
            async () => item = await (await Api.PutItemAsync(item.Id, edited, "\"1\"")).ReadOkAsync<ItemShape>());
        await ExpectAnnouncedAsync(maps, "Live.Updated", item.Title);

        // Commented: the marker and the row are drawn anew and flash.
        foreach (var map in maps)
        {
            await RememberAsync(map, item);
        }
        await ExpectLiveAsync("update", maps, MarkerAndRowRenewed, new { title = item.Title },
            async () => await (await Api.CommentAsync(item.Id, "De speeltoestellen zijn geplaatst.")).ReadOkAsync<ItemShape>());
        await ExpectAnnouncedAsync(maps, "Live.Commented", item.Title);

        // Deleted: gone from map and list.
        await ExpectLiveAsync("verwijderd", maps, MarkerAndRowGone, new { title = item.Title },
            async () => Assert.Equal(HttpStatusCode.NoContent, (await Api.DeleteItemAsync(item.Id)).StatusCode));
        await ExpectAnnouncedAsync(maps, "Live.Deleted", item.Title);

        foreach (var map in maps)
        {
            await Expect(MarkersTagged(map, tag)).ToHaveCountAsync(0);
            await Expect(RowsTagged(map, tag)).ToHaveCountAsync(0);
        }
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task Changes_made_with_the_forms_in_one_browser_show_on_the_other_browsers_map_within_a_second()
    {
        var place = Places.DeKooy;
        var moved = place.Nearby();
        await AssertQuietAsync(place);
        var phone = await OpenMapAsync(place, viewport: BrowserFixture.Phone, phone: true);
        var desktop = await NewPageAsync(role: Roles.Professional);
        var tag = TestApps.UniqueTag();
        var title = $"Buurtbus {tag}";
        var save = desktop.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Form.Save"), Exact = true });

        // The desktop user adds an item with the form ...
        await GotoAsync(desktop, "/items/new");
        await desktop.Locator("label.kind-option", new() { HasText = Fixture.Text("Kind.initiatief") }).ClickAsync();
        await desktop.GetByLabel(Fixture.Text("Form.Title")).FillAsync(title);
        await desktop.GetByLabel(Fixture.Text("Form.Description")).FillAsync("Vrijwilligers rijden ouderen naar de markt.");
        await desktop.GetByLabel(Fixture.Text("Form.Latitude")).FillAsync(Coordinate(place.Latitude));
        await desktop.GetByLabel(Fixture.Text("Form.Longitude")).FillAsync(Coordinate(place.Longitude));
        await ExpectLiveAfterAsync("toegevoegd met het formulier", [phone], MarkerAndRowShown,
            new { title, lat = place.Latitude, lon = place.Longitude }, () => SubmitAsync(desktop, save));
        await Expect(desktop).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/items/\d+$"));
        await ExpectAnnouncedAsync([phone], "Live.Created", title);
        var id = int.Parse(desktop.Url[(desktop.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        // ... changes its title and place ...
        await GotoAsync(desktop, $"/items/{id}/edit");
        await desktop.GetByLabel(Fixture.Text("Form.Title")).FillAsync(title + " rijdt");
        await desktop.GetByLabel(Fixture.Text("Form.Latitude")).FillAsync(Coordinate(moved.Latitude));
        await desktop.GetByLabel(Fixture.Text("Form.Longitude")).FillAsync(Coordinate(moved.Longitude));
        await ExpectLiveAfterAsync("gewijzigd met het formulier", [phone], MarkerAndRowChanged,
            new { title = title + " rijdt", lat = moved.Latitude, lon = moved.Longitude, oldTitle = title }, () => SubmitAsync(desktop, save));
        await ExpectAnnouncedAsync([phone], "Live.Updated", title + " rijdt");
        var item = await Api.GetItemAsync(id);

        // ... posts an update ...
        await Expect(desktop).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($@"/items/{id}$"));
        await desktop.GetByLabel(Fixture.Text("Item.CommentLabel")).FillAsync("Vanaf maandag ook op woensdag.");
        await RememberAsync(phone, item);
        await ExpectLiveAfterAsync("update met het formulier", [phone], MarkerAndRowRenewed, new { title = item.Title },
            () => SubmitAsync(desktop, desktop.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Item.CommentSubmit") })));
        await ExpectAnnouncedAsync([phone], "Live.Commented", item.Title);

        // ... and deletes it.
        await GotoAsync(desktop, $"/items/{id}/delete");
        await ExpectLiveAfterAsync("verwijderd met het formulier", [phone], MarkerAndRowGone, new { title = item.Title },
            () => SubmitAsync(desktop, desktop.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Delete.Confirm") })));
        await ExpectAnnouncedAsync([phone], "Live.Deleted", item.Title);
        await Expect(MarkersTagged(phone, tag)).ToHaveCountAsync(0);
        await Expect(RowsTagged(phone, tag)).ToHaveCountAsync(0);

        // And the other way round: the phone's change shows on the desktop map.
        var desktopMap = await OpenMapAsync(place);
        await SignInAsync(phone.Context, Roles.Professional);
        var fromPhone = await phone.Context.NewPageAsync();
        await GotoAsync(fromPhone, "/items/new");
        await fromPhone.Locator("label.kind-option", new() { HasText = Fixture.Text("Kind.signaal") }).TapAsync();
        await fromPhone.GetByLabel(Fixture.Text("Form.Title")).FillAsync(title + " gemist");
        await fromPhone.GetByLabel(Fixture.Text("Form.Latitude")).FillAsync(Coordinate(place.Latitude));
        await fromPhone.GetByLabel(Fixture.Text("Form.Longitude")).FillAsync(Coordinate(place.Longitude));
        await ExpectLiveAfterAsync("toegevoegd op de telefoon", [desktopMap], MarkerAndRowShown,
            new { title = title + " gemist", lat = place.Latitude, lon = place.Longitude },
            () => SubmitAsync(fromPhone, fromPhone.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Form.Save"), Exact = true })));
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_filtered_map_gets_new_items_that_match_its_filter_and_no_others()
    {
        var place = Places.Kooypunt;
        await AssertQuietAsync(place);
        var kansOnly = await OpenMapAsync(place, filter: "kind=kans", viewport: BrowserFixture.Phone, phone: true);
        var everything = await OpenMapAsync(place);
        var tag = TestApps.UniqueTag();
        var facility = $"Trapveld {tag}";
        var chance = $"Trapveld opknappen {tag}";

        // A voorziening: the unfiltered map shows it ...
        ItemShape created = null!;
        await ExpectLiveAsync("voorziening, zonder filter", [everything], MarkerAndRowShown,
            new { title = facility, lat = place.Latitude, lon = place.Longitude },
            async () => created = await Api.CreateItemAsync(NewItem.At(place, facility) with { Kind = "voorziening" }));
        var facilityChange = (await Api.ActivityAsync("pageSize=1")).Entries[0];
        Assert.Equal(created.Id, facilityChange.ItemId);

        // ... a kans made after it shows on both; by then the kans-only map has handled the voorziening: not shown.
        var nearby = place.Nearby();
        ItemShape chanceItem = null!;
        await ExpectLiveAsync("kans, met en zonder filter", [kansOnly, everything], MarkerAndRowShown,
            new { title = chance, lat = nearby.Latitude, lon = nearby.Longitude },
            async () => chanceItem = await Api.CreateItemAsync(NewItem.At(nearby, chance) with { Kind = "kans" }));
        Assert.True(long.Parse((await Map(kansOnly).GetAttributeAsync("data-last-change"))!, System.Globalization.CultureInfo.InvariantCulture) > facilityChange.Sequence);
        await Expect(MarkersTagged(kansOnly, tag)).ToHaveCountAsync(1);
        await Expect(MarkersTagged(kansOnly, tag)).ToHaveAttributeAsync("title", chance);
        await Expect(RowsTagged(kansOnly, tag)).ToHaveCountAsync(1);
        await Expect(Announcer(kansOnly)).ToHaveTextAsync($"{Fixture.Text("Live.Created")}: {chance}");
        await Expect(MarkersTagged(everything, tag)).ToHaveCountAsync(2);
        await Expect(RowsTagged(everything, tag)).ToHaveCountAsync(2);

        // A voorziening that becomes a kans appears on the filtered map; a kans that stops being one leaves it.
        var becomesChance = created.ToInput() with { Kind = "kans", Status = "idee" };
        await ExpectLiveAsync("voorziening wordt kans", [kansOnly], MarkerAndRowShown,
            new { title = facility, lat = place.Latitude, lon = place.Longitude },
            () => Api.PutItemAsync(created.Id, becomesChance, "\"1\""));
        await Expect(RowsTagged(kansOnly, tag)).ToHaveCountAsync(2);
        await ExpectLiveAsync("kans wordt signaal", [kansOnly], MarkerAndRowGone, new { title = chance },
            () => Api.PutItemAsync(chanceItem.Id, chanceItem.ToInput() with { Kind = "signaal", Status = "nieuw" }, "\"1\""));
        await Expect(RowsTagged(kansOnly, tag)).ToHaveCountAsync(1);
        await Expect(MarkersTagged(kansOnly, tag)).ToHaveCountAsync(1);
        await Expect(MarkersTagged(everything, tag)).ToHaveCountAsync(2);
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task Every_item_of_an_import_shows_on_the_map_within_a_second()
    {
        var place = Places.Zuiderhaven;
        await AssertQuietAsync(place);
        var map = await OpenMapAsync(place, viewport: BrowserFixture.Phone, phone: true);
        var tag = TestApps.UniqueTag();
        Place[] spots = [place, place.Nearby(), place with { Latitude = place.Latitude - 0.0015, Longitude = place.Longitude - 0.0025 }];
        var items = spots.Select((p, n) => NewItem.At(p, $"Import {n + 1} {tag}") with { Kind = "gebeurtenis" }).ToList();
        var file = GeoJsonSamples.FeatureCollection(items.Select(i => (System.Text.Json.Nodes.JsonNode)GeoJsonSamples.ItemFeature(i)));
        var shown = string.Join(" && ", Enumerable.Range(0, 3).Select(n =>
            $"live.markers(arg.titles[{n}]).length === 1 && live.at(live.markers(arg.titles[{n}])[0], arg.lats[{n}], arg.lons[{n}]) && live.rows(arg.titles[{n}]).length === 1"));

        await ExpectLiveAsync("import van drie", [map], shown,
            new { titles = items.Select(i => i.Title), lats = spots.Select(p => p.Latitude), lons = spots.Select(p => p.Longitude) },
            async () => await (await Api.PostAsync("/api/items/import", TestApps.Body(file.ToJsonString(), "application/geo+json"), Cancel))
                .ReadOkAsync<ItemImportReportShape>());

        await Expect(MarkersTagged(map, tag)).ToHaveCountAsync(3);
        await Expect(RowsTagged(map, tag)).ToHaveCountAsync(3);
        await Expect(Announcer(map)).ToHaveTextAsync($"{Fixture.Text("Live.Created")}: {items[^1].Title}");
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task Items_changed_since_the_last_visit_are_marked_new_and_older_ones_are_not()
    {
        var place = Places.DeRiepel;
        await AssertQuietAsync(place);
        var tag = TestApps.UniqueTag();
        var older = await Api.CreateItemAsync(NewItem.At(place, $"Al bekend {tag}") with { Kind = "kracht" });
        // The previous visit: after the older item, before the new one (the server's clock is this machine's).
        var lastVisit = DateTime.UtcNow;
        var newer = await Api.CreateItemAsync(NewItem.At(place.Nearby(), $"Sinds vorige keer {tag}") with { Kind = "signaal" });
        Assert.True(older.UpdatedAt < lastVisit && newer.UpdatedAt > lastVisit);

        // A new session in a browser that remembers the previous visit.
        var page = await NewPageAsync(BrowserFixture.Phone, phone: true);
        await page.Context.AddInitScriptAsync($$"""
            try { if (location.protocol.startsWith('http')) localStorage.setItem('wijkbeeld:lastVisit', '{{lastVisit:O}}'); } catch { }
            """);
        await GotoAsync(page, $"/?bbox={place.View()}");
        await WaitForMapViewAsync(page);

        var newLabel = Fixture.Text("Live.NewSinceVisit");
        var newRow = ListRows(page).Filter(new() { HasText = newer.Title });
        var oldRow = ListRows(page).Filter(new() { HasText = older.Title });
        await Expect(newRow.Locator(".badge.new")).ToHaveTextAsync(newLabel);
        await Expect(oldRow).ToBeVisibleAsync();
        await Expect(oldRow.Locator(".badge.new")).ToHaveCountAsync(0);
        await Expect(page.Locator("#item-list .badge.new")).ToHaveCountAsync(1);
        await Expect(MarkersTagged(page, tag)).ToHaveCountAsync(2);
        await Expect(MarkersTagged(page, tag).And(page.Locator(".marker-new"))).ToHaveAttributeAsync("title", newer.Title);

        // The whole town: the sample's items, all older, carry no badge; the new one is on top with it.
        await GotoAsync(page, "/");
        await WaitForMapViewAsync(page);
        await Expect(ListRows(page).First).ToContainTextAsync(newer.Title);
        await Expect(ListRows(page).First.Locator(".badge.new")).ToHaveTextAsync(newLabel);
        await Expect(ListRows(page)).ToHaveCountAsync(50);
        await Expect(page.Locator("#item-list .badge.new")).ToHaveCountAsync(1);
        // The page has moved the remembered visit on, for the next session.
        var stored = await page.EvaluateAsync<string>("() => localStorage.getItem('wijkbeeld:lastVisit')");
        Assert.True(DateTime.Parse(stored, null, System.Globalization.DateTimeStyles.RoundtripKind) > newer.UpdatedAt);
        AssertNoScriptErrors();
    }
}
