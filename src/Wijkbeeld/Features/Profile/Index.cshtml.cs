using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Areas;

namespace Wijkbeeld.Features.Profile;

/// <summary>All wijken and buurten, each a link to its profile.</summary>
public sealed class IndexModel(AreaIndex index) : PageModel
{
    public AreaMap Areas { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Areas = await index.GetAsync(ct);

    public IEnumerable<AreaInfo> ChildrenOf(string code) => Areas.All.Where(a => a.ParentCode == code).OrderBy(a => a.Name);
}
