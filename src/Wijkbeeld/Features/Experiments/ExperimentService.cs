using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Experiments;

/// <summary>Experiments, their survey and its answers; shared by the API and the pages.</summary>
public sealed class ExperimentService(WijkbeeldDb db, Viewer viewer, ExperimentRules rules)
{
    public async Task<(Experiment? Experiment, Dictionary<string, string[]> Errors)> CreateAsync(ExperimentInput input, CancellationToken ct)
    {
        var (experiment, errors) = await rules.ValidateAsync(input, ct);
        if (experiment is null) return (null, errors);
        experiment.SurveyToken = ExperimentEndpoints.NewToken();
        experiment.OrganisationId = viewer.OrganisationId;
        experiment.CreatedBy = viewer.Name ?? "";
        experiment.CreatedAt = DateTime.UtcNow;
        experiment.Version = 1;
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(ct);
        return (experiment, errors);
    }

    public Task<Experiment?> GetAsync(int id, CancellationToken ct) =>
        db.Experiments.Include(e => e.Questions).FirstOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>The survey behind a QR code: the token is the key, whoever may see the experiment itself.</summary>
    public Task<Experiment?> FindByTokenAsync(string token, CancellationToken ct) =>
        db.Experiments.IgnoreQueryFilters().AsNoTracking().Include(e => e.Questions).FirstOrDefaultAsync(e => e.SurveyToken == token, ct);

    public async Task<(Outcome Outcome, SurveyQuestion? Question, Dictionary<string, string[]> Errors)> AddQuestionAsync(int id, QuestionInput input, CancellationToken ct)
    {
        var experiment = await GetAsync(id, ct);
        if (experiment is null) return (Outcome.NotFound, null, []);
        if (!viewer.CanChange(experiment.OrganisationId)) return (Outcome.Forbidden, null, []);
        var (question, errors) = rules.Validate(input, experiment.Questions.Count);
        if (question is null) return (Outcome.Invalid, null, errors);
        experiment.Questions.Add(question);
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, question, errors);
    }

    public async Task<(Outcome Outcome, Experiment? Experiment, Dictionary<string, string[]> Errors)> EvaluateAsync(int id, int expectedVersion, EvaluationInput input, CancellationToken ct)
    {
        var experiment = await GetAsync(id, ct);
        if (experiment is null) return (Outcome.NotFound, null, []);
        if (!viewer.CanChange(experiment.OrganisationId)) return (Outcome.Forbidden, null, []);
        if (experiment.Version != expectedVersion) return (Outcome.Conflict, experiment, []);
        var errors = rules.Apply(input, experiment);
        if (errors.Count > 0) return (Outcome.Invalid, null, errors);
        return await db.TrySaveVersionAsync(experiment, e => e.Version, expectedVersion, ct)
            ? (Outcome.Done, experiment, errors)
            : (Outcome.Conflict, null, []);
    }

    /// <summary>Stores one anonymous response; a device answers a survey once a day (a cookie remembers the day).</summary>
    public async Task<(Outcome Outcome, Dictionary<string, string[]> Errors)> AnswerAsync(string token, IReadOnlyDictionary<string, string?> answers,
        bool confirmPersonalData, HttpContext http, CancellationToken ct)
    {
        var experiment = await FindByTokenAsync(token, ct);
        if (experiment is null || experiment.Questions.Count == 0) return (Outcome.NotFound, []);
        var cookie = ExperimentEndpoints.CookieName(experiment.Id);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (http.Request.Cookies[cookie] == today) return (Outcome.Conflict, []);
        var (valid, errors) = rules.Validate(experiment.Questions, answers, confirmPersonalData);
        if (valid is null) return (Outcome.Invalid, errors);
        db.SurveyResponses.Add(new SurveyResponse { ExperimentId = experiment.Id, At = DateTime.UtcNow, Answers = valid });
        await db.SaveChangesAsync(ct);
        http.Response.Cookies.Append(cookie, today, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, IsEssential = true,
            Expires = DateTimeOffset.UtcNow.Date.AddDays(1), Path = "/",
        });
        return (Outcome.Done, errors);
    }

    public async Task<ResultsDto?> ResultsAsync(int id, CancellationToken ct)
    {
        var experiment = await db.Experiments.AsNoTracking().Include(e => e.Questions).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (experiment is null) return null;
        var responses = await db.SurveyResponses.CountAsync(r => r.ExperimentId == id, ct);
        var answers = await db.SurveyResponses.Where(r => r.ExperimentId == id).SelectMany(r => r.Answers)
            .Select(a => new { a.QuestionId, a.Value, a.ResponseId }).ToListAsync(ct);
        var questions = experiment.Questions.OrderBy(q => q.Position).Select(q =>
        {
            var values = answers.Where(a => a.QuestionId == q.Id).ToList();
            var dto = ExperimentEndpoints.ToDto(q);
            if (q.Kind == "open")
            {
                return new QuestionResult(q.Id, q.Kind, q.Text, [], null, values.OrderByDescending(a => a.ResponseId).Take(50).Select(a => a.Value).ToList());
            }
            var counts = dto.Options.Select(o => new OptionCount(o, values.Count(v => v.Value == o))).ToList();
            double? average = q.Kind == "schaal" && values.Count > 0
                ? Math.Round(values.Average(v => int.Parse(v.Value, CultureInfo.InvariantCulture)), 1) : null;
            return new QuestionResult(q.Id, q.Kind, q.Text, counts, average, []);
        }).ToList();
        return new ResultsDto(id, responses, questions);
    }
}
