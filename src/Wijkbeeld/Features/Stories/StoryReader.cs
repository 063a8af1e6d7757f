using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Stories;

/// <summary>Filters as they come in the query string (API, list page and CSV share them).</summary>
public sealed record StoryQuery(string? Area = null, string? Theme = null, string? Source = null, string? Q = null)
{
    public static StoryQuery Parse(IQueryCollection q) =>
        new(q["area"].FirstOrDefault(), q["theme"].FirstOrDefault(), q["source"].FirstOrDefault(), q["q"].FirstOrDefault());

    public string ToQueryString() => QueryString.Create(new Dictionary<string, string?>
    {
        ["area"] = Area, ["theme"] = Theme, ["source"] = Source, ["q"] = Q,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
}

public sealed record StoryFilter(AreaInfo? Area, string? Theme, string? Source, string? Q);

public sealed record StoryDto(
    int Id, string Text, string Source, IReadOnlyList<string> Themes, string Area, string AreaName, string Date,
    double? Latitude, double? Longitude, string Visibility, string Status, DateTime CreatedAt, int Version)
{
    public string ETag => $"\"{Version}\"";
}

public sealed record CountDto(string Code, string Name, int Count);

public sealed record StoryCountsDto(int Total, IReadOnlyList<CountDto> Themes, IReadOnlyList<CountDto> Sources);

public sealed record PendingStoryDto(int Id, string Text, string Source, IReadOnlyList<string> Themes, string Area, string AreaName, string Date, DateTime CreatedAt, int Version);

public sealed class StoryReader(WijkbeeldDb db, AreaIndex areas, IStringLocalizer<Texts> text)
{
    public const int MaxResults = 2000;
    public const int QueryMaxLength = 100;

    public async Task<(StoryFilter? Filter, Dictionary<string, string[]> Errors)> ParseAsync(StoryQuery query, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        AreaInfo? area = null;
        if (!string.IsNullOrWhiteSpace(query.Area))
        {
            area = (await areas.GetAsync(ct)).Find(query.Area);
            if (area is null) errors["area"] = [text["Stories.Error.Area"]];
        }
        var source = string.IsNullOrWhiteSpace(query.Source) ? null : query.Source.Trim().ToLowerInvariant();
        if (source is not null && !StoryCatalog.Sources.Contains(source)) errors["source"] = [text["Stories.Error.Source"]];
        var theme = string.IsNullOrWhiteSpace(query.Theme) ? null : query.Theme.Trim().ToLowerInvariant();
        if (theme is not null && (theme.Contains(',') || !await db.Themes.AnyAsync(t => t.Code == theme, ct))) errors["theme"] = [text["Stories.Error.Themes"]];
        var q = ItemRules.Clean(query.Q);
        if (q is not null && q.Length > QueryMaxLength) errors["q"] = [text["Error.TooLong", QueryMaxLength]];
        return errors.Count > 0 ? (null, errors) : (new StoryFilter(area, theme, source, q), errors);
    }

    IQueryable<Story> Filtered(StoryFilter filter)
    {
        var query = db.Stories.AsNoTracking();
        if (filter.Area is { } area) query = query.InArea(area);
        if (filter.Source is { } source) query = query.Where(s => s.SourceType == source);
        if (filter.Theme is { } theme)
        {
            var needle = "," + theme + ",";
            query = query.Where(s => ("," + s.Themes + ",").Contains(needle));
        }
        if (filter.Q is { } q)
        {
            var lower = q.ToLowerInvariant();
            query = query.Where(s => s.Text.ToLower().Contains(lower));
        }
        return query;
    }

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<StoryDto>> ListAsync(StoryFilter filter, CancellationToken ct, int max = MaxResults)
    {
        var rows = await Filtered(filter).OrderByDescending(s => s.ToldOn).ThenByDescending(s => s.Id).Take(max).ToListAsync(ct);
        var map = await areas.GetAsync(ct);
        return rows.Select(s => ToDto(s, map)).ToList();
    }

    public async Task<StoryCountsDto> CountAsync(StoryFilter filter, CancellationToken ct)
    {
        var rows = await Filtered(filter).Select(s => new { s.Themes, s.SourceType }).ToListAsync(ct);
        var names = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        var themes = rows.SelectMany(r => StoryCatalog.SplitThemes(r.Themes)).GroupBy(t => t)
            .Select(g => new CountDto(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var sources = StoryCatalog.Sources
            .Select(code => new CountDto(code, text["Stories.Source." + code], rows.Count(r => r.SourceType == code)))
            .Where(c => c.Count > 0).ToList();
        return new StoryCountsDto(rows.Count, themes, sources);
    }

    public async Task<StoryDto?> GetAsync(int id, CancellationToken ct) =>
        await db.Stories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s ? ToDto(s, await areas.GetAsync(ct)) : null;

    /// <summary>Stories residents told that wait for a moderator, oldest first.</summary>
    public async Task<IReadOnlyList<PendingStoryDto>> PendingAsync(CancellationToken ct)
    {
        var rows = await db.Stories.IgnoreQueryFilters([WijkbeeldDb.ModerationFilter]).AsNoTracking()
            .Where(s => s.Moderation == ModerationState.Pending).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(ct);
        var map = await areas.GetAsync(ct);
        return rows.Select(s => new PendingStoryDto(s.Id, s.Text, s.SourceType, StoryCatalog.SplitThemes(s.Themes), s.AreaCode,
            map.Find(s.AreaCode)?.Name ?? s.AreaCode, Date(s.ToldOn), s.CreatedAt, s.Version)).ToList();
    }

    public Task<int> PendingCountAsync(CancellationToken ct) =>
        db.Stories.IgnoreQueryFilters([WijkbeeldDb.ModerationFilter]).CountAsync(s => s.Moderation == ModerationState.Pending, ct);

    public Task<List<Theme>> ThemesAsync(CancellationToken ct) => db.Themes.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);

    public static StoryDto ToDto(Story s, AreaMap map) => new(
        s.Id, s.Text, s.SourceType, StoryCatalog.SplitThemes(s.Themes), s.AreaCode, map.Find(s.AreaCode)?.Name ?? s.AreaCode, Date(s.ToldOn),
        s.Latitude, s.Longitude, s.Visibility.Code(), StatusCode(s.Moderation), s.CreatedAt, s.Version);

    static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string StatusCode(ModerationState state) => state switch
    {
        ModerationState.Pending => "wacht",
        ModerationState.Rejected => "afgewezen",
        _ => "zichtbaar",
    };
}

/// <summary>What the filter partial needs.</summary>
public sealed record StoryFiltersView(StoryQuery Query, IReadOnlyList<Theme> Themes, AreaMap Areas, string Action, IReadOnlyDictionary<string, string[]> Errors);
