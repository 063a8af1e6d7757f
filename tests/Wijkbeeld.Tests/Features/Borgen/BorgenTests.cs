using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Tests.Features.Experiments;
using Wijkbeeld.Tests.Features.VisibleActions;

namespace Wijkbeeld.Tests.Features.Borgen;

public sealed class BorgenSqliteTests(SqliteApp app) : BorgenTests(app), IClassFixture<SqliteApp>;

public sealed class BorgenPostgresTests : BorgenTests, IClassFixture<PostgresApp>
{
    public BorgenPostgresTests(PostgresApp app) : base(app) => PostgresGate.Require();
}

public sealed record SafeguardShape(int Id, string AreaCode, int? ExperimentId, int? ActionId, string Title, string OwnerOrganisation, string OwnerPerson,
    string BudgetLine, string ReviewMeeting, string NextReviewOn, bool Overdue, int Version);

/// <summary>Step 6 of WerkwijzerPlus: who owns a success from now on, the overdue flag, and the overview per area.</summary>
public abstract class BorgenTests(SharedApp shared) : AppTests(shared)
{
    static string Day(int offset) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    Task<int> RowsAsync() => App.WithDbAsync(db => db.Safeguards.IgnoreQueryFilters().CountAsync(Ct));

    async Task<ExperimentShape> ExperimentAsync(string title, string decision)
    {
        var experiment = await (await Client.PostAsJsonAsync("/api/experiments", new
        {
            areaCode = "WK040001", title, hypothesis = "Als we een buurttafel neerzetten, dan praten buren meer met elkaar.", place = "Plein",
            startsOn = "2026-09-01", endsOn = "2026-10-31", stopCriterion = "Geen gebruik", removalPlan = "Tafel weghalen",
        }, Ct)).ReadOkAsync<ExperimentShape>(HttpStatusCode.Created);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/experiments/{experiment.Id}/evaluation") { Content = JsonContent.Create(new { evaluation = "Goed", decision }) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        return await (await Client.SendAsync(request, Ct)).ReadOkAsync<ExperimentShape>();
    }

    object Safeguard(int? experimentId = null, int? actionId = null, string? next = null, string? areaCode = null) => new
    {
        experimentId, actionId, areaCode, ownerOrganisation = "Gemeente Den Helder, team Wijken", ownerPerson = "Wijkregisseur Willemsoord",
        budgetLine = "Leefbaarheid 2027", reviewMeeting = "Wijkoverleg Willemsoord", nextReviewOn = next ?? Day(60),
    };

