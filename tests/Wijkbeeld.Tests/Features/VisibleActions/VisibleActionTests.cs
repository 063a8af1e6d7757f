using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Wijkbeeld.Tests.Features.VisibleActions;

public sealed class VisibleActionSqliteTests(SqliteApp app) : VisibleActionTests(app), IClassFixture<SqliteApp>;

public sealed class VisibleActionPostgresTests : VisibleActionTests, IClassFixture<PostgresApp>
{
    public VisibleActionPostgresTests(PostgresApp app) : base(app) => PostgresGate.Require();
}

public sealed record ActionShape(int Id, string AreaCode, string Title, string Goal, string Owner, string[] Partners, double? Latitude, double? Longitude,
    string Date, string Status, string Evaluation, string? PhotoUrl, string Visibility, int Version, int? FocusThemeId = null);

/// <summary>Step 4 of WerkwijzerPlus: visible actions with filters (area, status, month), If-Match, visibility, CSV and a photo.</summary>
public abstract class VisibleActionTests(SharedApp shared) : AppTests(shared)
{
    public static object NewAction(string title, string date = "2026-11-14", string areaCode = "BU04000101", string status = "gepland",
        string visibility = "partners", Place? place = null) => new
    {
        areaCode, title, goal = "Laten zien dat het plein van iedereen is", owner = "Buurtteam Willemsoord",
        partners = new[] { "Welzijn Den Helder", "Bewoners van de Kerkgracht" }, date, status, visibility,
        latitude = (place ?? Places.Willemsoord).Latitude, longitude = (place ?? Places.Willemsoord).Longitude,
    };

    Task<int> RowsAsync() => App.WithDbAsync(db => db.VisibleActions.IgnoreQueryFilters().CountAsync(Ct));

    async Task<ActionShape> CreateAsync(HttpClient client, object body) =>
        await (await client.PostAsJsonAsync("/api/visible-actions", body, Ct)).ReadOkAsync<ActionShape>(HttpStatusCode.Created);

    [Fact]
    public async Task An_action_works_on_a_focus_theme_of_its_own_buurt_or_wijk_only()
    {
        async Task<int> FocusAsync(string area, string title) => (await (await Client.PostAsJsonAsync("/api/focus",
            new { areaCode = area, title, reason = "Dit kwam steeds terug in de verhalen." }, Ct)).ReadOkAsync<JsonObject>(HttpStatusCode.Created))["id"]!.GetValue<int>();
        var buurtFocus = await FocusAsync("BU04000101", "Plek voor jongeren " + Guid.NewGuid().ToString("N")[..6]);
        var wijkFocus = await FocusAsync("WK040001", "Schone straten " + Guid.NewGuid().ToString("N")[..6]);
        var elsewhere = await FocusAsync("WK040003", "Ouderen eenzaam " + Guid.NewGuid().ToString("N")[..6]);

        JsonObject WithFocus(int? focus) { var body = JsonSerializer.SerializeToNode(NewAction("Focusactie"), JsonSerializerOptions.Web)!.AsObject(); body["focusThemeId"] = focus; return body; }
        var onBuurt = await CreateAsync(Client, WithFocus(buurtFocus));
        Assert.Equal(buurtFocus, onBuurt.FocusThemeId);
        Assert.Equal(wijkFocus, (await CreateAsync(Client, WithFocus(wijkFocus))).FocusThemeId);

        var before = await RowsAsync();
        foreach (var bad in new int?[] { elsewhere, 999999 })
        {
            var problem = await (await Client.PostAsync("/api/visible-actions", TestApps.Body(WithFocus(bad).ToJsonString(), "application/json"), Ct))
                .AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
            Assert.Contains("focusThemeId", problem.Errors!.Keys);
        }
        Assert.Equal(before, await RowsAsync());

        var page = Html.Text(await Client.GetPageAsync($"/acties/{onBuurt.Id}"));
        Assert.Contains("Plek voor jongeren", page, StringComparison.Ordinal);
        // Removing the theme keeps the action; it just no longer points at it.
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/focus/{buurtFocus}", Ct)).StatusCode);
        Assert.Null((await (await Client.GetAsync($"/api/visible-actions/{onBuurt.Id}", Ct)).ReadOkAsync<ActionShape>()).FocusThemeId);
    }

