using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Werkagenda;

namespace Wijkbeeld.Features.Network.WhosWho;

/// <summary>/competenties: pick my strongest competences, see the team's strengths and gaps, and compare with a case.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class CompetencesModel(Competences game, Viewer viewer) : PageModel
{
    [FromQuery(Name = "case")] public int? Case { get; set; }
    [FromQuery(Name = "all")] public bool All { get; set; }
    [BindProperty] public List<string> Codes { get; set; } = [];
    public IReadOnlyList<string> Mine { get; private set; } = [];
    public TeamProfile Team { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Title)> Cases { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? ErrorSection { get; private set; }
    public Viewer Viewer => viewer;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    async Task<bool> LoadAsync(CancellationToken ct)
    {
        Mine = await game.MineAsync(ct);
        Cases = await game.CasesAsync(ct);
        if (Case is { } id && Cases.All(c => c.Id != id)) return false;
        Team = (await game.TeamAsync(Case, All, ct))!;
        return true;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await game.SaveMineAsync(new PicksInput(Codes), ct);
        if (result.Outcome == Outcome.Ok)
        {
            TempData["Message"] = "Competences.Saved";
            return Redirect("/competenties" + Request.QueryString);
        }
        if (result.Outcome == Outcome.Forbidden) return Forbid();
        await LoadAsync(ct);
        Mine = Codes;
        (Errors, ErrorSection) = (result.Errors ?? [], "mine");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostNeedsAsync(CancellationToken ct)
    {
        if (Case is not { } id) return NotFound();
        var result = await game.SaveNeedsAsync(id, new CaseNeedsInput(Codes), ct);
        switch (result.Outcome)
        {
            case Outcome.Ok:
                TempData["Message"] = "Competences.NeedsSaved";
                return Redirect("/competenties" + Request.QueryString);
            case Outcome.NotFound: return NotFound();
            case Outcome.Forbidden: return Forbid();
            default:
                await LoadAsync(ct);
                (Errors, ErrorSection) = (result.Errors ?? [], "needs");
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
        }
    }
}