    [Fact]
    public async Task An_experiment_decided_borgen_is_pending_until_someone_owns_it_then_it_is_secured()
    {
        var tag = TestApps.UniqueTag();
        var experiment = await ExperimentAsync($"Buurttafel {tag}", "borgen");
        var overview = Html.Text(await Client.GetPageAsync("/borgen/WK040001"));
        var pending = overview[overview.IndexOf("Hangt nog af van het projectteam", StringComparison.Ordinal)..];
        Assert.Contains($"Buurttafel {tag}", pending[..pending.IndexOf("Succes borgen", StringComparison.Ordinal)], StringComparison.Ordinal);

        var saved = await (await Client.PostAsJsonAsync("/api/safeguards", Safeguard(experimentId: experiment.Id), Ct)).ReadOkAsync<SafeguardShape>(HttpStatusCode.Created);
        Assert.Equal(("WK040001", $"Buurttafel {tag}", false), (saved.AreaCode, saved.Title, saved.Overdue));
        Assert.Contains(await (await Client.GetAsync("/api/safeguards?area=WK040001", Ct)).ReadOkAsync<SafeguardShape[]>(), g => g.Id == saved.Id);
        Assert.DoesNotContain(await (await Client.GetAsync("/api/safeguards?area=WK040003", Ct)).ReadOkAsync<SafeguardShape[]>(), g => g.Id == saved.Id);

        overview = Html.Text(await Client.GetPageAsync("/borgen/WK040001"));
        var secured = overview[overview.IndexOf("Geborgd", StringComparison.Ordinal)..overview.IndexOf("Hangt nog af van het projectteam", StringComparison.Ordinal)];
        Assert.Contains($"Buurttafel {tag}", secured, StringComparison.Ordinal);
        Assert.Contains("Wijkoverleg Willemsoord", secured, StringComparison.Ordinal);
        pending = overview[overview.IndexOf("Hangt nog af van het projectteam", StringComparison.Ordinal)..];
        Assert.DoesNotContain($"Buurttafel {tag}", pending[..pending.IndexOf("Succes borgen", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_successes_are_secured_and_bad_input_stores_nothing()
    {
        var stopped = await ExperimentAsync("Gestopt " + TestApps.UniqueTag(), "stoppen");
        var planned = await (await Client.PostAsJsonAsync("/api/visible-actions", VisibleActionTests.NewAction("Nog niet gedaan"), Ct)).ReadOkAsync<ActionShape>(HttpStatusCode.Created);
        var before = await RowsAsync();
        foreach (var (body, field) in new (object, string)[]
        {
            (Safeguard(experimentId: stopped.Id), "experimentId"),
            (Safeguard(actionId: planned.Id), "actionId"),
            (Safeguard(experimentId: 999999), "experimentId"),
            (Safeguard(areaCode: "XX"), "areaCode"),
            (Safeguard(areaCode: "WK040001", next: "volgende week"), "nextReviewOn"),
            (new { areaCode = "WK040001", title = "Iets", nextReviewOn = Day(10) }, "ownerOrganisation"),
        })
        {
            var problem = await (await Client.PostAsJsonAsync("/api/safeguards", body, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
            Assert.True(problem.Errors!.ContainsKey(field), string.Join(", ", problem.Errors.Keys));
        }
        var reader = await App.CreateClientAsAsync(Roles.Reader);
        await (await reader.PostAsJsonAsync("/api/safeguards", Safeguard(areaCode: "WK040001"), Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task A_review_date_that_passed_is_overdue_until_the_next_date_is_recorded()
    {
        var action = await (await Client.PostAsJsonAsync("/api/visible-actions", VisibleActionTests.NewAction("Gedaan " + TestApps.UniqueTag(), status: "gedaan"), Ct))
            .ReadOkAsync<ActionShape>(HttpStatusCode.Created);
        var saved = await (await Client.PostAsJsonAsync("/api/safeguards", Safeguard(actionId: action.Id, next: Day(-3)), Ct)).ReadOkAsync<SafeguardShape>(HttpStatusCode.Created);
        Assert.True(saved.Overdue);
        Assert.Equal("BU04000101", saved.AreaCode);
        var page = Html.Text(await Client.GetPageAsync("/borgen/BU04000101"));
        Assert.Contains("Achterstallig", page, StringComparison.Ordinal);
        Assert.Matches(@"[1-9]\d* achterstallig", Html.Text(await Client.GetPageAsync("/werkwijzer/BU04000101")));

        async Task<HttpResponseMessage> Put(string etag, object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/safeguards/{saved.Id}") { Content = JsonContent.Create(body) };
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            return await Client.SendAsync(request, Ct);
        }
        var updated = await (await Put("\"1\"", Safeguard(actionId: action.Id, next: Day(90)))).ReadOkAsync<SafeguardShape>();
        Assert.False(updated.Overdue);
        await (await Put("\"1\"", Safeguard(actionId: action.Id, next: Day(-1)))).AssertProblemAsync(HttpStatusCode.Conflict, "Tegelijk gewijzigd");
        var stored = await (await Client.GetAsync($"/api/safeguards/{saved.Id}", Ct)).ReadOkAsync<SafeguardShape>();
        Assert.Equal((Day(90), false, 2), (stored.NextReviewOn, stored.Overdue, stored.Version));
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/safeguards/{saved.Id}", Ct)).StatusCode);
    }
}
