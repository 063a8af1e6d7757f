using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;

namespace Wijkbeeld.Features.Werkagenda;

/// <summary>One case's local work agenda: situation, reflection, direction, the slider rounds and the SMART actions.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DetailsModel(WorkAgenda agenda, AreaIndex areas) : PageModel
{
    public CaseDto Case { get; private set; } = null!;
    public IReadOnlyList<AreaInfo> Areas { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? ErrorSection { get; private set; }
    [BindProperty] public CaseForm Form { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty] public ActionForm NewAction { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Form = new CaseForm
        {
            Title = Case.Title, AreaCode = Case.AreaCode, Situation = Case.Situation, Reflection = Case.Reflection,
            Direction = Case.Direction, Visibility = Case.Visibility,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) =>
        await Handle(id, "case", await agenda.UpdateAsync(id, Version, Form.ToInput(), ct), "Werkagenda.Saved", ct);

    public async Task<IActionResult> OnPostRoundAsync(int id, string? roundName, CancellationToken ct)
    {
        var result = await agenda.AddRoundAsync(id, new RoundInput(roundName), ct);
        if (result.Outcome == Outcome.Ok) return Redirect($"/zelfscan/{result.Value!.Id}");
        return await Handle(id, "rounds", result, "", ct);
    }

    public async Task<IActionResult> OnPostActionAsync(int id, CancellationToken ct) =>
        await Handle(id, "actions", await agenda.AddActionAsync(id, NewAction.ToInput(), ct), "Werkagenda.Action.Added", ct);

    public async Task<IActionResult> OnPostStatusAsync(int id, int actionId, int actionVersion, string? status, CancellationToken ct)
    {
        if (await agenda.ActionAsync(actionId, ct) is not { CaseId: var caseId } a || caseId != id) return NotFound();
        var input = new ActionInput(a.What, a.Owner, a.Partners, a.How, a.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            a.MeasurableResult, status, ConfirmPersonalData: true);
        return await Handle(id, "actions", await agenda.UpdateActionAsync(actionId, actionVersion, input, ct), "Werkagenda.Saved", ct);
    }

    public async Task<IActionResult> OnPostNoteAsync(int id, int actionId, string? note, bool confirmPersonalData, CancellationToken ct)
    {
        if (await agenda.ActionAsync(actionId, ct) is not { CaseId: var caseId } || caseId != id) return NotFound();
        return await Handle(id, "actions", await agenda.AddNoteAsync(actionId, new NoteInput(note, confirmPersonalData), ct), "Werkagenda.Saved", ct);
    }

    async Task<IActionResult> Handle<T>(int id, string section, Result<T> result, string message, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case Outcome.Ok:
                TempData["Message"] = message;
                return Redirect($"/werkagenda/{id}#{section}");
            case Outcome.NotFound:
                return NotFound();
            case Outcome.Forbidden:
                return Forbid();
        }
        Errors = result.Errors ?? new() { ["version"] = [HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Texts>>()["Werkagenda.Error.Conflict"]] };
        ErrorSection = section;
        Response.StatusCode = result.Outcome == Outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await agenda.GetAsync(id, ct) is not { } c) return false;
        Case = c;
        Areas = (await areas.GetAsync(ct)).All.Where(a => a.Level != AreaLevel.Municipality).OrderBy(a => a.Code).ToList();
        return true;
    }
}

/// <summary>A new SMART action as the form posts it.</summary>
public sealed class ActionForm
{
    public string? What { get; set; }
    public string? Owner { get; set; }
    public string? Partners { get; set; }
    public string? How { get; set; }
    public string? Deadline { get; set; }
    public string? MeasurableResult { get; set; }
    public bool ConfirmPersonalData { get; set; }

    public ActionInput ToInput() => new(What, Owner, Partners, How, Deadline, MeasurableResult, null, ConfirmPersonalData);
}
