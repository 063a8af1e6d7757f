using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Tests.Features.Stories;
using Wijkbeeld.Tests.Features.Timeline;

namespace Wijkbeeld.Tests.Features.Focus;

public sealed class FocusSqliteTests(SqliteApp app) : FocusTests(app), IClassFixture<SqliteApp>;

public sealed class FocusPostgresTests : FocusTests, IClassFixture<PostgresApp>
{
    public FocusPostgresTests(PostgresApp app) : base(app) => PostgresGate.Require();
}

public sealed record FocusShape(int Id, string AreaCode, string Title, string Reason, int[] PatternIds, int[] StoryIds, int[] ObservationIds, string Visibility, int Version);

/// <summary>Step 3 of WerkwijzerPlus: focus themes per area, resting on that area's patterns, stories and observations.</summary>
public abstract class FocusTests(SharedApp shared) : AppTests(shared)
{
    const string Area = "WK040003";

    Task<(int Themes, int Links, int Audit)> CountsAsync() => App.WithDbAsync(async db =>
        (await db.FocusThemes.IgnoreQueryFilters().CountAsync(Ct),
         await db.Set<Wijkbeeld.Features.Focus.FocusThemeStory>().CountAsync(Ct) + await db.Set<Wijkbeeld.Features.Focus.FocusThemePattern>().CountAsync(Ct)
            + await db.Set<Wijkbeeld.Features.Focus.FocusThemeObservation>().CountAsync(Ct),
         await db.AuditLog.CountAsync(a => a.EntityType == "focusthema", Ct)));

    async Task<(int Pattern, int Story, int Observation)> BasisAsync(string area, string buurt, Place place)
    {
        var moment = await (await Client.PostAsJsonAsync($"/api/timeline/{area}/moments",
            new { date = "2021-01-01", title = "Overlast", kind = "incident", tone = "negatief", source = "wijkagent" }, Ct)).ReadOkAsync<MomentShape>(HttpStatusCode.Created);
        var pattern = await (await Client.PostAsJsonAsync($"/api/timeline/{area}/patterns", new { text = "Elke winter overlast", momentIds = new[] { moment.Id } }, Ct))
            .ReadOkAsync<PatternShape>(HttpStatusCode.Created);
        var story = await (await Client.PostAsJsonAsync("/api/stories", new { text = "We voelen ons niet veilig", source = "bewoner", area = buurt }, Ct))
            .ReadOkAsync<StoryShape>(HttpStatusCode.Created);
        var observation = await (await Client.PostAsJsonAsync("/api/observations", new
        {
            date = "2026-11-27", partOfDay = "avond", group = "jongeren", activity = "verzamelen", latitude = place.Latitude, longitude = place.Longitude,
        }, Ct)).ReadOkAsync<JsonObject>(HttpStatusCode.Created);
        return (pattern.Id, story.Id, (int)observation["id"]!);
    }

