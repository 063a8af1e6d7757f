using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Map;

/// <summary>The wijkkaart: filters, the Leaflet map and the list of items in view (the list works without JavaScript).</summary>
public sealed class IndexModel(ItemReader reader, AreaIndex areaIndex, IOptions<MapOptions> mapOptions, IStringLocalizer<Texts> text) : PageModel
{
    public ItemQuery Query { get; private set; } = new();
    public ItemFilter? Filter { get; private set; }
    public ItemPage? Results { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public AreaMap Areas { get; private set; } = null!;
    public MapOptions Map => mapOptions.Value;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid || Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Request.IsHtmx() ? Partial("_ItemList", this) : Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Query = ItemQuery.From(Request.Query);
        Areas = await areaIndex.GetAsync(ct);
        Themes = await reader.ThemesAsync(ct);
        (Filter, Errors) = await reader.ParseAsync(Query, ct);
        if (Filter is not null)
        {
            Results = await reader.PageAsync(Filter, ct);
        }
    }

    public AreaInfo? Municipality => Areas.All.FirstOrDefault(a => a.Level == AreaLevel.Municipality);

    /// <summary>Labels the map script needs, in the page so it makes no extra request.</summary>
    public string CatalogJson() => JsonSerializer.Serialize(new
    {
        kinds = ItemCatalog.Kinds.ToDictionary(k => k.Code, k => text["Kind." + k.Code].Value),
        statuses = ItemCatalog.AllStatuses.ToDictionary(s => s, s => text["Status." + s].Value),
        text = new
        {
            open = text["Map.OpenItem"].Value,
            stale = text["Item.Stale"].Value,
            legend = text["Map.Legend"].Value,
            itemsInView = text["Map.ItemsInView"].Value,
            loadError = text["Map.LoadError"].Value,
            zoomIn = text["Map.ZoomIn"].Value,
            changes = new Dictionary<string, string>
            {
                ["created"] = text["Live.Created"], ["updated"] = text["Live.Updated"],
                ["commented"] = text["Live.Commented"], ["deleted"] = text["Live.Deleted"],
            },
            zoomOut = text["Map.ZoomOut"].Value,
        },
    });

    /// <summary>The current filter as a query string without paging, for links.</summary>
    public string FilterQuery(int page) =>
        (Query with { Page = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToQueryString();

    public bool KindSelected(string code) => Filter?.Kinds.Any(k => k.Code() == code) == true;
}
