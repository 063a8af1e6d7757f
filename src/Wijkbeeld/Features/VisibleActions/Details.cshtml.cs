using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Experiments;
using Wijkbeeld.Features.Photos;

namespace Wijkbeeld.Features.VisibleActions;

/// <summary>One visible action: what it is, its evaluation with a photo, and (for its owners) the forms to change it.</summary>
public sealed class DetailsModel(VisibleActionService actions, AreaIndex areaIndex, Viewer viewer, IStringLocalizer<Texts> text) : PageModel
{
    public VisibleAction Action { get; private set; } = null!;
    public string AreaName { get; private set; } = "";
    public string TimelineArea { get; private set; } = "";
    public AreaMap Areas { get; private set; } = null!;
    public List<FocusChoice> FocusThemes { get; private set; } = [];
    public bool CanChange => viewer.CanChange(Action.OrganisationId);
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public Dictionary<string, string[]> EvaluationErrors { get; private set; } = [];
    public ActionFormView View => new(Form, Errors, Areas, WithEvaluation: true, FocusThemes);

    [BindProperty] public ActionInput Form { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? EvaluationStatus { get; set; }
    [BindProperty] public string? EvaluationText { get; set; }
    [BindProperty] public bool ConfirmPersonalData { get; set; }
    [BindProperty] public IFormFile? Photo { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Form = ActionInput.From(Action);
        EvaluationText = Action.Evaluation;
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct)
    {
        Form = ActionFormView.WithPostedPlace(Form, Request.Form);
        var (outcome, _, errors) = await actions.UpdateAsync(id, Version, Form, ct);
        if (outcome == Outcome.NotFound) return NotFound();
        if (outcome == Outcome.Forbidden) return Forbid();
        if (outcome is Outcome.Invalid or Outcome.Conflict)
        {
            Errors = outcome == Outcome.Conflict ? new() { ["title"] = [text["Problem.Conflict"]] } : errors;
            await LoadAsync(id, ct);
            EvaluationText = Action.Evaluation;
            Response.StatusCode = outcome == Outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = "Actions.Saved";
        return Redirect($"/acties/{id}");
    }

    public async Task<IActionResult> OnPostEvaluationAsync(int id, CancellationToken ct)
    {
        if (await actions.GetAsync(id, ct) is not { } current) return NotFound();
        var input = ActionInput.From(current) with { Status = EvaluationStatus, Evaluation = EvaluationText, ConfirmPersonalData = ConfirmPersonalData };
        var (outcome, saved, errors) = await actions.UpdateAsync(id, Version, input, ct);
        if (outcome == Outcome.Forbidden) return Forbid();
        if (outcome == Outcome.Done && Photo is { Length: > 0 })
        {
            await using var stream = Photo.OpenReadStream();
            var (photoOutcome, _, refused) = await actions.SetPhotoAsync(id, saved!.Version, stream, ct);
            if (photoOutcome != Outcome.Done)
            {
                outcome = photoOutcome == Outcome.Invalid ? Outcome.Invalid : photoOutcome;
                errors = new() { ["photo"] = [refused?.Message ?? text["Problem.Conflict"]] };
            }
        }
        if (outcome is Outcome.Invalid or Outcome.Conflict)
        {
            EvaluationErrors = outcome == Outcome.Conflict && errors.Count == 0 ? new() { ["evaluation"] = [text["Problem.Conflict"]] } : errors;
            await LoadAsync(id, ct);
            Form = ActionInput.From(Action);
            Response.StatusCode = outcome == Outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = "Actions.Evaluated";
        return Redirect($"/acties/{id}#evaluation");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var outcome = await actions.DeleteAsync(id, ct);
        if (outcome == Outcome.NotFound) return NotFound();
        if (outcome == Outcome.Forbidden) return Forbid();
        TempData["Message"] = "Actions.Deleted";
        return Redirect("/acties");
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await actions.GetAsync(id, ct) is not { } action) return false;
        Action = action;
        Areas = await areaIndex.GetAsync(ct);
        FocusThemes = await actions.FocusChoicesAsync(ct);
        var area = Areas.Find(action.AreaCode);
        AreaName = area?.Name ?? action.AreaCode;
        // The timeline of a buurt is kept on its wijk's wall too; actions show on the wall of the area they belong to.
        TimelineArea = action.AreaCode;
        Version = action.Version;
        return true;
    }
}
