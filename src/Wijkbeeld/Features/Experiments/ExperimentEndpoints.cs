using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using QRCoder;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Experiments;

public sealed record QuestionDto(int Id, int Position, string Kind, string Text, IReadOnlyList<string> Options);

public sealed record ExperimentDto(
    int Id, string AreaCode, string Title, string Hypothesis, int? PatternId, string Place, string StartsOn, string EndsOn, string Partners,
    string StopCriterion, string RemovalPlan, string Evaluation, string? Decision, string SurveyUrl, IReadOnlyList<QuestionDto> Questions,
    string Visibility, string CreatedBy, int Version);

public sealed record QuestionResult(int QuestionId, string Kind, string Text, IReadOnlyList<OptionCount> Counts, double? Average, IReadOnlyList<string> Texts);

public sealed record OptionCount(string Option, int Count);

public sealed record ResultsDto(int ExperimentId, int Responses, IReadOnlyList<QuestionResult> Questions);

public sealed record PublicSurveyDto(string Title, IReadOnlyList<QuestionDto> Questions);

public static class ExperimentEndpoints
{
    /// <summary>The cookie that remembers a device answered a survey today (one answer per device per day).</summary>
    public static string CookieName(int experimentId) => $"wb-enquete-{experimentId.ToString(CultureInfo.InvariantCulture)}";

    public static IServiceCollection AddExperimentsFeature(this IServiceCollection services)
    {
        services.AddScoped<ExperimentRules>();
        services.AddScoped<ExperimentService>();
        return services;
    }

