using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Observations;

/// <summary>Filters as they come in the query string (API, list page and map page share them).</summary>
public sealed record ObservationQuery(string? PartOfDay = null, string? Weekday = null, string? Group = null, string? Area = null,
    string? From = null, string? To = null)
{
    public static ObservationQuery Parse(IQueryCollection q) =>
        new(q["partOfDay"].FirstOrDefault(), q["weekday"].FirstOrDefault(), q["group"].FirstOrDefault(), q["area"].FirstOrDefault(),
            q["from"].FirstOrDefault(), q["to"].FirstOrDefault());

    public string ToQueryString() => QueryString.Create(new Dictionary<string, string?>
    {
        ["partOfDay"] = PartOfDay, ["weekday"] = Weekday, ["group"] = Group, ["area"] = Area, ["from"] = From, ["to"] = To,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
}

public sealed record ObservationFilter(PartOfDay? PartOfDay, int? Weekday, string? Group, AreaInfo? Area, DateOnly? From, DateOnly? To);

public sealed record ObservationDto(
    int Id, string Date, string PartOfDay, string Weekday, string Group, string GroupName, int? Count, string Activity,
    IReadOnlyList<string> Signals, string Notes, double Latitude, double Longitude, string? Neighbourhood, string? District,
    string Visibility, string CreatedBy, DateTime CreatedAt);

public sealed class ObservationReader(WijkbeeldDb db, AreaIndex areas, IStringLocalizer<Texts> text)
{
    public const int MaxResults = 5000;

    public async Task<(ObservationFilter? Filter, Dictionary<string, string[]> Errors)> ParseAsync(ObservationQuery query, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        PartOfDay? part = null;
        if (!string.IsNullOrWhiteSpace(query.PartOfDay))
        {
            if (ObservationCatalog.TryParsePartOfDay(query.PartOfDay, out var p)) part = p;
            else errors["partOfDay"] = [text["Observations.Error.PartOfDay"]];
        }
        int? weekday = null;
        if (!string.IsNullOrWhiteSpace(query.Weekday))
        {
            weekday = ObservationCatalog.ParseWeekday(query.Weekday);
            if (weekday is null) errors["weekday"] = [text["Observations.Error.Weekday"]];
        }
        AreaInfo? area = null;
        if (!string.IsNullOrWhiteSpace(query.Area))
        {
            area = (await areas.GetAsync(ct)).Find(query.Area);
            if (area is null) errors["area"] = [text["Observations.Error.Area"]];
        }
        DateOnly? Date(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            errors[field] = [text["Observations.Error.DateInvalid"]];
            return null;
        }
        var from = Date(query.From, "from");
        var to = Date(query.To, "to");
        var group = string.IsNullOrWhiteSpace(query.Group) ? null : query.Group.Trim().ToLowerInvariant();
        return errors.Count > 0 ? (null, errors) : (new ObservationFilter(part, weekday, group, area, from, to), errors);
    }

    public async Task<IReadOnlyList<ObservationDto>> ListAsync(ObservationFilter filter, CancellationToken ct, int max = MaxResults)
    {
        var query = db.Observations.AsNoTracking();
        if (filter.PartOfDay is { } part) query = query.Where(o => o.PartOfDay == part);
        if (filter.Weekday is { } weekday) query = query.Where(o => o.Weekday == weekday);
        if (filter.Group is { } group) query = query.Where(o => o.GroupCode == group);
        if (filter.Area is { } area) query = query.InArea(area);
        if (filter.From is { } from) query = query.Where(o => o.ObservedOn >= from);
        if (filter.To is { } to) query = query.Where(o => o.ObservedOn <= to);
        var rows = await query.OrderByDescending(o => o.ObservedOn).ThenByDescending(o => o.Id).Take(max).ToListAsync(ct);
        return await ToDtosAsync(rows, ct);
    }

    public async Task<ObservationDto?> GetAsync(int id, CancellationToken ct)
    {
        var row = await db.Observations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        return row is null ? null : (await ToDtosAsync([row], ct))[0];
    }

    public Task<List<ObservationGroup>> GroupsAsync(CancellationToken ct) =>
        db.ObservationGroups.AsNoTracking().OrderBy(g => g.SortOrder).ThenBy(g => g.Name).ToListAsync(ct);

    async Task<IReadOnlyList<ObservationDto>> ToDtosAsync(List<Observation> rows, CancellationToken ct)
    {
        var groups = (await GroupsAsync(ct)).ToDictionary(g => g.Code, g => g.Name);
        var map = await areas.GetAsync(ct);
        return rows.Select(o => new ObservationDto(
            o.Id, o.ObservedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ObservationCatalog.Code(o.PartOfDay),
            ObservationCatalog.WeekdayName(o.Weekday), o.GroupCode, groups.GetValueOrDefault(o.GroupCode, o.GroupCode), o.Count, o.Activity,
            o.Signals.Split(',', StringSplitOptions.RemoveEmptyEntries), o.Notes, o.Latitude, o.Longitude,
            map.Find(o.NeighbourhoodCode)?.Name, map.Find(o.DistrictCode)?.Name, o.Visibility.Code(), o.CreatedBy, o.CreatedAt)).ToList();
    }
}

/// <summary>What the filter partial needs.</summary>
public sealed record ObservationFiltersView(ObservationQuery Query, IReadOnlyList<ObservationGroup> Groups, AreaMap Areas, string Action,
    IReadOnlyDictionary<string, string[]> Errors);
