using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NetTopologySuite.Geometries;
using Wijkbeeld.Features.Areas;

namespace Wijkbeeld.Features.Items;

/// <summary>The filter as it arrives in a URL: the same names for the map page, the list and the API.</summary>
public sealed record ItemQuery
{
    [Description("minLon,minLat,maxLon,maxLat (WGS84)")]
    [FromQuery(Name = "bbox")]
    public string? Bbox { get; init; }
    [Description("Soort(en), herhaald of met komma's: voorziening, kans, opgave, initiatief, kracht, signaal, gebeurtenis")]
    [FromQuery(Name = "kind")]
    public string[]? Kind { get; init; }
    [Description("Themacode(s)")]
    [FromQuery(Name = "theme")]
    public string[]? Theme { get; init; }
    [Description("Status(sen)")]
    [FromQuery(Name = "status")]
    public string[]? Status { get; init; }
    [Description("Code van gemeente, wijk of buurt (GM0400, WK040001, BU04000101)")]
    [FromQuery(Name = "area")]
    public string? Area { get; init; }
    [FromQuery(Name = "id")]
    [Description("Alleen deze item-id('s)")]
    public string[]? Id { get; init; }
    [Description("Zoektekst in titel en beschrijving")]
    [FromQuery(Name = "q")]
    public string? Q { get; init; }
    [Description("Pagina, vanaf 1")]
    [FromQuery(Name = "page")]
    public string? Page { get; init; }
    [Description("Aantal per pagina (1-500)")]
    [FromQuery(Name = "pageSize")]
    public string? PageSize { get; init; }

    /// <summary>This filter as a URL query string ("?kind=kans&amp;area=WK040001"), empty parts left out.</summary>
    public string ToQueryString()
    {
        var parts = new List<KeyValuePair<string, string?>>();
        void Add(string name, params string?[]? values)
        {
            foreach (var value in values ?? [])
            {
                if (!string.IsNullOrWhiteSpace(value)) parts.Add(new(name, value));
            }
        }
        Add("kind", Kind);
        Add("theme", Theme);
        Add("status", Status);
        Add("id", Id);
        Add("area", Area);
        Add("q", Q);
        Add("bbox", Bbox);
        Add("page", Page is "1" ? null : Page);
        Add("pageSize", PageSize);
        return QueryString.Create(parts).ToString();
    }

    public static ItemQuery From(IQueryCollection query) => new()
    {
        Bbox = query["bbox"].FirstOrDefault(),
        Kind = query["kind"].Where(v => v is not null).ToArray()!,
        Theme = query["theme"].Where(v => v is not null).ToArray()!,
        Status = query["status"].Where(v => v is not null).ToArray()!,
        Area = query["area"].FirstOrDefault(),
        Id = query["id"].Where(v => v is not null).ToArray()!,
        Q = query["q"].FirstOrDefault(),
        Page = query["page"].FirstOrDefault(),
        PageSize = query["pageSize"].FirstOrDefault(),
    };
}

