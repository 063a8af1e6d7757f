using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;

namespace Wijkbeeld.Features.Werkagenda;

/// <summary>"Werkagenda": the cases this person may see (coordinators: all), and a new case.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(WorkAgenda agenda, Viewer viewer, AreaIndex areas) : PageModel
{
    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];
    public IReadOnlyList<AreaInfo> Areas { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public Viewer Viewer => viewer;
    [BindProperty] public CaseForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await agenda.CreateAsync(Form.ToInput(), ct);
        if (result.Outcome == Outcome.Ok)
        {
            TempData["Message"] = "Werkagenda.Created";
            return Redirect($"/werkagenda/{result.Value!.Id}");
        }
        if (result.Outcome == Outcome.Forbidden) return Forbid();
        Errors = result.Errors ?? [];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Cases = await agenda.ListAsync(ct);
        Areas = (await areas.GetAsync(ct)).All.Where(a => a.Level != AreaLevel.Municipality).OrderBy(a => a.Code).ToList();
    }
}

/// <summary>The fields of a case as a form posts them.</summary>
public sealed class CaseForm
{
    public string? Title { get; set; }
    public string? AreaCode { get; set; }
    public string? Situation { get; set; }
    public string? Reflection { get; set; }
    public string? Direction { get; set; }
    public string? Visibility { get; set; }
    public bool ConfirmPersonalData { get; set; }

    public CaseInput ToInput() => new(Title, AreaCode, Situation, Reflection, Direction, Visibility, ConfirmPersonalData);
}
