using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Features.Network.WhosWho;

/// <summary>
/// /krachten: the strengths inventory of the blog ("de sterke punten van de wijk": informal clubs, places, key
/// figures) — the map's kracht items per area with how to reach them. The items' own visibility applies; the
/// contact route is shown to signed-in partners only, as in the item export.
/// </summary>
public sealed class StrengthsModel(ItemReader reader, AreaIndex areaIndex, Viewer viewer) : PageModel
{
    [FromQuery(Name = "area")] public string? Area { get; set; }
    public IReadOnlyList<AreaInfo> Areas { get; private set; } = [];
    public IReadOnlyList<IGrouping<string, ItemDto>> Groups { get; private set; } = [];
    public int Total { get; private set; }
    public bool ShowContact => viewer.IsSignedIn;
    public string MapLink => "/?kind=kracht" + (string.IsNullOrEmpty(Area) ? "" : "&area=" + Uri.EscapeDataString(Area));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var map = await areaIndex.GetAsync(ct);
        Areas = map.All.Where(a => a.Level != AreaLevel.Municipality).OrderBy(a => a.Level).ThenBy(a => a.Name).ToList();
        if (!string.IsNullOrEmpty(Area) && map.Find(Area) is null) Area = null;
        var query = new ItemQuery { Kind = [ItemKind.Strength.Code()], Area = Area, PageSize = ItemFilter.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var (filter, _) = await reader.ParseAsync(query, ct);
        var page = await reader.PageAsync(filter!, ct);
        Total = page.Total;
        Groups = page.Items.OrderBy(i => i.Neighbourhood?.Name).ThenBy(i => i.Title)
            .GroupBy(i => i.Neighbourhood?.Name ?? i.District?.Name ?? "").ToList();
    }
}
