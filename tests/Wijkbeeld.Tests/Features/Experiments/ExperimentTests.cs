using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Wijkbeeld.Tests.Features.Experiments;

public sealed class ExperimentSqliteTests(SqliteApp app) : ExperimentTests(app), IClassFixture<SqliteApp>;

public sealed class ExperimentPostgresTests : ExperimentTests, IClassFixture<PostgresApp>
{
    public ExperimentPostgresTests(PostgresApp app) : base(app) => PostgresGate.Require();
}

public sealed record QuestionShape(int Id, int Position, string Kind, string Text, string[] Options);

public sealed record ExperimentShape(int Id, string AreaCode, string Title, string SurveyUrl, QuestionShape[] Questions, string? Decision, string Evaluation, int Version);

public sealed record OptionCountShape(string Option, int Count);

public sealed record QuestionResultShape(int QuestionId, string Kind, OptionCountShape[] Counts, double? Average, string[] Texts);

public sealed record ResultsShape(int Responses, QuestionResultShape[] Questions);

/// <summary>Step 5 of WerkwijzerPlus: experiments with a survey answered without an account, results, CSV, evaluation.</summary>
public abstract class ExperimentTests(SharedApp shared) : AppTests(shared)
{
    static object NewExperiment(string title = "Bankjes op het plein", string visibility = "partners") => new
    {
        areaCode = "WK040001", title, hypothesis = "Als we bankjes neerzetten, dan blijven ouderen langer op het plein.", place = "Plein bij de bieb",
        startsOn = "2026-11-01", endsOn = "2026-12-31", partners = "Welzijn, woningcorporatie", stopCriterion = "Meer meldingen van overlast",
        removalPlan = "Gemeente haalt de bankjes binnen een week weg", visibility,
    };

    Task<(int Experiments, int Questions, int Responses)> CountsAsync() => App.WithDbAsync(async db =>
        (await db.Experiments.IgnoreQueryFilters().CountAsync(Ct), await db.Set<Wijkbeeld.Features.Experiments.SurveyQuestion>().CountAsync(Ct),
         await db.SurveyResponses.CountAsync(Ct)));

    async Task<(ExperimentShape Experiment, QuestionShape Choice, QuestionShape Scale, QuestionShape Open)> WithSurveyAsync(HttpClient client, string visibility = "partners")
    {
        var experiment = await (await client.PostAsJsonAsync("/api/experiments", NewExperiment(visibility: visibility), Ct)).ReadOkAsync<ExperimentShape>(HttpStatusCode.Created);
        async Task<QuestionShape> Add(object q) => await (await client.PostAsJsonAsync($"/api/experiments/{experiment.Id}/questions", q, Ct)).ReadOkAsync<QuestionShape>(HttpStatusCode.Created);
        var choice = await Add(new { kind = "keuze", text = "Gebruikt u de bankjes?", options = new[] { "Ja", "Nee", "Soms" } });
        var scale = await Add(new { kind = "schaal", text = "Hoe prettig is het plein nu?" });
        var open = await Add(new { kind = "open", text = "Wat zou u nog willen?" });
        return (experiment, choice, scale, open);
    }

    static string Token(ExperimentShape e) => e.SurveyUrl[(e.SurveyUrl.LastIndexOf('/') + 1)..];

