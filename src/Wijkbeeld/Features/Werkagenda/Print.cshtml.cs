using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Accounts;

namespace Wijkbeeld.Features.Werkagenda;

/// <summary>The work agenda of one case as one printable page: no forms, the slider averages of the latest round.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PrintModel(WorkAgenda agenda) : PageModel
{
    public CaseDto Case { get; private set; } = null!;
    public ScanResult? LatestScan { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await agenda.GetAsync(id, ct) is not { } c) return NotFound();
        Case = c;
        if (c.Rounds.Count > 0) LatestScan = await agenda.ResultAsync(c.Rounds[^1].Id, ct);
        return Page();
    }
}
