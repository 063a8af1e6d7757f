using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Timeline;

/// <summary>Which area's timeline to open: every wijk and buurt with the number of moments on it.</summary>
public sealed class IndexModel(AreaIndex areaIndex, WijkbeeldDb db) : PageModel
{
    public AreaMap Areas { get; private set; } = null!;
    public Dictionary<string, int> Counts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Areas = await areaIndex.GetAsync(ct);
        Counts = await db.TimelineMoments.GroupBy(m => m.AreaCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
