using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Wijkbeeld.Tests.Features.Timeline;

public sealed class TimelineSqliteTests(SqliteApp app) : TimelineTests(app), IClassFixture<SqliteApp>;

public sealed class TimelinePostgresTests : TimelineTests, IClassFixture<PostgresApp>
{
    public TimelinePostgresTests(PostgresApp app) : base(app) => PostgresGate.Require();
}

public sealed record MomentShape(int Id, string Date, string Title, string Description, string Kind, string Tone, string Source, string[] Themes, string Visibility, int Version);

public sealed record PatternShape(int Id, string Text, int[] MomentIds);

public sealed record TimelineShape(string AreaCode, string AreaName, MomentShape[] Moments, PatternShape[] Patterns, string[] Sources, string[] Themes);

/// <summary>Step 3 of WerkwijzerPlus: the timeline (behangrol) per area with moments and patterns.</summary>
public abstract class TimelineTests(SharedApp shared) : AppTests(shared)
{
    static object Moment(string date, string title, string tone = "negatief", string source = "wijkagent", string[]? themes = null, string visibility = "partners") =>
        new { date, title, description = "", kind = "incident", tone, source, themes = themes ?? ["veiligheid"], visibility };

    Task<(int Moments, int Patterns, int Audit)> CountsAsync() => App.WithDbAsync(async db =>
        (await db.TimelineMoments.IgnoreQueryFilters().CountAsync(Ct), await db.TimelinePatterns.IgnoreQueryFilters().CountAsync(Ct),
         await db.AuditLog.CountAsync(a => a.EntityType == "tijdlijnmoment" || a.EntityType == "patroon", Ct)));

    static async Task<MomentShape> AddAsync(HttpClient client, string area, object body) =>
        await (await client.PostAsJsonAsync($"/api/timeline/{area}/moments", body, Ct)).ReadOkAsync<MomentShape>(HttpStatusCode.Created);

