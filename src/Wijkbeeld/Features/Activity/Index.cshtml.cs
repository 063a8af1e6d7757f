using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Activity;

/// <summary>"Wat speelt er": the newest changes in the municipality, a wijk or a buurt, filtered by kind and theme.</summary>
public sealed class IndexModel(ItemReader reader, ChangeFeed feed, AreaIndex areaIndex, IStringLocalizer<Texts> text) : PageModel
{
    public ItemQuery Query { get; private set; } = new();
    public ActivityFilter? Filter { get; private set; }
    public ActivityPage? Results { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public AreaMap Areas { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Query = ItemQuery.From(Request.Query) with { Bbox = null, Status = null, Q = null };
        Areas = await areaIndex.GetAsync(ct);
        Themes = await reader.ThemesAsync(ct);
        (Filter, Errors) = await ActivityEndpoints.ParseAsync(Query, null, reader, text, ct);
        if (Filter is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            Results = await feed.ReadAsync(Filter, ct);
        }
        return Request.IsHtmx() ? Partial("_ActivityList", this) : Page();
    }

    public string AreaName(string? code) => Areas.Find(code)?.Name ?? "";

    public string PageLink(int page) =>
        "/activiteit" + (Query with { Page = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToQueryString();

    public string AtomLink => "/api/activity.atom" + (Query with { Page = null, PageSize = null }).ToQueryString();
}