    public static IEndpointRouteBuilder MapExperimentEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Experiments");
        api.MapGet("/experiments", List).WithSummary("Experimenten");
        api.MapGet("/experiments/{id:int}", Get).WithSummary("Eén experiment met zijn enquêtevragen");
        api.MapPost("/experiments", Create).WithSummary("Experiment starten").RequireAuthorization(Policies.Writer);
        api.MapPost("/experiments/{id:int}/questions", AddQuestion).WithSummary("Vraag aan de enquête toevoegen").RequireAuthorization(Policies.Writer);
        api.MapPut("/experiments/{id:int}/evaluation", Evaluate).WithSummary("Evaluatie en besluit (doorgaan, stoppen, borgen), met If-Match").RequireAuthorization(Policies.Writer);
        api.MapGet("/experiments/{id:int}/results", GetResults).WithSummary("Resultaten van de enquête");
        api.MapGet("/experiments/{id:int}/results.csv", ResultsCsv).WithSummary("Antwoorden als CSV");
        api.MapGet("/surveys/{token}", GetSurvey).WithSummary("Enquête om in te vullen (zonder account)");
        api.MapPost("/surveys/{token}/responses", Answer).WithSummary("Enquête beantwoorden (zonder account, één keer per dag per apparaat)")
            .RequireRateLimiting(RateLimits.Contributions).DisableAntiforgery();
        api.MapGet("/surveys/{token}/qr.png", Qr).WithSummary("QR-code naar de enquête");
        return routes;
    }

    public static ExperimentDto ToDto(Experiment e, string baseUrl) => new(
        e.Id, e.AreaCode, e.Title, e.Hypothesis, e.PatternId, e.Place, e.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Partners, e.StopCriterion, e.RemovalPlan, e.Evaluation, e.Decision,
        $"{baseUrl}/enquete/{e.SurveyToken}", e.Questions.OrderBy(q => q.Position).Select(ToDto).ToList(), e.Visibility.Code(), e.CreatedBy, e.Version);

    public static QuestionDto ToDto(SurveyQuestion q) =>
        new(q.Id, q.Position, q.Kind, q.Text, q.Kind == "schaal" ? ["1", "2", "3", "4", "5"] : q.Options.Split('\n', StringSplitOptions.RemoveEmptyEntries));

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    static async Task<Ok<List<ExperimentDto>>> List(WijkbeeldDb db, HttpRequest request, string? area, CancellationToken ct)
    {
        var query = db.Experiments.AsNoTracking().Include(e => e.Questions).AsQueryable();
        if (!string.IsNullOrWhiteSpace(area)) query = query.Where(e => e.AreaCode == area);
        var rows = await query.OrderByDescending(e => e.StartsOn).ThenByDescending(e => e.Id).Take(500).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(e => ToDto(e, BaseUrl(request))).ToList());
    }

    static async Task<Results<Ok<ExperimentDto>, ProblemHttpResult>> Get(int id, WijkbeeldDb db, HttpRequest request, HttpResponse response,
        IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var e = await db.Experiments.AsNoTracking().Include(x => x.Questions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return Problems.NotFound(text);
        response.Headers.ETag = $"\"{e.Version}\"";
        return TypedResults.Ok(ToDto(e, BaseUrl(request)));
    }

    static async Task<Results<Created<ExperimentDto>, ValidationProblem>> Create(ExperimentInput input, ExperimentService experiments,
        HttpRequest request, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (experiment, errors) = await experiments.CreateAsync(input, ct);
        return experiment is null ? Problems.Validation(text, errors)
            : TypedResults.Created($"/api/experiments/{experiment.Id}", ToDto(experiment, BaseUrl(request)));
    }

    static async Task<Results<Created<QuestionDto>, ValidationProblem, ProblemHttpResult>> AddQuestion(int id, QuestionInput input,
        ExperimentService experiments, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (outcome, question, errors) = await experiments.AddQuestionAsync(id, input, ct);
        return outcome switch
        {
            Outcome.NotFound => Problems.NotFound(text),
            Outcome.Forbidden => Problems.Status(text, StatusCodes.Status403Forbidden, text["Experiments.NotYours"]),
            Outcome.Invalid => Problems.Validation(text, errors),
            _ => TypedResults.Created($"/api/experiments/{id}", ToDto(question!)),
        };
    }

    static async Task<Results<Ok<ExperimentDto>, ValidationProblem, ProblemHttpResult>> Evaluate(int id, EvaluationInput input,
        [FromHeader(Name = "If-Match")] string? ifMatch, ExperimentService experiments, HttpRequest request, HttpResponse response,
        IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (!ItemEndpoints.TryParseETag(ifMatch, out var expected))
        {
            return Problems.IfMatchRequired(text);
        }
        var (outcome, experiment, errors) = await experiments.EvaluateAsync(id, expected, input, ct);
        switch (outcome)
        {
            case Outcome.NotFound: return Problems.NotFound(text);
            case Outcome.Forbidden: return Problems.Status(text, StatusCodes.Status403Forbidden, text["Experiments.NotYours"]);
            case Outcome.Invalid: return Problems.Validation(text, errors);
            case Outcome.Conflict: return Problems.Status(text, StatusCodes.Status409Conflict, text["Problem.Conflict"]);
        }
        response.Headers.ETag = $"\"{experiment!.Version}\"";
        return TypedResults.Ok(ToDto(experiment, BaseUrl(request)));
    }

    static async Task<Results<Ok<ResultsDto>, ProblemHttpResult>> GetResults(int id, ExperimentService experiments, IStringLocalizer<Texts> text, CancellationToken ct) =>
        await experiments.ResultsAsync(id, ct) is { } results ? TypedResults.Ok(results) : Problems.NotFound(text);

    static async Task<IResult> ResultsCsv(int id, WijkbeeldDb db, HttpContext http, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var experiment = await db.Experiments.AsNoTracking().Include(e => e.Questions).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (experiment is null) return Problems.NotFound(text);
        var questions = experiment.Questions.OrderBy(q => q.Position).ToList();
        var responses = await db.SurveyResponses.AsNoTracking().Include(r => r.Answers).Where(r => r.ExperimentId == id).OrderBy(r => r.Id).ToListAsync(ct);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"wijkbeeld-enquete-{id}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        csv.WriteField("antwoord");
        csv.WriteField("tijd");
        foreach (var q in questions) csv.WriteField(q.Text);
        await csv.NextRecordAsync();
        foreach (var r in responses)
        {
            csv.WriteField(r.Id);
            csv.WriteField(r.At.ToString("O", CultureInfo.InvariantCulture));
            foreach (var q in questions) csv.WriteField(r.Answers.FirstOrDefault(a => a.QuestionId == q.Id)?.Value ?? "");
            await csv.NextRecordAsync();
        }
        return TypedResults.Empty;
    }

    static async Task<Results<Ok<PublicSurveyDto>, ProblemHttpResult>> GetSurvey(string token, ExperimentService experiments, IStringLocalizer<Texts> text, CancellationToken ct) =>
        await experiments.FindByTokenAsync(token, ct) is { } e
            ? TypedResults.Ok(new PublicSurveyDto(e.Title, e.Questions.OrderBy(q => q.Position).Select(ToDto).ToList()))
            : Problems.NotFound(text, text["Experiments.SurveyNotFound"]);

    public sealed record AnswerInput(Dictionary<string, string?>? Answers, bool? ConfirmPersonalData);

    static async Task<Results<Created, ValidationProblem, ProblemHttpResult>> Answer(string token, AnswerInput input, ExperimentService experiments,
        HttpContext http, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (outcome, errors) = await experiments.AnswerAsync(token, input.Answers ?? [], input.ConfirmPersonalData == true, http, ct);
        return outcome switch
        {
            Outcome.NotFound => Problems.NotFound(text, text["Experiments.SurveyNotFound"]),
            Outcome.Conflict => Problems.Status(text, StatusCodes.Status409Conflict, text["Experiments.AlreadyAnswered"]),
            Outcome.Invalid => Problems.Validation(text, errors),
            _ => TypedResults.Created(),
        };
    }

    static async Task<IResult> Qr(string token, ExperimentService experiments, HttpRequest request, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (await experiments.FindByTokenAsync(token, ct) is not { } e) return Problems.NotFound(text, text["Experiments.SurveyNotFound"]);
        return TypedResults.File(QrPng($"{BaseUrl(request)}/enquete/{e.SurveyToken}"), "image/png");
    }

    public static byte[] QrPng(string url)
    {
        using var qr = new QRCodeGenerator().CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(qr).GetGraphic(12);
    }

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');
}

public enum Outcome { Done, NotFound, Forbidden, Invalid, Conflict }
