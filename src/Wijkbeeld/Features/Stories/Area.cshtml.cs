using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;

namespace Wijkbeeld.Features.Stories;

/// <summary>The reading view of one area: its stories as quotes, newest first (a wijk includes its buurten).</summary>
public sealed class AreaModel(StoryReader reader, AreaIndex areaIndex, Viewer viewer) : PageModel
{
    public AreaInfo Area { get; private set; } = null!;
    public AreaInfo? Parent { get; private set; }
    public IReadOnlyList<StoryDto> Stories { get; private set; } = [];
    public IReadOnlyDictionary<string, string> ThemeNames { get; private set; } = new Dictionary<string, string>();
    public bool CanWrite => viewer.CanWrite;

    public async Task<IActionResult> OnGetAsync(string areaCode, CancellationToken ct)
    {
        var map = await areaIndex.GetAsync(ct);
        if (map.Find(areaCode) is not { } area) return NotFound();
        Area = area;
        Parent = map.Find(area.ParentCode);
        ThemeNames = (await reader.ThemesAsync(ct)).ToDictionary(t => t.Code, t => t.Name);
        Stories = await reader.ListAsync(new StoryFilter(area, null, null, null), ct, 500);
        return Page();
    }
}
