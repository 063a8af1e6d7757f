using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;

namespace Wijkbeeld.Features.Experiments;

/// <summary>One experiment: what it tries, the survey builder, links to poster and results, and the evaluation with the decision.</summary>
public sealed class DetailsModel(ExperimentService experiments, AreaIndex areaIndex, Viewer viewer) : PageModel
{
    public Experiment Experiment { get; private set; } = null!;
    public string AreaName { get; private set; } = "";
    public bool CanChange => viewer.CanChange(Experiment.OrganisationId);
    public Dictionary<string, string[]> QuestionErrors { get; private set; } = [];
    public Dictionary<string, string[]> EvaluationErrors { get; private set; } = [];
    [BindProperty] public QuestionInput Question { get; set; } = new();
    [BindProperty] public EvaluationInput Evaluation { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostQuestionAsync(int id, CancellationToken ct)
    {
        var (outcome, _, errors) = await experiments.AddQuestionAsync(id, Question with { Options = Question.Options?.SelectMany(o => o.Split('\n')).ToList() }, ct);
        if (outcome == Outcome.NotFound) return NotFound();
        if (outcome == Outcome.Forbidden) return Forbid();
        if (outcome == Outcome.Invalid)
        {
            QuestionErrors = errors;
            await LoadAsync(id, ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = "Experiments.QuestionAdded";
        return Redirect($"/experimenten/{id}#survey");
    }

    public async Task<IActionResult> OnPostEvaluationAsync(int id, CancellationToken ct)
    {
        var (outcome, _, errors) = await experiments.EvaluateAsync(id, Version, Evaluation, ct);
        if (outcome == Outcome.NotFound) return NotFound();
        if (outcome == Outcome.Forbidden) return Forbid();
        if (outcome is Outcome.Invalid or Outcome.Conflict)
        {
            EvaluationErrors = outcome == Outcome.Conflict ? new() { ["evaluation"] = [HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Texts>>()["Problem.Conflict"]] } : errors;
            await LoadAsync(id, ct);
            Response.StatusCode = outcome == Outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = "Experiments.Evaluated";
        return Redirect($"/experimenten/{id}#evaluation");
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await experiments.GetAsync(id, ct) is not { } experiment) return false;
        Experiment = experiment;
        AreaName = (await areaIndex.GetAsync(ct)).Find(experiment.AreaCode)?.Name ?? experiment.AreaCode;
        if (Request.Method == "GET")
        {
            Evaluation = new EvaluationInput { Evaluation = experiment.Evaluation, Decision = experiment.Decision };
        }
        Version = experiment.Version;
        return true;
    }
}
