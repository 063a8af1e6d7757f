using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Map;

namespace Wijkbeeld.Features.Sessions;

/// <summary>A breakout board: the group's live copy of the area's map, its notes column and its parked topics.</summary>
public sealed class BoardModel(SessionService sessions, SessionAccess access, AreaIndex areas, IOptions<MapOptions> map, IStringLocalizer<Texts> text)
    : SessionPageModel(sessions, access, areas, map, text)
{
    public BreakoutDto Breakout { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int number, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } other) return other;
        var breakout = Session.Breakouts.FirstOrDefault(b => b.Number == number);
        if (breakout is null) return NotFound();
        // A participant works on their own group's board only (the plenary shows them all).
        if (!Actor.IsFacilitator && Actor.BreakoutNumber != number) return Redirect($"/sessies/{id}/deelnemer");
        Breakout = breakout;
        return Page();
    }
}
