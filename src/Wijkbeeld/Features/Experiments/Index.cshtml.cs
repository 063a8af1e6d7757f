using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Experiments;

/// <summary>All experiments, and the form to start one.</summary>
public sealed class IndexModel(WijkbeeldDb db, AreaIndex areaIndex, ExperimentService experiments, Viewer viewer) : PageModel
{
    public IReadOnlyList<Experiment> Experiments { get; private set; } = [];
    public AreaMap Areas { get; private set; } = null!;
    public bool CanWrite => viewer.CanWrite;
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    [BindProperty] public ExperimentInput Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!viewer.CanWrite) return Forbid();
        var (experiment, errors) = await experiments.CreateAsync(Form, ct);
        if (experiment is null)
        {
            Errors = errors;
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = "Experiments.Created";
        return Redirect($"/experimenten/{experiment.Id}");
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Areas = await areaIndex.GetAsync(ct);
        Experiments = await db.Experiments.AsNoTracking().OrderByDescending(e => e.StartsOn).ThenByDescending(e => e.Id).Take(200).ToListAsync(ct);
    }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;
}
