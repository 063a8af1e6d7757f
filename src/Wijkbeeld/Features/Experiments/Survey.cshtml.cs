using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Experiments;

/// <summary>The public survey behind the QR code: no account, one answer per device per day, rate limited per address.</summary>
[EnableRateLimiting(RateLimits.Contributions)]
public sealed class SurveyModel(ExperimentService experiments) : PageModel
{
    public Experiment Experiment { get; private set; } = null!;
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public bool AlreadyAnswered { get; private set; }
    public bool Thanks { get; private set; }
    [BindProperty] public Dictionary<string, string?> Answers { get; set; } = [];
    [BindProperty] public bool ConfirmPersonalData { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (await experiments.FindByTokenAsync(token, ct) is not { Questions.Count: > 0 } experiment) return NotFound();
        Experiment = experiment;
        Thanks = TempData["SurveyThanks"] is true;
        AlreadyAnswered = !Thanks && Request.Cookies[ExperimentEndpoints.CookieName(experiment.Id)] == DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (await experiments.FindByTokenAsync(token, ct) is not { Questions.Count: > 0 } experiment) return NotFound();
        Experiment = experiment;
        var (outcome, errors) = await experiments.AnswerAsync(token, Answers, ConfirmPersonalData, HttpContext, ct);
        if (outcome == Outcome.Conflict)
        {
            AlreadyAnswered = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (outcome == Outcome.Invalid)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["SurveyThanks"] = true;
        return Redirect($"/enquete/{token}");
    }
}
