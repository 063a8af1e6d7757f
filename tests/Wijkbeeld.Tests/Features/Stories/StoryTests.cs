using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Wijkbeeld.Tests.Features.Stories;

public sealed class StorySqliteTests(SqliteApp app) : StoryTests(app), IClassFixture<SqliteApp>;

public sealed class StoryPostgresTests : StoryTests, IClassFixture<PostgresApp>
{
    public StoryPostgresTests(PostgresApp app) : base(app) => PostgresGate.Require();
}

public sealed record StoryShape(int Id, string Text, string Source, string[] Themes, string Area, string AreaName, string Date,
    double? Latitude, double? Longitude, string Visibility, string Status, int Version);

public sealed record CountShape(string Code, string Name, int Count);

public sealed record StoryCountsShape(int Total, CountShape[] Themes, CountShape[] Sources);

public sealed record PendingStoryShape(int Id, string Text, string Source, string Area, int Version);

public sealed record StoryReceiptShape(int Id, string Message);

/// <summary>Step 2 of WerkwijzerPlus: stories from the neighbourhood, told to professionals or by residents themselves.</summary>
public abstract class StoryTests(SharedApp shared) : AppTests(shared)
{
    HttpClient? coordinator;

    HttpClient Coordinator => coordinator ??= App.CreateClientAs(Roles.Coordinator);

    static object Story(string text, string area = "BU04000302", string source = "bewoner", string[]? themes = null, string visibility = "partners",
        string? date = "2026-11-20") =>
        new { text, area, source, themes = themes ?? ["jeugd"], visibility, date };

    Task<(int Stories, int Audit)> CountsAsync() => App.WithDbAsync(async db =>
        (await db.Stories.IgnoreQueryFilters().CountAsync(Ct), await db.AuditLog.CountAsync(a => a.EntityType == "verhaal", Ct)));

    static async Task<StoryShape> AddAsync(HttpClient client, object body) =>
        await (await client.PostAsJsonAsync("/api/stories", body, Ct)).ReadOkAsync<StoryShape>(HttpStatusCode.Created);

