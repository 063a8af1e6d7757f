using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Accounts;

namespace Wijkbeeld.Features.Sessions;

/// <summary>The session report, printable: programme, participants, outputs, parked topics and evaluation.</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class ReportModel(SessionService sessions) : PageModel
{
    public SessionDto Session { get; private set; } = null!;
    public int ParticipantCount => Session.Breakouts.Sum(b => b.Members.Count) + Session.Unassigned.Count;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await sessions.GetAsync(id, ct) is not { } session) return NotFound();
        Session = session;
        return Page();
    }
}
