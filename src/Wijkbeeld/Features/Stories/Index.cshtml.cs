using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Features.Stories;

/// <summary>All stories the viewer may see, with search, filters on theme, source and area, and counts per theme and source.</summary>
public sealed class IndexModel(StoryReader reader, AreaIndex areaIndex, Viewer viewer) : PageModel
{
    public const int ListSize = 200;

    public StoryQuery Query { get; private set; } = new();
    public IReadOnlyList<StoryDto> Results { get; private set; } = [];
    public StoryCountsDto Counts { get; private set; } = new(0, [], []);
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IReadOnlyDictionary<string, string> ThemeNames { get; private set; } = new Dictionary<string, string>();
    public AreaMap Areas { get; private set; } = null!;
    public int Pending { get; private set; }
    public bool CanWrite => viewer.CanWrite;
    public bool CanModerate => viewer.CanModerate;

    public StoryFiltersView Filters => new(Query, Themes, Areas, "/verhalen", Errors);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Query = StoryQuery.Parse(Request.Query);
        Themes = await reader.ThemesAsync(ct);
        ThemeNames = Themes.ToDictionary(t => t.Code, t => t.Name);
        Areas = await areaIndex.GetAsync(ct);
        if (viewer.CanModerate) Pending = await reader.PendingCountAsync(ct);
        (var filter, Errors) = await reader.ParseAsync(Query, ct);
        if (filter is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Results = await reader.ListAsync(filter, ct, ListSize);
        Counts = await reader.CountAsync(filter, ct);
    }

    /// <summary>The list with one filter set to a value (the count links).</summary>
    public string With(string? theme = null, string? source = null) =>
        "/verhalen" + (Query with { Theme = theme ?? Query.Theme, Source = source ?? Query.Source }).ToQueryString();
}
