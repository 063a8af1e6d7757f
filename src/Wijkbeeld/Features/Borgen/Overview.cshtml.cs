using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Experiments;

namespace Wijkbeeld.Features.Borgen;

/// <summary>
/// Successen vasthouden for one area: what was secured (owner, budget, meeting, next review, overdue flag) and what
/// still depends on the project team (experiments decided "borgen" and actions done without an owner yet).
/// </summary>
public sealed class OverviewModel(SafeguardService safeguards, AreaIndex areaIndex, Viewer viewer, IStringLocalizer<Texts> text) : PageModel
{
    public AreaInfo Area { get; private set; } = null!;
    public AreaMap Areas { get; private set; } = null!;
    public BorgenOverview Overview { get; private set; } = null!;
    public bool CanWrite => viewer.CanWrite;
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    [BindProperty] public SafeguardInput Form { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "bron")] public string? Source { get; set; }
    [BindProperty] public int SafeguardId { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? NextReviewOn { get; set; }

    public async Task<IActionResult> OnGetAsync(string? areaCode, CancellationToken ct)
    {
        if (!await LoadAsync(areaCode, ct)) return NotFound();
        Form = new SafeguardInput { NextReviewOn = safeguards.Today.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? areaCode, [FromForm(Name = "Source")] string? source, CancellationToken ct)
    {
        if (!viewer.CanWrite) return Forbid();
        if (!await LoadAsync(areaCode, ct)) return NotFound();
        Source = source;
        var input = Form with
        {
            AreaCode = Area.Code,
            ExperimentId = Parse(source, "experiment"),
            ActionId = Parse(source, "actie"),
        };
        var (safeguard, errors) = await safeguards.CreateAsync(input, ct);
        if (safeguard is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = "Borgen.Created";
        return Redirect($"/borgen/{Area.Code}#safeguard-{safeguard.Id}");
    }

    /// <summary>The review took place: record the date of the next one (this clears the "achterstallig" flag).</summary>
    public async Task<IActionResult> OnPostReviewAsync(string? areaCode, CancellationToken ct)
    {
        if (!viewer.CanWrite) return Forbid();
        if (await safeguards.GetAsync(SafeguardId, ct) is not { } current) return NotFound();
        var (outcome, _, errors) = await safeguards.UpdateAsync(SafeguardId, Version, SafeguardInput.From(current) with { NextReviewOn = NextReviewOn }, ct);
        if (outcome == Outcome.NotFound) return NotFound();
        if (outcome == Outcome.Forbidden) return Forbid();
        if (!await LoadAsync(areaCode, ct)) return NotFound();
        if (outcome is Outcome.Invalid or Outcome.Conflict)
        {
            Errors = outcome == Outcome.Conflict ? new() { ["nextReviewOn"] = [text["Problem.Conflict"]] } : errors;
            Response.StatusCode = outcome == Outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = "Borgen.Reviewed";
        return Redirect($"/borgen/{Area.Code}#safeguard-{SafeguardId}");
    }

    static int? Parse(string? source, string kind) =>
        source is not null && source.StartsWith(kind + "-", StringComparison.Ordinal)
        && int.TryParse(source.AsSpan(kind.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    async Task<bool> LoadAsync(string? areaCode, CancellationToken ct)
    {
        Areas = await areaIndex.GetAsync(ct);
        var area = areaCode is null ? Areas.All.FirstOrDefault(a => a.Level == AreaLevel.Municipality) : Areas.Find(areaCode);
        if (area is null) return false;
        Area = area;
        Overview = await safeguards.OverviewAsync(area, ct);
        return true;
    }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;
}
