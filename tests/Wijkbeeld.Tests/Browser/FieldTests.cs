using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wijkbeeld.Tests.Features.Support;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// In the field on a phone (Chromium's phone emulation and offline mode): the app is installable, what is added
/// without a connection waits on the device (also over a reload) and arrives exactly once when the connection
/// returns, and the duplicate check offers "steun dit" instead of a new item.
/// </summary>
public sealed class FieldTests(BrowserFixture fixture) : LiveBrowserTest(fixture)
{
    const double MetresPerDegreeLatitude = 111_320;

    /// <summary>A phone with the service worker allowed (the other browser tests block it, to test the pages alone).</summary>
    async Task<IBrowserContext> PhoneWithServiceWorkerAsync()
    {
        var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Fixture.BaseAddress.ToString(),
            ViewportSize = BrowserFixture.Phone,
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 2,
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ServiceWorkers = ServiceWorkerPolicy.Allow,
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(20_000);
        // A professional in the field: adds items and photos (residents use /meedoen).
        await SignInAsync(context, Roles.Professional);
        return context;
    }

    /// <summary>Waits until the service worker has installed (precached the shell) and controls the page.</summary>
    static async Task WaitForServiceWorkerAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.ready.then(r => !!r.active)");
        await page.WaitForFunctionAsync("() => !!navigator.serviceWorker.controller");
    }

    static ILocator OutboxBadge(IPage page) => page.Locator("#outbox-count");

    async Task<IReadOnlyList<ItemShape>> ItemsTaggedAsync(string tag) =>
        (await Fixture.Api.GetFromJsonAsync<ItemPageShape>($"/api/items?pageSize=50&q={tag}", Cancel))!.Items;

    [Fact]
    public async Task The_app_is_installable_a_manifest_with_icons_and_a_registered_service_worker()
    {
        await using var context = await PhoneWithServiceWorkerAsync();
        var page = await context.NewPageAsync();
        await GotoAsync(page, "/");

        var href = await page.Locator("link[rel=manifest]").GetAttributeAsync("href");
        Assert.Equal("/manifest.webmanifest", href);
        await Expect(page.Locator("meta[name=theme-color]")).ToHaveAttributeAsync("content", "#01689b");
        await Expect(page.Locator("link[rel=apple-touch-icon]")).ToHaveAttributeAsync("href", "/icons/apple-touch-icon.png");

        var manifestResponse = await Fixture.Api.GetAsync(href, Cancel);
        Assert.Equal("application/manifest+json", manifestResponse.Content.Headers.ContentType?.MediaType);
        using var manifest = JsonDocument.Parse(await manifestResponse.Content.ReadAsStringAsync(Cancel));
        var root = manifest.RootElement;
        // What Chromium's installability check (Lighthouse "installable manifest") asks for.
        Assert.Equal("Wijkbeeld", root.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("short_name").GetString()));
        Assert.Equal("/", root.GetProperty("start_url").GetString());
        Assert.Contains(root.GetProperty("display").GetString(), new[] { "standalone", "fullscreen" });
        Assert.Equal("nl", root.GetProperty("lang").GetString());
        var icons = root.GetProperty("icons").EnumerateArray().ToList();
        foreach (var size in new[] { "192x192", "512x512" })
        {
            var icon = icons.First(i => i.GetProperty("sizes").GetString() == size && i.GetProperty("type").GetString() == "image/png");
            var png = await Fixture.Api.GetAsync(icon.GetProperty("src").GetString(), Cancel);
            Assert.Equal(HttpStatusCode.OK, png.StatusCode);
            Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        }
        Assert.Contains(icons, i => i.GetProperty("purpose").GetString() == "maskable");

        await WaitForServiceWorkerAsync(page);
        var scope = await page.EvaluateAsync<string>("() => navigator.serviceWorker.ready.then(r => r.scope)");
        Assert.Equal(Fixture.BaseAddress.ToString(), scope);
        var worker = await Fixture.Api.GetAsync("/sw.js", Cancel);
        Assert.Equal("text/javascript", worker.Content.Headers.ContentType?.MediaType);
        Assert.True(worker.Headers.CacheControl?.NoCache);
        Assert.DoesNotContain("__VERSION__", await worker.Content.ReadAsStringAsync(Cancel));
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task Offline_an_item_and_a_comment_wait_on_the_phone_survive_a_reload_and_arrive_once_when_back_online()
    {
        var tag = TestApps.UniqueTag();
        var title = "Kapotte lantaarnpaal " + tag;
        var comment = "Ook de lamp ernaast knippert " + tag;
        var place = Places.Kooypunt;
        var existing = (await Fixture.Api.GetFromJsonAsync<ItemPageShape>("/api/items?pageSize=1&q=Zwembad", Cancel))!.Items[0];

        // Someone else watches the map where the item will be, in another browser.
        var watcher = await OpenMapAsync(place, viewport: BrowserFixture.Desktop);

        await using var context = await PhoneWithServiceWorkerAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await GotoAsync(page, $"/items/{existing.Id}");
        await WaitForServiceWorkerAsync(page);
        // The pages are opened once with a connection, as in the morning at the office; then the connection goes.
        await GotoAsync(page, "/items/new");
        await GotoAsync(page, $"/items/{existing.Id}");
        await context.SetOfflineAsync(true);

        // A comment on the item page, offline.
        await page.ReloadAsync();
        await page.GetByLabel(Fixture.Text("Item.CommentLabel")).FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Item.CommentSubmit") }).ClickAsync();
        await Expect(page.Locator("#item-log .log-pending")).ToContainTextAsync(comment);
        await Expect(page.Locator("#item-log .log-pending")).ToContainTextAsync(Fixture.Text("Field.Outbox.Waiting"));
        await Expect(OutboxBadge(page)).ToHaveTextAsync("1");

        // A new item, offline: the add page comes from the phone's cache.
        var response = await page.GotoAsync("/items/new");
        Assert.NotNull(response);
        await page.Locator("label.kind-option", new() { HasText = Fixture.Text("Kind.signaal") }).TapAsync();
        await page.GetByLabel(Fixture.Text("Form.Title")).FillAsync(title);
        await page.GetByLabel(Fixture.Text("Form.Description")).FillAsync("Aan het eind van de straat, bij de bushalte.");
        await page.GetByLabel(Fixture.Text("Form.Latitude")).FillAsync(Coordinate(place.Latitude));
        await page.GetByLabel(Fixture.Text("Form.Longitude")).FillAsync(Coordinate(place.Longitude));
        await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Form.Save"), Exact = true }).TapAsync();
        await Expect(page.Locator("#capture-notice")).ToContainTextAsync(Fixture.Text("Field.Outbox.Queued"));
        await Expect(OutboxBadge(page)).ToHaveTextAsync("2");

        // Closed and opened again, still offline: nothing is lost and nothing has been sent.
        await page.ReloadAsync();
        await Expect(OutboxBadge(page)).ToHaveTextAsync("2");
        await page.GotoAsync("/wachtrij");
        var waiting = page.Locator("#outbox-waiting .outbox-entry");
        await Expect(waiting).ToHaveCountAsync(2);
        await Expect(waiting.Nth(0)).ToContainTextAsync(comment);
        await Expect(waiting.Nth(1)).ToContainTextAsync(title);
        await Expect(waiting.Nth(1)).ToContainTextAsync(Fixture.Text("Field.Outbox.Waiting"));
        Assert.Empty(await ItemsTaggedAsync(tag));

        // Back online: sent in order, and shown as sent.
        await context.SetOfflineAsync(false);
        await Expect(page.Locator("#outbox-sent .outbox-entry")).ToHaveCountAsync(2);
        await Expect(page.Locator("#outbox-waiting .outbox-entry")).ToHaveCountAsync(0);
        await Expect(OutboxBadge(page)).ToBeHiddenAsync();
        var created = Assert.Single(await ItemsTaggedAsync(tag));
        await Expect(page.Locator("#outbox-sent").GetByRole(AriaRole.Link, new() { Name = title })).ToHaveAttributeAsync("href", $"/items/{created.Id}");
        Assert.Equal("signaal", created.Kind);

        // Sending again (another tab, a second 'online') changes nothing: each went exactly once.
        await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Field.Outbox.SendNow") }).ClickAsync();
        await page.ReloadAsync();
        await Expect(page.Locator("#outbox-sent .outbox-entry")).ToHaveCountAsync(2);
        Assert.Single(await ItemsTaggedAsync(tag));
        var log = (await Fixture.Api.GetFromJsonAsync<ItemShape>($"/api/items/{existing.Id}", Cancel))!.Updates!;
        Assert.Single(log, u => u.Text == comment);

        // And the other browser's map shows it, live.
        await Expect(watcher.Locator("#map .leaflet-marker-icon.marker").And(watcher.GetByTitle(title, new() { Exact = true }))).ToHaveCountAsync(1);
        Assert.Empty(errors);
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task When_the_answer_is_lost_the_item_is_sent_again_with_the_same_key_and_made_once()
    {
        var tag = TestApps.UniqueTag();
        var title = "Zwerfafval " + tag;
        var page = await OpenAsync("/items/new", BrowserFixture.Phone, phone: true, role: Roles.Professional);
        await page.Context.SetOfflineAsync(true);
        await page.Locator("label.kind-option", new() { HasText = Fixture.Text("Kind.opgave") }).TapAsync();
        await page.GetByLabel(Fixture.Text("Form.Title")).FillAsync(title);
        await page.GetByLabel(Fixture.Text("Form.Latitude")).FillAsync(Coordinate(Places.DeKooy.Latitude));
        await page.GetByLabel(Fixture.Text("Form.Longitude")).FillAsync(Coordinate(Places.DeKooy.Longitude));
        await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Form.Save"), Exact = true }).TapAsync();
        await Expect(OutboxBadge(page)).ToHaveTextAsync("1");

        // The first POST reaches the server, which stores the item, but the answer never reaches the phone.
        var keys = new List<string>();
        var lost = 0;
        await page.RouteAsync("**/api/items", async route =>
        {
            keys.Add(route.Request.Headers["idempotency-key"]);
            if (lost++ == 0)
            {
                await route.FetchAsync();
                await route.AbortAsync("connectionreset");
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await page.Context.SetOfflineAsync(false);
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-outbox-waiting", "1");
        for (var i = 0; i < 100 && (await ItemsTaggedAsync(tag)).Count == 0; i++)
        {
            await Task.Delay(100, Cancel);
        }
        Assert.Single(await ItemsTaggedAsync(tag));
        await Expect(OutboxBadge(page)).ToHaveTextAsync("1"); // the phone does not know it arrived

        await GotoAsync(page, "/wachtrij");
        await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Field.Outbox.SendNow") }).ClickAsync();
        await Expect(page.Locator("#outbox-sent .outbox-entry")).ToHaveCountAsync(1);
        var created = Assert.Single(await ItemsTaggedAsync(tag));
        await Expect(page.Locator("#outbox-sent").GetByRole(AriaRole.Link, new() { Name = title })).ToHaveAttributeAsync("href", $"/items/{created.Id}");
        Assert.True(keys.Count >= 2, $"sent {keys.Count} times");
        Assert.Single(keys.Distinct());
    }

    [Fact]
    public async Task The_duplicate_check_offers_a_nearby_item_and_steun_dit_adds_support_instead_of_an_item()
    {
        var tag = TestApps.UniqueTag();
        var place = Places.VliegveldDeKooy;
        var nearby = (await (await Fixture.Writer.PostAsJsonAsync("/api/items",
            new NewItem { Kind = "opgave", Title = "Kuil in het fietspad " + tag, Latitude = place.Latitude, Longitude = place.Longitude }, Cancel))
            .Content.ReadFromJsonAsync<ItemShape>(Cancel))!;

        var page = await OpenAsync("/items/new", BrowserFixture.Phone, phone: true, role: Roles.Professional);
        await page.Locator("label.kind-option", new() { HasText = Fixture.Text("Kind.opgave") }).TapAsync();
        await page.GetByLabel(Fixture.Text("Form.Latitude")).FillAsync(Coordinate(place.Latitude + 30 / MetresPerDegreeLatitude));
        await page.GetByLabel(Fixture.Text("Form.Longitude")).FillAsync(Coordinate(place.Longitude));
        await page.GetByLabel(Fixture.Text("Form.Longitude")).PressAsync("Tab");

        var offer = page.GetByRole(AriaRole.Region, new() { Name = Fixture.Text("Field.Duplicate.Heading") });
        await Expect(offer).ToBeVisibleAsync();
        await Expect(offer.GetByRole(AriaRole.Link, new() { Name = nearby.Title })).ToHaveAttributeAsync("href", $"/items/{nearby.Id}");
        await Expect(offer).ToContainTextAsync("30 " + Fixture.Text("Field.Duplicate.Away"));
        await offer.GetByLabel(Fixture.Text("Field.Duplicate.CommentLabel")).FillAsync("Mijn fiets ging er ook bijna in");
        await offer.GetByRole(AriaRole.Button, new() { Name = $"{Fixture.Text("Field.Duplicate.Support")}: {nearby.Title}" }).TapAsync();
        await Expect(offer.GetByRole(AriaRole.Status)).ToHaveTextAsync(Fixture.Text("Field.Duplicate.Supported"));

        Assert.Single(await ItemsTaggedAsync(tag));
        var log = (await Fixture.Api.GetFromJsonAsync<ItemShape>($"/api/items/{nearby.Id}", Cancel))!.Updates!;
        Assert.Contains(log, u => u.Text == "Steunt dit (+1): Mijn fiets ging er ook bijna in");
        await GotoAsync(page, $"/items/{nearby.Id}");
        await Expect(page.Locator("#support-count")).ToHaveTextAsync(string.Format(CultureInfo.InvariantCulture, Fixture.Text("Field.Support.Count"), 1));
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_photo_chosen_on_the_phone_is_shrunk_and_shown_on_the_item_page()
    {
        var tag = TestApps.UniqueTag();
        var item = (await (await Fixture.Writer.PostAsJsonAsync("/api/items", NewItem.At(Places.DeKooy, "Muurschildering " + tag), Cancel))
            .Content.ReadFromJsonAsync<ItemShape>(Cancel))!;
        var page = await OpenAsync($"/items/{item.Id}", BrowserFixture.Phone, phone: true, role: Roles.Professional);

        // A 2400 × 1800 camera photo, drawn in the browser.
        var dataUrl = await page.EvaluateAsync<string>("""
            () => { const c = document.createElement('canvas'); c.width = 2400; c.height = 1800;
                    const g = c.getContext('2d'); g.fillStyle = '#c33'; g.fillRect(0, 0, 2400, 1800);
                    g.fillStyle = '#36c'; g.fillRect(600, 400, 1200, 900); return c.toDataURL('image/jpeg', 0.9); }
            """);
        var bytes = Convert.FromBase64String(dataUrl[(dataUrl.IndexOf(',', StringComparison.Ordinal) + 1)..]);
        await page.GetByLabel(Fixture.Text("Photos.Add")).SetInputFilesAsync(new FilePayload { Name = "IMG_0001.jpg", MimeType = "image/jpeg", Buffer = bytes });

        var image = page.Locator("#photo-list img");
        await Expect(image).ToHaveCountAsync(1);
        await Expect(image).ToHaveJSPropertyAsync("complete", true);
        Assert.Equal(1600, await image.EvaluateAsync<int>("img => img.naturalWidth"));
        var photos = await Fixture.Api.GetFromJsonAsync<List<JsonElement>>($"/api/items/{item.Id}/photos", Cancel);
        Assert.Equal(1200, Assert.Single(photos!).GetProperty("height").GetInt32());
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task Offline_the_last_viewed_map_shows_with_its_time_and_the_duplicate_check_uses_the_data_on_the_phone()
    {
        var tag = TestApps.UniqueTag();
        var place = Places.VliegveldDeKooy;
        var existing = (await (await Fixture.Writer.PostAsJsonAsync("/api/items",
            new NewItem { Kind = "kans", Title = "Speelplek bij de hangar " + tag, Latitude = place.Latitude, Longitude = place.Longitude }, Cancel))
            .Content.ReadFromJsonAsync<ItemShape>(Cancel))!;
        await using var context = await PhoneWithServiceWorkerAsync();
        var page = await context.NewPageAsync();
        await GotoAsync(page, "/items/new");
        await WaitForServiceWorkerAsync(page);
        var mapPath = MapPath(place);
        await GotoAsync(page, mapPath);
        await WaitForMapViewAsync(page);
        // (Other tests of this class put items on the same spot, so the marker may be in a cluster: check the list.)
        await Expect(page.Locator("#item-list").GetByRole(AriaRole.Link, new() { Name = existing.Title })).ToHaveCountAsync(1);

        await context.SetOfflineAsync(true);
        await page.GotoAsync(mapPath);
        // The map of the last viewed area, from the phone, saying from when it is.
        await Expect(Map(page)).ToHaveAttributeAsync("data-loaded", new Regex(@"^[1-9]\d*$"));
        await Expect(page.Locator("#map .leaflet-marker-icon").First).ToBeVisibleAsync();
        await Expect(page.Locator("#item-list").GetByRole(AriaRole.Link, new() { Name = existing.Title })).ToHaveCountAsync(1);
        await Expect(page.Locator("#field-status")).ToBeVisibleAsync();
        await Expect(page.Locator("#field-status")).ToContainTextAsync("Geen verbinding. U ziet de gegevens van ");

        await page.GotoAsync("/items/new");
        await page.Locator("label.kind-option", new() { HasText = Fixture.Text("Kind.kans") }).TapAsync();
        await page.GetByLabel(Fixture.Text("Form.Latitude")).FillAsync(Coordinate(place.Latitude + 20 / MetresPerDegreeLatitude));
        await page.GetByLabel(Fixture.Text("Form.Longitude")).FillAsync(Coordinate(place.Longitude));
        await page.GetByLabel(Fixture.Text("Form.Longitude")).PressAsync("Tab");
        var offer = page.GetByRole(AriaRole.Region, new() { Name = Fixture.Text("Field.Duplicate.Heading") });
        await Expect(offer.GetByRole(AriaRole.Link, new() { Name = existing.Title })).ToBeVisibleAsync();
        await Expect(offer).ToContainTextAsync(Fixture.Text("Field.Duplicate.Cached"));
    }

    [Fact]
    public async Task An_edit_made_offline_that_meets_a_newer_version_is_shown_as_a_conflict_and_overwrites_nothing()
    {
        var tag = TestApps.UniqueTag();
        var item = (await (await Fixture.Writer.PostAsJsonAsync("/api/items", NewItem.At(Places.DeKooy, "Buurthuis " + tag), Cancel))
            .Content.ReadFromJsonAsync<ItemShape>(Cancel))!;
        await using var context = await PhoneWithServiceWorkerAsync();
        var page = await context.NewPageAsync();
        await GotoAsync(page, "/wachtrij");
        await WaitForServiceWorkerAsync(page);
        await GotoAsync(page, $"/items/{item.Id}/edit");

        await context.SetOfflineAsync(true);
        var mine = "Buurthuis met nieuwe openingstijden " + tag;
        await page.GetByLabel(Fixture.Text("Form.Title")).FillAsync(mine);
        await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Form.Save"), Exact = true }).TapAsync();
        await Expect(page.Locator("#edit-notice")).ToContainTextAsync(Fixture.Text("Field.Outbox.Queued"));
        await Expect(OutboxBadge(page)).ToHaveTextAsync("1");

        // Meanwhile a colleague at the office changes the same item.
        var theirs = "Buurthuis (verhuisd) " + tag;
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/items/{item.Id}")
        {
            Content = JsonContent.Create(item.ToInput() with { Title = theirs }),
            Headers = { { "If-Match", $"\"{item.Version}\"" } },
        })
        {
            Assert.Equal(HttpStatusCode.OK, (await Fixture.Writer.SendAsync(put, Cancel)).StatusCode);
        }

        await page.GotoAsync("/wachtrij");
        await context.SetOfflineAsync(false);
        var conflict = page.Locator("#outbox-problems .outbox-entry");
        await Expect(conflict).ToHaveCountAsync(1);
        await Expect(conflict).ToContainTextAsync(Fixture.Text("Field.Outbox.Conflict"));
        await Expect(conflict.Locator(".outbox-kept")).ToContainTextAsync(mine);
        await Expect(conflict.GetByRole(AriaRole.Link, new() { Name = Fixture.Text("Field.Outbox.OpenItem") })).ToHaveAttributeAsync("href", $"/items/{item.Id}");
        Assert.Equal(theirs, (await Fixture.Api.GetFromJsonAsync<ItemShape>($"/api/items/{item.Id}", Cancel))!.Title);

        // Removing it is the person's own choice; then nothing waits any more.
        await conflict.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Field.Outbox.Remove") }).ClickAsync();
        await Expect(conflict).ToHaveCountAsync(0);
        await Expect(OutboxBadge(page)).ToBeHiddenAsync();
    }

    [Theory]
    [InlineData(25, false)]
    [InlineData(250, true)]
    public async Task Use_my_location_shows_the_accuracy_and_asks_first_when_it_is_worse_than_100_metres(int accuracy, bool asks)
    {
        var place = Places.DeKooy;
        await using var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Fixture.BaseAddress.ToString(), ViewportSize = BrowserFixture.Phone, IsMobile = true, HasTouch = true,
            Locale = "nl-NL", ServiceWorkers = ServiceWorkerPolicy.Block,
            Permissions = ["geolocation"],
            Geolocation = new Geolocation { Latitude = (float)place.Latitude, Longitude = (float)place.Longitude, Accuracy = accuracy },
        });
        await SignInAsync(context, Roles.Professional);
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.AcceptAsync(); };
        await GotoAsync(page, "/items/new");

        await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Form.UseMyLocation") }).TapAsync();

        var expected = Fixture.Text("Field.Location.Accuracy").Replace("{0}", accuracy.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await Expect(page.Locator("#picker-status")).ToContainTextAsync(expected);
        await Expect(page.GetByLabel(Fixture.Text("Form.Latitude"))).ToHaveValueAsync(new Regex("^" + Regex.Escape(place.Latitude.ToString("0.0000", CultureInfo.InvariantCulture))));
        // The accuracy circle, and a pin the person can drag to the exact spot.
        await Expect(page.Locator("#picker path.accuracy-circle")).ToHaveCountAsync(1);
        await Expect(page.Locator("#picker .leaflet-marker-icon.leaflet-marker-draggable")).ToHaveCountAsync(1);
        Assert.Equal(asks ? 1 : 0, dialogs.Count);
        if (asks)
        {
            Assert.Contains("250 m", dialogs[0], StringComparison.Ordinal);
        }
    }
}
