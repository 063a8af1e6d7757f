using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkbeeld.Features.Areas;

public sealed class IndexModel(AreaIndex index) : PageModel
{
    public AreaMap Areas { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Areas = await index.GetAsync(ct);

    public IEnumerable<AreaInfo> ChildrenOf(string code) =>
        Areas.All.Where(a => a.ParentCode == code).OrderBy(a => a.Code);
}