    [Fact]
    public async Task Moments_come_back_in_date_order_and_filter_by_theme_and_source()
    {
        const string area = "BU04000302";
        var tag = TestApps.UniqueTag();
        var late = await AddAsync(Client, area, Moment("2021-03-01", "Brand in de flat " + tag));
        var early = await AddAsync(Client, area, Moment("2015-06-12", "Buurtfeest " + tag, tone: "positief", source: "bewoner inloopavond", themes: ["ontmoeting"]));
        Assert.Equal("positief", early.Tone);
        Assert.Equal(1, early.Version);

        var timeline = await (await Anonymous.GetAsync($"/api/timeline/{area}", Ct)).ReadOkAsync<TimelineShape>();
        Assert.DoesNotContain(timeline.Moments, m => m.Title.EndsWith(tag, StringComparison.Ordinal)); // partners only
        timeline = await (await Client.GetAsync($"/api/timeline/{area}", Ct)).ReadOkAsync<TimelineShape>();
        var mine = timeline.Moments.Where(m => m.Title.EndsWith(tag, StringComparison.Ordinal)).Select(m => m.Id).ToList();
        Assert.Equal([early.Id, late.Id], mine);
        Assert.Contains("bewoner inloopavond", timeline.Sources);
        Assert.Contains("ontmoeting", timeline.Themes);

        var byTheme = await (await Client.GetAsync($"/api/timeline/{area}?theme=ontmoeting", Ct)).ReadOkAsync<TimelineShape>();
        Assert.Contains(byTheme.Moments, m => m.Id == early.Id);
        Assert.DoesNotContain(byTheme.Moments, m => m.Id == late.Id);
        var bySource = await (await Client.GetAsync($"/api/timeline/{area}?source=Wijkagent", Ct)).ReadOkAsync<TimelineShape>();
        Assert.Contains(bySource.Moments, m => m.Id == late.Id);
        Assert.DoesNotContain(bySource.Moments, m => m.Id == early.Id);

        await (await Client.GetAsync("/api/timeline/XX999", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "Niet gevonden");
    }

    [Fact]
    public async Task A_pattern_rests_on_moments_of_its_own_timeline()
    {
        var a = await AddAsync(Client, "WK040003", Moment("2018-01-01", "Overlast bij het winkelcentrum"));
        var b = await AddAsync(Client, "WK040003", Moment("2019-01-01", "Weer overlast bij het winkelcentrum"));
        var other = await AddAsync(Client, "WK040008", Moment("2019-01-01", "Elders"));
        var pattern = await (await Client.PostAsJsonAsync("/api/timeline/WK040003/patterns", new { text = "Elke winter overlast", momentIds = new[] { a.Id, b.Id } }, Ct))
            .ReadOkAsync<PatternShape>(HttpStatusCode.Created);
        Assert.Equal([a.Id, b.Id], pattern.MomentIds);
        var timeline = await (await Client.GetAsync("/api/timeline/WK040003", Ct)).ReadOkAsync<TimelineShape>();
        Assert.Contains(timeline.Patterns, p => p.Id == pattern.Id && p.Text == "Elke winter overlast");

        var before = await CountsAsync();
        foreach (var body in new object[]
        {
            new { text = "Iets", momentIds = new[] { other.Id } },
            new { text = "Iets", momentIds = Array.Empty<int>() },
            new { text = " ", momentIds = new[] { a.Id } },
        })
        {
            await (await Client.PostAsJsonAsync("/api/timeline/WK040003/patterns", body, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        }
        Assert.Equal(before, await CountsAsync());

        // Deleting a moment takes it out of the pattern.
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/timeline/moments/{b.Id}", Ct)).StatusCode);
        timeline = await (await Client.GetAsync("/api/timeline/WK040003", Ct)).ReadOkAsync<TimelineShape>();
        Assert.Equal([a.Id], timeline.Patterns.Single(p => p.Id == pattern.Id).MomentIds);
    }

    public static TheoryData<string, string, string> BadFields => new()
    {
        { "date", "null", "date" },
        { "date", "\"1 mei\"", "date" },
        { "date", "\"1850-01-01\"", "date" },
        { "title", "\"  \"", "title" },
        { "title", $"\"{new string('x', 121)}\"", "title" },
        { "kind", "\"feest\"", "kind" },
        { "tone", "\"neutraal\"", "tone" },
        { "tone", "null", "tone" },
        { "source", "null", "source" },
        { "themes", "[\"bestaat-niet\"]", "themes" },
        { "themes", "[\"jeugd\",\"wonen\",\"zorg-welzijn\",\"ouderen\",\"energie\",\"cultuur\"]", "themes" },
        { "visibility", "\"geheim\"", "visibility" },
        { "description", $"\"{new string('x', 1001)}\"", "description" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Bad_moments_are_refused_in_Dutch_and_store_nothing(string property, string rawJson, string errorField)
    {
        var body = JsonSerializer.SerializeToNode(Moment("2020-01-01", "Goed moment"), JsonSerializerOptions.Web)!.AsObject();
        body[property] = JsonNode.Parse(rawJson);
        var before = await CountsAsync();
        var response = await Client.PostAsync("/api/timeline/WK040001/moments", TestApps.Body(body.ToJsonString(), "application/json"), Ct);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.True(problem.Errors!.ContainsKey(errorField), string.Join(", ", problem.Errors.Keys));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Editing_a_moment_needs_the_current_version_and_is_audited()
    {
        var moment = await AddAsync(Client, "WK040001", Moment("2020-02-02", "Nieuwe speeltuin", tone: "positief"));
        async Task<HttpResponseMessage> Put(string? etag, object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/timeline/moments/{moment.Id}") { Content = JsonContent.Create(body) };
            if (etag is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            return await Client.SendAsync(request, Ct);
        }
        var changed = Moment("2020-02-03", "Nieuwe speeltuin geopend", tone: "positief");
        await (await Put(null, changed)).AssertProblemAsync(HttpStatusCode.PreconditionRequired, "Versie ontbreekt");
        var updated = await (await Put("\"1\"", changed)).ReadOkAsync<MomentShape>();
        Assert.Equal(2, updated.Version);
        Assert.Equal("2020-02-03", updated.Date);
        var before = await CountsAsync();
        await (await Put("\"1\"", Moment("2020-02-04", "Oud"))).AssertProblemAsync(HttpStatusCode.Conflict, "Tegelijk gewijzigd");
        await (await Put("\"2\"", Moment("2020-02-04", ""))).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.Equal(before, await CountsAsync());
        var audit = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityType == "tijdlijnmoment" && a.EntityId == moment.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        Assert.Equal(["aangemaakt", "gewijzigd"], audit);
    }

    [Fact]
    public async Task Other_organisations_see_partner_moments_but_cannot_change_them_and_readers_cannot_add()
    {
        var professional = await App.CreateClientAsAsync(Roles.Professional);
        var police = await App.CreateClientAsAsync(Roles.Professional, TestAccounts.Police);
        var reader = await App.CreateClientAsAsync(Roles.Reader);
        var own = await AddAsync(professional, "WK040001", Moment("2017-07-07", "Alleen eigen", visibility: "organisatie"));
        var shared = await AddAsync(professional, "WK040001", Moment("2017-07-08", "Gedeeld"));
        var policeView = await (await police.GetAsync("/api/timeline/WK040001", Ct)).ReadOkAsync<TimelineShape>();
        Assert.Contains(policeView.Moments, m => m.Id == shared.Id);
        Assert.DoesNotContain(policeView.Moments, m => m.Id == own.Id);

        var before = await CountsAsync();
        await (await police.DeleteAsync($"/api/timeline/moments/{shared.Id}", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
        await (await police.DeleteAsync($"/api/timeline/moments/{own.Id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "Niet gevonden");
        await (await reader.PostAsJsonAsync("/api/timeline/WK040001/moments", Moment("2017-07-09", "Lezer"), Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
        await (await Anonymous.PostAsJsonAsync("/api/timeline/WK040001/moments", Moment("2017-07-09", "Anoniem"), Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized, "Niet ingelogd");
        await (await Client.PostAsJsonAsync("/api/timeline/XX999/moments", Moment("2017-07-09", "Nergens"), Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "Niet gevonden");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_wall_page_puts_positives_above_and_negatives_below_and_lists_all_in_order()
    {
        var tag = TestApps.UniqueTag();
        var negative = await AddAsync(Client, "BU04000805", Moment("2016-01-01", "Inbraken " + tag));
        var positive = await AddAsync(Client, "BU04000805", Moment("2014-01-01", "Nieuw buurthuis " + tag, tone: "positief"));
        var html = await Client.GetPageAsync("/tijdlijn/BU04000805?zoom=maanden");
        var above = html.IndexOf("wall-above", StringComparison.Ordinal);
        var line = html.IndexOf("wall-line", StringComparison.Ordinal);
        var below = html.IndexOf("wall-below", StringComparison.Ordinal);
        var positiveCard = html.IndexOf($"id=\"wall-moment-{positive.Id}\"", StringComparison.Ordinal);
        var negativeCard = html.IndexOf($"id=\"wall-moment-{negative.Id}\"", StringComparison.Ordinal);
        Assert.InRange(positiveCard, above, line);
        Assert.True(negativeCard > below);
        Assert.True(html.IndexOf($"id=\"moment-{positive.Id}\"", StringComparison.Ordinal) < html.IndexOf($"id=\"moment-{negative.Id}\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/tijdlijn/XX999", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_page_form_adds_a_moment_and_shows_errors_without_storing()
    {
        var browser = NewBrowser(Roles.Professional);
        var html = await browser.GetPageAsync("/tijdlijn/WK040007");
        var form = HtmlForm.Parse(html, "/tijdlijn/WK040007", "handler=Moment");
        var before = await CountsAsync();
        var refused = Html.Text(await (await form.Set("Moment.Title", "").SubmitAsync(browser)).ReadPageAsync(HttpStatusCode.BadRequest));
        Assert.Contains("Schrijf kort wat er gebeurde.", refused, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        var saved = await form.Set("Moment.Title", "Skatebaan geopend").Set("Moment.Date", "2022-05-05").Set("Moment.Tone", "positief")
            .Set("Moment.Source", "jongerenwerk").Set("Moment.Kind", "project").SubmitAsync(browser);
        Assert.StartsWith("/tijdlijn/WK040007", saved.RedirectTarget(), StringComparison.Ordinal);
        var timeline = await (await browser.GetAsync("/api/timeline/WK040007", Ct)).ReadOkAsync<TimelineShape>();
        Assert.Contains(timeline.Moments, m => m.Title == "Skatebaan geopend" && m.Tone == "positief" && m.Kind == "project");
    }
}