    [Fact]
    public async Task Stories_filter_by_area_theme_source_and_search_and_are_counted()
    {
        var tag = TestApps.UniqueTag();
        var youth = await AddAsync(Client, Story($"De jongeren hangen bij het plein {tag}", source: "jongere", themes: ["jeugd", "veiligheid"]));
        var shop = await AddAsync(Client, Story($"Mijn klanten durven 's avonds niet meer {tag}", area: "WK040003", source: "ondernemer", themes: ["veiligheid"],
            date: "2026-11-25"));
        var elsewhere = await AddAsync(Client, Story($"Het park is mooi opgeknapt {tag}", area: "BU04000805", source: "bewoner", themes: ["groen-openbare-ruimte"]));
        Assert.Equal("Nieuw Den Helder-Centrum", youth.AreaName);
        Assert.Equal(1, youth.Version);

        async Task<int[]> Ids(string query) =>
            (await (await Client.GetAsync("/api/stories?" + query, Ct)).ReadOkAsync<StoryShape[]>()).Where(s => s.Text.EndsWith(tag, StringComparison.Ordinal)).Select(s => s.Id).ToArray();

        // A wijk includes its buurten; newest first.
        Assert.Equal([shop.Id, youth.Id], await Ids($"area=WK040003&q={tag}"));
        Assert.Equal([youth.Id], await Ids($"area=BU04000302&q={tag}"));
        Assert.Equal([shop.Id, youth.Id], await Ids($"theme=veiligheid&q={tag}"));
        Assert.Equal([elsewhere.Id], await Ids($"source=bewoner&q={tag}"));
        // Search ignores case.
        Assert.Equal([youth.Id], await Ids($"q=JONGEREN%20hangen%20bij%20het%20plein%20{tag}"));

        var counts = await (await Client.GetAsync($"/api/stories/counts?q={tag}", Ct)).ReadOkAsync<StoryCountsShape>();
        Assert.Equal(3, counts.Total);
        Assert.Equal(2, counts.Themes.Single(t => t.Code == "veiligheid").Count);
        Assert.Equal("Veiligheid", counts.Themes.Single(t => t.Code == "veiligheid").Name);
        Assert.Equal(1, counts.Themes.Single(t => t.Code == "jeugd").Count);
        Assert.Equal(1, counts.Sources.Single(s => s.Code == "jongere").Count);
        Assert.Equal("Ondernemer", counts.Sources.Single(s => s.Code == "ondernemer").Name);

        // The list page shows the same counts, and the reading view the stories as quotes, newest first.
        var page = await Client.GetPageAsync($"/verhalen?q={tag}&theme=veiligheid");
        Assert.Contains("2 verhalen", Html.Text(page), StringComparison.Ordinal);
        var reading = await Client.GetPageAsync("/verhalen/gebied/WK040003");
        Assert.True(reading.IndexOf($"id=\"story-{shop.Id}\"", StringComparison.Ordinal) < reading.IndexOf($"id=\"story-{youth.Id}\"", StringComparison.Ordinal));
        Assert.DoesNotContain($"id=\"story-{elsewhere.Id}\"", reading, StringComparison.Ordinal);

        var csv = await (await Client.GetAsync($"/api/stories.csv?q={tag}", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("id,datum,bron,themas,gebied", csv, StringComparison.Ordinal);
        Assert.Contains("jeugd;veiligheid", csv, StringComparison.Ordinal);

        await (await Client.GetAsync("/api/stories?theme=bestaat-niet", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        await (await Client.GetAsync("/api/stories?area=XX999", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/verhalen/gebied/XX999", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_residents_story_stays_hidden_until_a_moderator_approves_it()
    {
        var tag = TestApps.UniqueTag();
        var response = await Anonymous.PostAsJsonAsync("/api/stories/submissions", new { text = $"Sinds de nieuwe bankjes praten we meer met elkaar {tag}", source = "bewoner", area = "BU04000101", themes = new[] { "ontmoeting" } }, Ct);
        var receipt = await response.ReadOkAsync<StoryReceiptShape>(HttpStatusCode.Accepted);

        Assert.Empty((await (await Client.GetAsync($"/api/stories?q={tag}", Ct)).ReadOkAsync<StoryShape[]>()));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/stories/{receipt.Id}", Ct)).StatusCode);
        Assert.DoesNotContain(tag, await Anonymous.GetPageAsync("/verhalen/gebied/BU04000101"), StringComparison.Ordinal);
        var pending = Assert.Single(await (await Coordinator.GetAsync("/api/stories/moderation", Ct)).ReadOkAsync<PendingStoryShape[]>(), p => p.Id == receipt.Id);
        Assert.Equal("BU04000101", pending.Area);

        var decide = new HttpRequestMessage(HttpMethod.Post, $"/api/stories/{receipt.Id}/moderation") { Content = JsonContent.Create(new { decision = "goedkeuren" }) };
        decide.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.NoContent, (await Coordinator.SendAsync(decide, Ct)).StatusCode);

        var story = Assert.Single(await (await Anonymous.GetAsync($"/api/stories?q={tag}", Ct)).ReadOkAsync<StoryShape[]>());
        Assert.Equal("openbaar", story.Visibility);
        Assert.Contains(tag, await Anonymous.GetPageAsync("/verhalen/gebied/BU04000101"), StringComparison.Ordinal);
        Assert.Contains(tag, await Anonymous.GetPageAsync("/profiel/BU04000101"), StringComparison.Ordinal);
        Assert.DoesNotContain(await (await Coordinator.GetAsync("/api/stories/moderation", Ct)).ReadOkAsync<PendingStoryShape[]>(), p => p.Id == receipt.Id);
        var audit = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityType == "verhaal" && a.EntityId == receipt.Id.ToString()).Select(a => a.UserName).ToListAsync(Ct));
        Assert.Contains("Test coordinator", audit);

        // A rejected story is never shown.
        var second = await (await Anonymous.PostAsJsonAsync("/api/stories/submissions", new { text = $"Reclame {tag}x", source = "anders", area = "BU04000101" }, Ct))
            .ReadOkAsync<StoryReceiptShape>(HttpStatusCode.Accepted);
        var reject = new HttpRequestMessage(HttpMethod.Post, $"/api/stories/{second.Id}/moderation") { Content = JsonContent.Create(new { decision = "afwijzen", reason = "Reclame" }) };
        reject.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.NoContent, (await Coordinator.SendAsync(reject, Ct)).StatusCode);
        Assert.DoesNotContain(await (await Client.GetAsync($"/api/stories?q={tag}x", Ct)).ReadOkAsync<StoryShape[]>(), s => s.Id == second.Id);
    }

    [Fact]
    public async Task The_public_form_refuses_a_phone_number_and_the_moderator_page_approves()
    {
        var tag = TestApps.UniqueTag();
        var resident = NewBrowser(role: null);
        var form = await HtmlForm.LoadAsync(resident, "/verhalen/vertel");
        var before = await CountsAsync();
        var refused = Html.Text(await (await form.Set("Form.Text", "Bel me op 06-12345678").Set("Form.Source", "bewoner").Set("Form.Area", "BU04000101")
            .SubmitAsync(resident)).ReadPageAsync(HttpStatusCode.BadRequest));
        Assert.Contains("een verhaal is anoniem", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Ik weet dit zeker", refused, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());

        var thanks = Html.Text(await (await form.Set("Form.Text", $"Op woensdag is het druk in de speeltuin {tag}").SubmitAsync(resident)).ReadPageAsync());
        Assert.Contains("Bedankt voor uw verhaal", thanks, StringComparison.Ordinal);

        var moderator = NewBrowser(Roles.Coordinator);
        var queue = await moderator.GetPageAsync("/verhalen/moderatie");
        var id = await App.WithDbAsync(db => db.Stories.IgnoreQueryFilters().Where(s => s.Text.Contains(tag)).Select(s => s.Id).SingleAsync(Ct));
        var actions = queue[queue.IndexOf($"id=\"pending-story-{id}\"", StringComparison.Ordinal)..];
        actions = actions[actions.IndexOf("class=\"moderation-actions\"", StringComparison.Ordinal)..];
        var approve = HtmlForm.Parse(actions, "/verhalen/moderatie", "handler=Approve");
        Assert.Equal(HttpStatusCode.Redirect, (await approve.SubmitAsync(moderator)).StatusCode);
        Assert.Contains(tag, await Anonymous.GetPageAsync("/verhalen/gebied/WK040001"), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadFields => new()
    {
        { "text", "\"  \"", "text" },
        { "text", $"\"{new string('x', 2001)}\"", "text" },
        { "text", "\"Mail naar piet@example.nl\"", "text" },
        { "source", "\"buurman\"", "source" },
        { "source", "null", "source" },
        { "themes", "[\"bestaat-niet\"]", "themes" },
        { "themes", "[\"jeugd\",\"wonen\",\"zorg-welzijn\",\"ouderen\",\"energie\",\"cultuur\"]", "themes" },
        { "area", "\"XX999\"", "area" },
        { "area", "\"GM0400\"", "area" },
        { "area", "null", "area" },
        { "date", "\"20 november\"", "date" },
        { "date", "\"2099-01-01\"", "date" },
        { "visibility", "\"geheim\"", "visibility" },
        { "latitude", "52.88", "location" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Bad_stories_are_refused_in_Dutch_and_store_nothing(string property, string rawJson, string errorField)
    {
        var body = JsonSerializer.SerializeToNode(Story("Een goed verhaal"), JsonSerializerOptions.Web)!.AsObject();
        body[property] = JsonNode.Parse(rawJson);
        var before = await CountsAsync();
        var response = await Client.PostAsync("/api/stories", TestApps.Body(body.ToJsonString(), "application/json"), Ct);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.True(problem.Errors!.ContainsKey(errorField), string.Join(", ", problem.Errors.Keys));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_place_must_lie_in_the_area_and_a_professional_may_confirm_personal_data()
    {
        var before = await CountsAsync();
        var outside = new { text = "Op de hoek", source = "bewoner", area = "BU04000302", latitude = Places.Middelzand.Latitude, longitude = Places.Middelzand.Longitude };
        var problem = await (await Client.PostAsJsonAsync("/api/stories", outside, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.Contains("location", problem.Errors!.Keys);
        Assert.Equal(before, await CountsAsync());

        // Without an area, the place decides the buurt.
        var placed = await AddAsync(Client, new { text = "Op de hoek", source = "bewoner", latitude = Places.Middelzand.Latitude, longitude = Places.Middelzand.Longitude });
        Assert.Equal("BU04000805", placed.Area);

        var flagged = new { text = "Bel de wijkagent op 06-12345678", source = "professional", area = "WK040001" };
        problem = await (await Client.PostAsJsonAsync("/api/stories", flagged, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.Contains("confirmPersonalData", problem.Errors!.Keys);
        await AddAsync(Client, new { text = "Bel de wijkagent op 06-12345678", source = "professional", area = "WK040001", confirmPersonalData = true });
    }

    [Fact]
    public async Task Editing_needs_the_current_version_and_other_organisations_see_partner_stories_only()
    {
        var professional = await App.CreateClientAsAsync(Roles.Professional);
        var police = await App.CreateClientAsAsync(Roles.Professional, TestAccounts.Police);
        var reader = await App.CreateClientAsAsync(Roles.Reader);
        var own = await AddAsync(professional, Story("Alleen voor ons", visibility: "organisatie"));
        var shared = await AddAsync(professional, Story("Voor alle partners"));

        async Task<HttpResponseMessage> Put(HttpClient client, int id, string? etag, object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/stories/{id}") { Content = JsonContent.Create(body) };
            if (etag is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            return await client.SendAsync(request, Ct);
        }
        await (await Put(professional, shared.Id, null, Story("Gewijzigd"))).AssertProblemAsync(HttpStatusCode.PreconditionRequired, "Versie ontbreekt");
        var updated = await (await Put(professional, shared.Id, "\"1\"", Story("Gewijzigd", source: "ouder"))).ReadOkAsync<StoryShape>();
        Assert.Equal(2, updated.Version);
        Assert.Equal("ouder", updated.Source);
        var before = await CountsAsync();
        var conflict = await Put(professional, shared.Id, "\"1\"", Story("Te laat"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var current = JsonNode.Parse(await conflict.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("Tegelijk gewijzigd", (string?)current["title"]);
        Assert.Equal(2, (int?)current["current"]?["version"]);
        await (await Put(professional, shared.Id, "\"2\"", Story(""))).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        await (await Put(police, shared.Id, "\"2\"", Story("Van de politie"))).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
        await (await police.DeleteAsync($"/api/stories/{own.Id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "Niet gevonden");
        await (await reader.PostAsJsonAsync("/api/stories", Story("Lezer"), Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
        await (await Anonymous.PostAsJsonAsync("/api/stories", Story("Anoniem"), Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized, "Niet ingelogd");
        Assert.Equal(before, await CountsAsync());

        var policeView = await (await police.GetAsync("/api/stories?area=BU04000302", Ct)).ReadOkAsync<StoryShape[]>();
        Assert.Contains(policeView, s => s.Id == shared.Id);
        Assert.DoesNotContain(policeView, s => s.Id == own.Id);
        Assert.DoesNotContain(await (await Anonymous.GetAsync("/api/stories?area=BU04000302", Ct)).ReadOkAsync<StoryShape[]>(), s => s.Id == shared.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await professional.DeleteAsync($"/api/stories/{own.Id}", Ct)).StatusCode);
        var audit = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityType == "verhaal" && (a.EntityId == own.Id.ToString() || a.EntityId == shared.Id.ToString()))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        Assert.Equal(["aangemaakt", "aangemaakt", "gewijzigd", "verwijderd"], audit);
    }

    [Fact]
    public async Task The_professional_form_adds_a_story_and_shows_errors_without_storing()
    {
        var browser = NewBrowser(Roles.Professional);
        var form = await HtmlForm.LoadAsync(browser, "/verhalen/nieuw?area=WK040007");
        var before = await CountsAsync();
        var refused = Html.Text(await (await form.Set("Form.Text", "").Set("Form.Area", "WK040007").SubmitAsync(browser)).ReadPageAsync(HttpStatusCode.BadRequest));
        Assert.Contains("Schrijf het verhaal op.", refused, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        var tag = TestApps.UniqueTag();
        var saved = await form.Set("Form.Text", $"De ondernemers willen samen iets doen {tag}").Set("Form.Source", "ondernemer").Set("Form.Themes", "werk-inkomen")
            .SubmitAsync(browser);
        Assert.Equal("/verhalen/gebied/WK040007", saved.RedirectTarget());
        var story = Assert.Single(await (await browser.GetAsync($"/api/stories?q={tag}", Ct)).ReadOkAsync<StoryShape[]>());
        Assert.Equal(["werk-inkomen"], story.Themes);
        Assert.Equal("WK040007", story.Area);
    }
}

/// <summary>Too many stories from one address get a clear Dutch answer and store nothing.</summary>
public sealed class StoryRateLimitTests
{
    [Fact]
    public async Task The_third_story_within_the_window_is_refused()
    {
        using var app = new WijkbeeldApp(extraSettings: new Dictionary<string, string?> { ["RateLimits:Contributions"] = "2" });
        var client = app.CreateClient();
        object Body(int n) => new { text = $"Verhaal {n}", source = "bewoner", area = "BU04000101" };
        for (var n = 1; n <= 2; n++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/stories/submissions", Body(n), TestApps.Ct)).StatusCode);
        }
        var before = await app.WithDbAsync(db => db.Stories.IgnoreQueryFilters().CountAsync(TestApps.Ct));
        var response = await client.PostAsJsonAsync("/api/stories/submissions", Body(3), TestApps.Ct);
        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, "Te veel verzoeken");
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(before, await app.WithDbAsync(db => db.Stories.IgnoreQueryFilters().CountAsync(TestApps.Ct)));
    }
}