    [Fact]
    public async Task An_action_is_created_and_found_by_area_status_and_month_in_the_list_and_the_csv()
    {
        var tag = TestApps.UniqueTag();
        var november = await CreateAsync(Client, NewAction($"Schoonmaakochtend {tag}"));
        Assert.Equal(["Welzijn Den Helder", "Bewoners van de Kerkgracht"], november.Partners);
        Assert.Equal("gepland", november.Status);
        Assert.Equal(1, november.Version);
        var december = await CreateAsync(Client, NewAction($"Lichtjesavond {tag}", date: "2026-12-03", status: "bezig"));
        var elsewhere = await CreateAsync(Client, NewAction($"Bankjes {tag}", areaCode: "BU04000302", place: Places.NieuwDenHelderCentrum));

        async Task<int[]> Ids(string query) => (await (await Client.GetAsync($"/api/visible-actions?{query}", Ct)).ReadOkAsync<ActionShape[]>())
            .Where(a => a.Title.Contains(tag, StringComparison.Ordinal)).Select(a => a.Id).Order().ToArray();
        Assert.Equal([november.Id, december.Id], await Ids("area=WK040001"));
        Assert.Equal([november.Id, december.Id], await Ids("area=BU04000101"));
        Assert.Equal([elsewhere.Id], await Ids("area=WK040003"));
        Assert.Equal([december.Id], await Ids("status=bezig"));
        Assert.Equal([december.Id], await Ids("month=2026-12"));
        Assert.Equal([november.Id, elsewhere.Id], await Ids("month=2026-11"));
        Assert.Equal([november.Id], await Ids("month=2026-11&area=WK040001&status=gepland"));

        var csv = await Client.GetStringAsync("/api/visible-actions.csv?month=2026-12", Ct);
        Assert.StartsWith("id,gebied,titel,doel,eigenaar,partners,datum,status", csv, StringComparison.Ordinal);
        Assert.Contains($"Lichtjesavond {tag}", csv, StringComparison.Ordinal);
        Assert.DoesNotContain($"Schoonmaakochtend {tag}", csv, StringComparison.Ordinal);

        var geo = JsonDocument.Parse(await Client.GetStringAsync("/api/visible-actions.geojson?area=WK040001", Ct)).RootElement;
        Assert.Contains(geo.GetProperty("features").EnumerateArray(), f => f.GetProperty("id").GetInt32() == november.Id);

        // The page shows the filtered list and "acties deze maand".
        var page = Html.Text(await Client.GetPageAsync($"/acties?area=WK040001&month=2026-12"));
        Assert.Contains($"Lichtjesavond {tag}", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"Schoonmaakochtend {tag}", page, StringComparison.Ordinal);
        Assert.Contains("Acties deze maand", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_needs_the_current_version_and_a_stale_one_is_a_conflict_that_changes_nothing()
    {
        var action = await CreateAsync(Client, NewAction("Muurschildering " + TestApps.UniqueTag()));
        async Task<HttpResponseMessage> Put(string? etag, object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/visible-actions/{action.Id}") { Content = JsonContent.Create(body) };
            if (etag is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            return await Client.SendAsync(request, Ct);
        }
        var done = NewAction(action.Title, status: "gedaan");
        await (await Put(null, done)).AssertProblemAsync(HttpStatusCode.PreconditionRequired, "Versie ontbreekt");
        var saved = await (await Put("\"1\"", done)).ReadOkAsync<ActionShape>();
        Assert.Equal(("gedaan", 2), (saved.Status, saved.Version));
        await (await Put("\"1\"", NewAction("Iets anders", status: "gestopt"))).AssertProblemAsync(HttpStatusCode.Conflict, "Tegelijk gewijzigd");
        var stored = await (await Client.GetAsync($"/api/visible-actions/{action.Id}", Ct)).ReadOkAsync<ActionShape>();
        Assert.Equal((action.Title, "gedaan", 2), (stored.Title, stored.Status, stored.Version));
        var audit = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityType == "zichtbare actie" && a.EntityId == action.Id.ToString()).Select(a => a.Action).ToListAsync(Ct));
        Assert.Equal(["aangemaakt", "gewijzigd"], audit);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/visible-actions/{action.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/visible-actions/{action.Id}", Ct)).StatusCode);
    }

    public static TheoryData<string, string, string> BadActions => new()
    {
        { "areaCode", "\"XX\"", "areaCode" },
        { "areaCode", "\"GM0400\"", "areaCode" },
        { "title", "\"\"", "title" },
        { "goal", "null", "goal" },
        { "owner", "\"   \"", "owner" },
        { "date", "\"morgen\"", "date" },
        { "status", "\"klaar\"", "status" },
        { "latitude", "91", "location" },
        { "latitude", "52.37", "location" },
        { "visibility", "\"geheim\"", "visibility" },
        { "title", "\"Bel 0612345678\"", "title" },
    };

    [Theory]
    [MemberData(nameof(BadActions))]
    public async Task Bad_actions_are_refused_in_Dutch_and_store_nothing(string property, string rawJson, string errorField)
    {
        var body = JsonSerializer.SerializeToNode(NewAction("Goede titel"), JsonSerializerOptions.Web)!.AsObject();
        body[property] = JsonNode.Parse(rawJson);
        if (rawJson == "52.37") body["longitude"] = Places.AmsterdamLongitude;
        var before = await RowsAsync();
        var problem = await (await Client.PostAsync("/api/visible-actions", TestApps.Body(body.ToJsonString(), "application/json"), Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.True(problem.Errors!.ContainsKey(errorField), string.Join(", ", problem.Errors.Keys));
        Assert.Equal(before, await RowsAsync());

        // A bad change leaves the stored action as it was.
        var action = await CreateAsync(Client, NewAction("Onveranderd " + TestApps.UniqueTag()));
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/visible-actions/{action.Id}") { Content = TestApps.Body(body.ToJsonString(), "application/json") };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        await (await Client.SendAsync(request, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        var stored = await (await Client.GetAsync($"/api/visible-actions/{action.Id}", Ct)).ReadOkAsync<ActionShape>();
        Assert.Equal((action.Title, 1), (stored.Title, stored.Version));
    }

    [Fact]
    public async Task Visibility_decides_who_sees_an_action_and_only_writers_of_its_organisation_change_it()
    {
        var tag = TestApps.UniqueTag();
        var own = await CreateAsync(Client, NewAction($"Eigen {tag}", visibility: "organisatie"));
        var partners = await CreateAsync(Client, NewAction($"Partners {tag}", visibility: "partners"));
        var open = await CreateAsync(Client, NewAction($"Openbaar {tag}", visibility: "openbaar"));
        var police = await App.CreateClientAsAsync(Roles.Professional, TestAccounts.Police);
        int[] Mine(ActionShape[] list) => list.Where(a => a.Title.Contains(tag, StringComparison.Ordinal)).Select(a => a.Id).Order().ToArray();
        Assert.Equal([open.Id], Mine(await (await Anonymous.GetAsync("/api/visible-actions", Ct)).ReadOkAsync<ActionShape[]>()));
        Assert.Equal([partners.Id, open.Id], Mine(await (await police.GetAsync("/api/visible-actions", Ct)).ReadOkAsync<ActionShape[]>()));
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/api/visible-actions/{own.Id}", Ct)).StatusCode);
        Assert.DoesNotContain($"Eigen {tag}", await Anonymous.GetStringAsync("/api/visible-actions.csv", Ct), StringComparison.Ordinal);

        var before = await RowsAsync();
        await (await Anonymous.PostAsJsonAsync("/api/visible-actions", NewAction("Anoniem"), Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized, "Niet ingelogd");
        var reader = await App.CreateClientAsAsync(Roles.Reader);
        await (await reader.PostAsJsonAsync("/api/visible-actions", NewAction("Lezer"), Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/visible-actions/{partners.Id}") { Content = JsonContent.Create(NewAction("Overgenomen")) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        await (await police.SendAsync(request, Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task The_evaluation_photo_is_stored_without_metadata_and_shown_only_to_who_sees_the_action()
    {
        var action = await CreateAsync(Client, NewAction("Foto-actie " + TestApps.UniqueTag(), visibility: "organisatie"));
        using var image = new Image<Rgb24>(2400, 1200, new Rgb24(200, 120, 40));
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "WijkbeeldTestCam");
        image.Metadata.ExifProfile = exif;
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = 90 });
        var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var saved = await (await Client.PutAsync($"/api/visible-actions/{action.Id}/photo", content, Ct)).ReadOkAsync<ActionShape>();
        Assert.NotNull(saved.PhotoUrl);
        Assert.Equal(2, saved.Version);

        var served = await Client.GetAsync(saved.PhotoUrl, Ct);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        var bytes = await served.Content.ReadAsByteArrayAsync(Ct);
        using var stored = Image.Load(bytes);
        Assert.Equal(1600, stored.Width);
        Assert.Null(stored.Metadata.ExifProfile);
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous.GetAsync(saved.PhotoUrl, Ct)).StatusCode);

        // Not a photo: refused in Dutch, the action keeps its photo and version.
        var text = new ByteArrayContent("geen foto"u8.ToArray());
        text.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        await (await Client.PutAsync($"/api/visible-actions/{action.Id}/photo", text, Ct)).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "Verkeerd bestandstype");
        var after = await (await Client.GetAsync($"/api/visible-actions/{action.Id}", Ct)).ReadOkAsync<ActionShape>();
        Assert.Equal((saved.PhotoUrl, 2), (after.PhotoUrl, after.Version));
        Assert.Contains("Foto bij de actie", await Client.GetStringAsync($"/acties/{action.Id}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_new_action_form_stores_an_action_and_a_bad_one_shows_Dutch_errors()
    {
        var browser = NewBrowser(Roles.Professional);
        var form = await HtmlForm.LoadAsync(browser, "/acties/nieuw");
        var refused = Html.Text(await (await form.Set("Form.Title", "").SubmitAsync(browser)).ReadPageAsync(HttpStatusCode.BadRequest));
        Assert.Contains("Vul dit in.", refused, StringComparison.Ordinal);
        var title = "Formulier " + TestApps.UniqueTag();
        form = await HtmlForm.LoadAsync(browser, "/acties/nieuw");
        var sent = await form.Set("Form.AreaCode", "BU04000101").Set("Form.Title", title).Set("Form.Goal", "Zichtbaar zijn")
            .Set("Form.Owner", "Buurtteam").Set("Form.Partners", "Bibliotheek\nBewoners").SubmitAsync(browser);
        var target = sent.RedirectTarget();
        Assert.StartsWith("/acties/", target, StringComparison.Ordinal);
        var details = Html.Text(await browser.GetPageAsync(target));
        Assert.Contains(title, details, StringComparison.Ordinal);
        Assert.Contains("Bibliotheek, Bewoners", details, StringComparison.Ordinal);
    }
}