/// <summary>A checked <see cref="ItemQuery"/>.</summary>
public sealed record ItemFilter(
    Envelope? Bbox, IReadOnlyList<ItemKind> Kinds, IReadOnlyList<string> Themes, IReadOnlyList<string> Statuses,
    AreaInfo? Area, string? Q, int Page, int PageSize, IReadOnlyList<int>? Ids = null)
{
    public const int MaxPageSize = 500;
    public const int MaxQueryLength = 200;

    public bool IsEmpty => Kinds.Count == 0 && Themes.Count == 0 && Statuses.Count == 0 && Area is null && Q is null;

    public static (ItemFilter? Filter, Dictionary<string, string[]> Errors) Parse(
        ItemQuery query, AreaMap areas, IReadOnlySet<string> themeCodes, IStringLocalizer text,
        int defaultPageSize = 50, int maxPageSize = MaxPageSize)
    {
        var errors = new Dictionary<string, string[]>();

        Envelope? bbox = null;
        if (!string.IsNullOrWhiteSpace(query.Bbox))
        {
            var parts = query.Bbox.Split(',');
            var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray();
            if (numbers.Length != 4 || numbers.Any(n => !double.IsFinite(n)) ||
                numbers[0] < -180 || numbers[2] > 180 || numbers[1] < -90 || numbers[3] > 90 ||
                numbers[0] > numbers[2] || numbers[1] > numbers[3])
            {
                errors["bbox"] = [text["Error.Bbox"]];
            }
            else
            {
                bbox = new Envelope(numbers[0], numbers[2], numbers[1], numbers[3]);
            }
        }

        var kinds = new List<ItemKind>();
        foreach (var code in Split(query.Kind))
        {
            if (ItemCatalog.TryParseKind(code, out var kind)) kinds.Add(kind);
            else errors["kind"] = [text["Error.KindUnknown", string.Join(", ", ItemCatalog.Kinds.Select(k => k.Code))]];
        }

        var themes = Split(query.Theme).Select(t => t.ToLowerInvariant()).ToList();
        if (themes.FirstOrDefault(t => !themeCodes.Contains(t)) is { } unknownTheme)
        {
            errors["theme"] = [text["Error.ThemeUnknown", unknownTheme]];
        }

        var statuses = Split(query.Status).Select(s => s.ToLowerInvariant()).ToList();
        if (statuses.Any(s => !ItemCatalog.AllStatuses.Contains(s)))
        {
            errors["status"] = [text["Error.StatusUnknown", string.Join(", ", ItemCatalog.AllStatuses)]];
        }

        AreaInfo? area = null;
        if (!string.IsNullOrWhiteSpace(query.Area))
        {
            area = areas.Find(query.Area);
            if (area is null)
            {
                errors["area"] = [text["Error.AreaUnknown", query.Area.Trim()]];
            }
        }

        var ids = new List<int>();
        foreach (var value in Split(query.Id))
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) ids.Add(id);
            else errors["id"] = [text["Error.NumberRange", 1, int.MaxValue]];
        }
        if (ids.Count > MaxPageSize)
        {
            errors["id"] = [text["Error.NumberRange", 1, MaxPageSize]];
        }

        var q = ItemRules.Clean(query.Q);
        if (q is { Length: > MaxQueryLength })
        {
            errors["q"] = [text["Error.TooLong", MaxQueryLength]];
        }

        var page = ParseInt(query.Page, 1, 1, 1_000_000, "page");
        var pageSize = ParseInt(query.PageSize, defaultPageSize, 1, maxPageSize, "pageSize");

        return errors.Count > 0
            ? (null, errors)
            : (new ItemFilter(bbox, kinds.Distinct().ToList(), themes.Distinct().ToList(), statuses.Distinct().ToList(), area, q, page, pageSize,
                ids.Count == 0 ? null : ids.Distinct().ToList()), errors);

        int ParseInt(string? value, int fallback, int min, int max, string field)
        {
            if (string.IsNullOrWhiteSpace(value)) return fallback;
            if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
            errors[field] = [text["Error.NumberRange", min, max]];
            return fallback;
        }
    }

    static IEnumerable<string> Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}

public static class ItemQueries
{
    public static IQueryable<Item> Filter(this IQueryable<Item> items, ItemFilter filter)
    {
        if (filter.Bbox is { } b)
        {
            items = items.Where(i => i.Longitude >= b.MinX && i.Longitude <= b.MaxX && i.Latitude >= b.MinY && i.Latitude <= b.MaxY);
        }
        if (filter.Ids is { } ids)
        {
            items = items.Where(i => ids.Contains(i.Id));
        }
        if (filter.Kinds.Count > 0)
        {
            var kinds = filter.Kinds;
            items = items.Where(i => kinds.Contains(i.Kind));
        }
        if (filter.Themes.Count > 0)
        {
            var themes = filter.Themes;
            items = items.Where(i => i.Themes.Any(t => themes.Contains(t.ThemeCode)));
        }
        if (filter.Statuses.Count > 0)
        {
            var statuses = filter.Statuses;
            items = items.Where(i => statuses.Contains(i.Status));
        }
        if (filter.Area is { } area)
        {
            items = items.InArea(area);
        }
        if (filter.Q is { } q)
        {
            var lower = q.ToLower();
            items = items.Where(i => i.Title.ToLower().Contains(lower) || i.Description.ToLower().Contains(lower));
        }
        return items;
    }

    public static IQueryable<Item> Newest(this IQueryable<Item> items) =>
        items.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id);

    public static IQueryable<Item> Page(this IQueryable<Item> items, ItemFilter filter) =>
        items.Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize);

    public static IQueryable<Item> WithDetails(this IQueryable<Item> items) =>
        items.Include(i => i.Themes).Include(i => i.Links).AsSplitQuery();
}
