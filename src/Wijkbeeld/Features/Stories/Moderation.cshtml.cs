using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;

namespace Wijkbeeld.Features.Stories;

/// <summary>The stories residents told that wait for a moderator: approve (as is or with a name taken out) or reject with a reason.</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class ModerationModel(StoryReader reader, StoryService stories, IStringLocalizer<Texts> text) : PageModel
{
    [BindProperty] public int Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public IReadOnlyList<PendingStoryDto> Pending { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Pending = await reader.PendingAsync(ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) =>
        DecideAsync(new StoryModerationInput(StoryService.Approve, null, Text), "Stories.Moderation.Approved", ct);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) =>
        DecideAsync(new StoryModerationInput(StoryService.Reject, Reason, null), "Stories.Moderation.Rejected", ct);

    async Task<IActionResult> DecideAsync(StoryModerationInput input, string done, CancellationToken ct)
    {
        var (outcome, errors) = await stories.DecideAsync(Id, Version, input, ct);
        if (outcome == StoryOutcome.Done)
        {
            TempData["Message"] = done;
            return RedirectToPage();
        }
        Errors = errors.Count > 0 ? errors : new() { ["id"] = [outcome == StoryOutcome.Conflict ? text["Problem.Conflict"] : text["Moderation.NotFound"]] };
        Response.StatusCode = outcome == StoryOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        Pending = await reader.PendingAsync(ct);
        return Page();
    }
}