    [Fact]
    public async Task A_focus_theme_rests_on_the_areas_patterns_stories_and_observations_and_shows_on_the_profile()
    {
        var (pattern, story, observation) = await BasisAsync(Area, "BU04000302", Places.NieuwDenHelderCentrum);
        var tag = TestApps.UniqueTag();
        var created = await (await Client.PostAsJsonAsync("/api/focus", new
        {
            areaCode = Area, title = $"Veilig uitgaan {tag}", reason = "Bewoners en ondernemers noemen de avond steeds.",
            patternIds = new[] { pattern }, storyIds = new[] { story }, observationIds = new[] { observation }, visibility = "openbaar",
        }, Ct)).ReadOkAsync<FocusShape>(HttpStatusCode.Created);
        Assert.Equal([pattern], created.PatternIds);
        Assert.Equal([story], created.StoryIds);
        Assert.Equal([observation], created.ObservationIds);
        Assert.Equal(1, created.Version);

        var list = await (await Client.GetAsync($"/api/focus?area={Area}", Ct)).ReadOkAsync<FocusShape[]>();
        Assert.Contains(list, f => f.Id == created.Id);
        Assert.DoesNotContain(await (await Client.GetAsync("/api/focus?area=WK040008", Ct)).ReadOkAsync<FocusShape[]>(), f => f.Id == created.Id);
        await (await Client.GetAsync("/api/focus?area=XX999", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "Niet gevonden");

        var profile = Html.Text(await Anonymous.GetPageAsync($"/profiel/{Area}"));
        Assert.Contains($"Veilig uitgaan {tag}", profile, StringComparison.Ordinal);
        Assert.Contains("Bewoners en ondernemers noemen de avond steeds.", profile, StringComparison.Ordinal);
        // The anonymous visitor sees the theme but not the partner-only pattern, story and observation behind it.
        Assert.Contains("Rust op 0 patronen, 0 verhalen en 0 observaties.", profile, StringComparison.Ordinal);
        var signedIn = Html.Text(await Client.GetPageAsync($"/profiel/{Area}"));
        Assert.Contains("Rust op 1 patronen, 1 verhalen en 1 observaties.", signedIn, StringComparison.Ordinal);
        var page = Html.Text(await Client.GetPageAsync($"/focus/{Area}"));
        Assert.Contains("Elke winter overlast", page, StringComparison.Ordinal);

        // Deleting the story takes it out of the focus theme.
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/stories/{story}", Ct)).StatusCode);
        Assert.Empty((await (await Client.GetAsync($"/api/focus/{created.Id}", Ct)).ReadOkAsync<FocusShape>()).StoryIds);
    }

    [Fact]
    public async Task Links_from_another_area_are_refused_and_nothing_is_stored()
    {
        var (pattern, story, observation) = await BasisAsync("WK040008", "BU04000805", Places.Middelzand);
        var before = await CountsAsync();
        foreach (var (field, body) in new (string, object)[]
        {
            ("patternIds", new { areaCode = Area, title = "Thema", reason = "Omdat", patternIds = new[] { pattern } }),
            ("storyIds", new { areaCode = Area, title = "Thema", reason = "Omdat", storyIds = new[] { story } }),
            ("observationIds", new { areaCode = Area, title = "Thema", reason = "Omdat", observationIds = new[] { observation } }),
            ("storyIds", new { areaCode = Area, title = "Thema", reason = "Omdat", storyIds = new[] { 999999 } }),
        })
        {
            var problem = await (await Client.PostAsJsonAsync("/api/focus", body, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
            Assert.True(problem.Errors!.ContainsKey(field), string.Join(", ", problem.Errors.Keys));
        }
        Assert.Equal(before, await CountsAsync());
        // The same links are fine for their own wijk.
        await (await Client.PostAsJsonAsync("/api/focus", new { areaCode = "WK040008", title = "Thema", reason = "Omdat", patternIds = new[] { pattern },
            storyIds = new[] { story }, observationIds = new[] { observation } }, Ct)).ReadOkAsync<FocusShape>(HttpStatusCode.Created);
    }

    public static TheoryData<string, string, string> BadFields => new()
    {
        { "title", "\"  \"", "title" },
        { "title", $"\"{new string('x', 121)}\"", "title" },
        { "reason", "null", "reason" },
        { "reason", $"\"{new string('x', 2001)}\"", "reason" },
        { "reason", "\"Bel Ans op 06-12345678\"", "reason" },
        { "areaCode", "\"XX999\"", "areaCode" },
        { "visibility", "\"geheim\"", "visibility" },
        { "patternIds", "[999999]", "patternIds" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Bad_focus_themes_are_refused_in_Dutch_and_store_nothing(string property, string rawJson, string errorField)
    {
        var body = JsonSerializer.SerializeToNode(new { areaCode = Area, title = "Thema", reason = "Omdat" }, JsonSerializerOptions.Web)!.AsObject();
        body[property] = JsonNode.Parse(rawJson);
        var before = await CountsAsync();
        var response = await Client.PostAsync("/api/focus", TestApps.Body(body.ToJsonString(), "application/json"), Ct);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.True(problem.Errors!.ContainsKey(errorField), string.Join(", ", problem.Errors.Keys));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Changing_needs_the_current_version_other_organisations_cannot_and_it_is_audited()
    {
        var professional = await App.CreateClientAsAsync(Roles.Professional);
        var police = await App.CreateClientAsAsync(Roles.Professional, TestAccounts.Police);
        var reader = await App.CreateClientAsAsync(Roles.Reader);
        var (pattern, story, _) = await BasisAsync(Area, "BU04000302", Places.NieuwDenHelderCentrum);
        var focus = await (await professional.PostAsJsonAsync("/api/focus", new { areaCode = Area, title = "Jongeren", reason = "Geen plek", patternIds = new[] { pattern } }, Ct))
            .ReadOkAsync<FocusShape>(HttpStatusCode.Created);

        async Task<HttpResponseMessage> Put(HttpClient client, string? etag, object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/focus/{focus.Id}") { Content = JsonContent.Create(body) };
            if (etag is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            return await client.SendAsync(request, Ct);
        }
        await (await Put(professional, null, new { title = "Jongeren", reason = "Geen plek" })).AssertProblemAsync(HttpStatusCode.PreconditionRequired, "Versie ontbreekt");
        var updated = await (await Put(professional, "\"1\"", new { title = "Jongeren en ouders", reason = "Geen plek", storyIds = new[] { story } })).ReadOkAsync<FocusShape>();
        Assert.Equal(2, updated.Version);
        Assert.Empty(updated.PatternIds);
        Assert.Equal([story], updated.StoryIds);
        Assert.Equal(Area, updated.AreaCode);

        var before = await CountsAsync();
        var conflict = await Put(professional, "\"1\"", new { title = "Oud", reason = "Oud" });
        await conflict.AssertProblemAsync(HttpStatusCode.Conflict, "Tegelijk gewijzigd");
        await (await Put(professional, "\"2\"", new { title = "", reason = "Geen plek" })).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        await (await Put(police, "\"2\"", new { title = "Politie", reason = "Geen plek" })).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
        await (await police.DeleteAsync($"/api/focus/{focus.Id}", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
        await (await reader.PostAsJsonAsync("/api/focus", new { areaCode = Area, title = "Lezer", reason = "Omdat" }, Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
        await (await Anonymous.PostAsJsonAsync("/api/focus", new { areaCode = Area, title = "Anoniem", reason = "Omdat" }, Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized, "Niet ingelogd");
        Assert.Equal(before, await CountsAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await professional.DeleteAsync($"/api/focus/{focus.Id}", Ct)).StatusCode);
        var audit = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityType == "focusthema" && a.EntityId == focus.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        Assert.Equal(["aangemaakt", "gewijzigd", "verwijderd"], audit);
    }

    [Fact]
    public async Task The_page_form_adds_a_focus_theme_with_checked_links_and_shows_errors_without_storing()
    {
        var (pattern, story, observation) = await BasisAsync("WK040007", "BU04000701", Places.VliegveldDeKooy);
        var browser = NewBrowser(Roles.Professional);
        var form = await HtmlForm.LoadAsync(browser, "/focus/WK040007", "handler=Save");
        var before = await CountsAsync();
        var refused = Html.Text(await (await form.Set("Form.Title", "Iets").Set("Form.Reason", "").SubmitAsync(browser)).ReadPageAsync(HttpStatusCode.BadRequest));
        Assert.Contains("Schrijf op waarom het team dit thema kiest.", refused, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        var tag = TestApps.UniqueTag();
        var saved = await form.Set("Form.Title", $"Ontmoeten {tag}").Set("Form.Reason", "Mensen kennen elkaar niet.")
            .Set("Form.PatternIds", pattern.ToString()).Set("Form.StoryIds", story.ToString()).Set("Form.ObservationIds", observation.ToString()).SubmitAsync(browser);
        Assert.Equal("/focus/WK040007", saved.RedirectTarget());
        var focus = Assert.Single(await (await browser.GetAsync("/api/focus?area=WK040007", Ct)).ReadOkAsync<FocusShape[]>(), f => f.Title == $"Ontmoeten {tag}");
        Assert.Equal([pattern], focus.PatternIds);
        Assert.Equal([story], focus.StoryIds);
        Assert.Equal([observation], focus.ObservationIds);

        // The edit form comes back with the links checked.
        var edit = await HtmlForm.LoadAsync(browser, $"/focus/WK040007?bewerk={focus.Id}", "handler=Save");
        Assert.Equal([story.ToString()], edit.GetAll("Form.StoryIds"));
        Assert.Equal("1", edit.Get("Form.Version"));
    }
}