    [Fact]
    public async Task A_survey_is_answered_without_an_account_once_a_day_and_counted_in_the_results_and_csv()
    {
        var (experiment, choice, scale, open) = await WithSurveyAsync(Client);
        Assert.Contains("/enquete/", experiment.SurveyUrl, StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3", "4", "5"], scale.Options);

        var token = Token(experiment);
        var survey = JsonDocument.Parse(await App.CreateClient().GetStringAsync($"/api/surveys/{token}", Ct));
        Assert.Equal(3, survey.RootElement.GetProperty("questions").GetArrayLength());

        var resident = App.CreateClient();
        var answers = new Dictionary<string, string> { [$"{choice.Id}"] = "Soms", [$"{scale.Id}"] = "4", [$"{open.Id}"] = "Meer schaduw" };
        Assert.Equal(HttpStatusCode.Created, (await resident.PostAsJsonAsync($"/api/surveys/{token}/responses", new { answers }, Ct)).StatusCode);
        var before = await CountsAsync();
        await (await resident.PostAsJsonAsync($"/api/surveys/{token}/responses", new { answers }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict, "Tegelijk gewijzigd");
        Assert.Equal(before, await CountsAsync());
        var neighbour = App.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await neighbour.PostAsJsonAsync($"/api/surveys/{token}/responses",
            new { answers = new Dictionary<string, string> { [$"{scale.Id}"] = "2" } }, Ct)).StatusCode);

        var results = await (await Client.GetAsync($"/api/experiments/{experiment.Id}/results", Ct)).ReadOkAsync<ResultsShape>();
        Assert.Equal(2, results.Responses);
        Assert.Equal(1, results.Questions.Single(q => q.QuestionId == choice.Id).Counts.Single(c => c.Option == "Soms").Count);
        Assert.Equal(3.0, results.Questions.Single(q => q.QuestionId == scale.Id).Average);
        Assert.Equal(["Meer schaduw"], results.Questions.Single(q => q.QuestionId == open.Id).Texts);

        var csv = await Client.GetStringAsync($"/api/experiments/{experiment.Id}/results.csv", Ct);
        Assert.StartsWith("antwoord,tijd,Gebruikt u de bankjes?,Hoe prettig is het plein nu?,Wat zou u nog willen?", csv, StringComparison.Ordinal);
        Assert.Contains(",Soms,4,Meer schaduw", csv, StringComparison.Ordinal);

        // The poster's QR code is a PNG; a survey address that does not exist is a Dutch 404.
        var qr = await Anonymous.GetAsync($"/api/surveys/{token}/qr.png", Ct);
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
        await (await Anonymous.PostAsJsonAsync("/api/surveys/bestaat-niet/responses", new { answers }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "Niet gevonden");
    }

    public static TheoryData<string> BadAnswers => new() { "keuze:Misschien", "schaal:6", "schaal:drie", "open:" + new string('x', 501), "onbekend:Ja", "leeg:" };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task Bad_answers_are_refused_and_store_nothing(string answer)
    {
        var (experiment, choice, scale, open) = await WithSurveyAsync(Client);
        var (which, value) = (answer[..answer.IndexOf(':')], answer[(answer.IndexOf(':') + 1)..]);
        var key = which switch { "keuze" => $"{choice.Id}", "schaal" => $"{scale.Id}", "open" => $"{open.Id}", "onbekend" => "999999", _ => $"{open.Id}" };
        var before = await CountsAsync();
        var response = await App.CreateClient().PostAsJsonAsync($"/api/surveys/{Token(experiment)}/responses",
            new { answers = new Dictionary<string, string> { [key] = value } }, Ct);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.Equal(before, await CountsAsync());
    }

    public static TheoryData<string, string, string> BadExperiments => new()
    {
        { "areaCode", "\"XX\"", "areaCode" },
        { "title", "\"\"", "title" },
        { "hypothesis", "null", "hypothesis" },
        { "stopCriterion", "\" \"", "stopCriterion" },
        { "removalPlan", "null", "removalPlan" },
        { "endsOn", "\"2026-10-01\"", "endsOn" },
        { "startsOn", "\"morgen\"", "startsOn" },
        { "patternId", "999999", "patternId" },
        { "visibility", "\"geheim\"", "visibility" },
    };

    [Theory]
    [MemberData(nameof(BadExperiments))]
    public async Task Bad_experiments_are_refused_in_Dutch_and_store_nothing(string property, string rawJson, string errorField)
    {
        var body = JsonSerializer.SerializeToNode(NewExperiment(), JsonSerializerOptions.Web)!.AsObject();
        body[property] = JsonNode.Parse(rawJson);
        var before = await CountsAsync();
        var problem = await (await Client.PostAsync("/api/experiments", TestApps.Body(body.ToJsonString(), "application/json"), Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.True(problem.Errors!.ContainsKey(errorField), string.Join(", ", problem.Errors.Keys));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Bad_questions_are_refused_and_only_the_own_organisation_builds_the_survey()
    {
        var experiment = await (await Client.PostAsJsonAsync("/api/experiments", NewExperiment(), Ct)).ReadOkAsync<ExperimentShape>(HttpStatusCode.Created);
        var before = await CountsAsync();
        foreach (var q in new object[]
        {
            new { kind = "keuze", text = "Eén antwoord?", options = new[] { "Ja" } },
            new { kind = "ranking", text = "Wat?" },
            new { kind = "open", text = "" },
        })
        {
            await (await Client.PostAsJsonAsync($"/api/experiments/{experiment.Id}/questions", q, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        }
        var police = await App.CreateClientAsAsync(Roles.Professional, TestAccounts.Police);
        await (await police.PostAsJsonAsync($"/api/experiments/{experiment.Id}/questions", new { kind = "open", text = "Iets?" }, Ct))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
        Assert.Equal(before, await CountsAsync());
        // Without questions there is no survey to answer.
        await (await Anonymous.PostAsJsonAsync($"/api/surveys/{Token(experiment)}/responses", new { answers = new { } }, Ct))
            .AssertProblemAsync(HttpStatusCode.NotFound, "Niet gevonden");
    }

    [Fact]
    public async Task The_evaluation_records_a_decision_with_the_current_version_and_is_audited()
    {
        var experiment = await (await Client.PostAsJsonAsync("/api/experiments", NewExperiment(), Ct)).ReadOkAsync<ExperimentShape>(HttpStatusCode.Created);
        async Task<HttpResponseMessage> Put(string? etag, object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/experiments/{experiment.Id}/evaluation") { Content = JsonContent.Create(body) };
            if (etag is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            return await Client.SendAsync(request, Ct);
        }
        var body = new { evaluation = "Ouderen blijven langer zitten; geen overlast.", decision = "borgen" };
        await (await Put(null, body)).AssertProblemAsync(HttpStatusCode.PreconditionRequired, "Versie ontbreekt");
        await (await Put("\"1\"", new { decision = "misschien" })).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        var saved = await (await Put("\"1\"", body)).ReadOkAsync<ExperimentShape>();
        Assert.Equal("borgen", saved.Decision);
        Assert.Equal(2, saved.Version);
        await (await Put("\"1\"", new { decision = "stoppen" })).AssertProblemAsync(HttpStatusCode.Conflict, "Tegelijk gewijzigd");
        var audit = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityType == "experiment" && a.EntityId == experiment.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        Assert.Equal(["aangemaakt", "gewijzigd"], audit);
    }

    [Fact]
    public async Task Visibility_hides_an_experiment_but_not_its_public_survey()
    {
        var (experiment, choice, _, _) = await WithSurveyAsync(Client, visibility: "organisatie");
        var police = await App.CreateClientAsAsync(Roles.Professional, TestAccounts.Police);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/api/experiments/{experiment.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous.GetAsync($"/api/experiments/{experiment.Id}/results", Ct)).StatusCode);
        Assert.DoesNotContain(await (await police.GetAsync("/api/experiments", Ct)).ReadOkAsync<ExperimentShape[]>(), e => e.Id == experiment.Id);
        // Whoever holds the QR code may answer.
        Assert.Equal(HttpStatusCode.Created, (await App.CreateClient().PostAsJsonAsync($"/api/surveys/{Token(experiment)}/responses",
            new { answers = new Dictionary<string, string> { [$"{choice.Id}"] = "Ja" } }, Ct)).StatusCode);
        var reader = await App.CreateClientAsAsync(Roles.Reader);
        await (await reader.PostAsJsonAsync("/api/experiments", NewExperiment(), Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
    }

    [Fact]
    public async Task The_public_survey_page_works_without_an_account_and_remembers_the_device()
    {
        var (experiment, choice, scale, _) = await WithSurveyAsync(Client);
        var resident = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await HtmlForm.LoadAsync(resident, $"/enquete/{Token(experiment)}");
        var refused = Html.Text(await (await form.SubmitAsync(resident)).ReadPageAsync(HttpStatusCode.BadRequest));
        Assert.Contains("Beantwoord minstens één vraag.", refused, StringComparison.Ordinal);
        var sent = await form.Set($"Answers[{choice.Id}]", "Ja").Set($"Answers[{scale.Id}]", "5").SubmitAsync(resident);
        Assert.Equal($"/enquete/{Token(experiment)}", sent.RedirectTarget());
        Assert.Contains("Dank u wel!", Html.Text(await resident.GetPageAsync($"/enquete/{Token(experiment)}")), StringComparison.Ordinal);
        Assert.Contains("vandaag al ingevuld", Html.Text(await resident.GetPageAsync($"/enquete/{Token(experiment)}")), StringComparison.Ordinal);
        var results = await (await Client.GetAsync($"/api/experiments/{experiment.Id}/results", Ct)).ReadOkAsync<ResultsShape>();
        Assert.Equal(1, results.Responses);
    }
}
