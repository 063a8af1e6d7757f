using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Contributions;

/// <summary>The moderation queue: coordinators approve (as is or edited), merge into an existing item, or reject with a reason.</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class ModerationModel(WijkbeeldDb db, Contributions contributions, AreaIndex areas, IStringLocalizer<Texts> text) : PageModel
{
    [BindProperty] public int Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? TargetItemId { get; set; }
    public IReadOnlyList<PendingContribution> Pending { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    AreaMap? map;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) =>
        DecideAsync(new ModerationInput(Contributions.Approve, null, null, Title, Description, null), "Moderation.Approved", ct);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) =>
        DecideAsync(new ModerationInput(Contributions.Reject, Reason, null, null, null, null), "Moderation.Rejected", ct);

    public Task<IActionResult> OnPostMergeAsync(CancellationToken ct) =>
        DecideAsync(new ModerationInput(Contributions.Merge, null, TargetItemId, null, null, null), "Moderation.Merged", ct);

    async Task<IActionResult> DecideAsync(ModerationInput input, string done, CancellationToken ct)
    {
        var (result, errors) = await contributions.DecideAsync(Id, Version, input, ct);
        if (result?.Outcome == ChangeOutcome.Done)
        {
            TempData["Message"] = done;
            return RedirectToPage();
        }
        Errors = errors.Count > 0 ? errors : new() { ["id"] = [result?.Outcome == ChangeOutcome.Conflict ? text["Problem.Conflict"] : text["Moderation.NotFound"]] };
        Response.StatusCode = result?.Outcome == ChangeOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Pending = await Contributions.PendingQuery(db).ToListAsync(ct);
        map = await areas.GetAsync(ct);
    }

    public string AreaName(string? code) => map?.Find(code)?.Name ?? "-";
}
