using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Profile;

public sealed record IndicatorSummary(string Key, string Label, string? Unit, string? Description, bool? HigherIsBetter,
    string? Source, string Origin, bool Featured, int Decimals, IReadOnlyList<int> Years, int Version);

public sealed record YearValue(int Year, double Value);

/// <summary>One figure of an area in a year, next to its gemeente and Nederland, with the area's series over the years.</summary>
public sealed record AreaFigure(IndicatorSummary Indicator, int Year, double? Value, double? Municipality, double? Netherlands,
    IReadOnlyList<YearValue> Trend);

public sealed record AreaFigures(string Code, string Name, string Level, string? MunicipalityCode, string? MunicipalityName,
    int? Year, IReadOnlyList<AreaFigure> Figures);

public sealed record AreaValue(string Code, string Name, string? ParentCode, double? Value, int? Class, string? Color);

public sealed record ChoroplethData(IndicatorSummary Indicator, int? Year, string Level, string Method,
    IReadOnlyList<double> Breaks, IReadOnlyList<string> Colors, IReadOnlyList<AreaValue> Areas);

public sealed class IndicatorReader(WijkbeeldDb db, AreaIndex areaIndex)
{
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public async Task<IReadOnlyList<IndicatorSummary>> ListAsync(CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().ToListAsync(ct);
        return indicators
            .OrderByDescending(i => i.Featured).ThenBy(i => i.Origin).ThenBy(CatalogOrder).ThenBy(i => i.Label, StringComparer.Create(Dutch, true))
            .Select(Summary).ToList();
    }

    static int CatalogOrder(Indicator i)
    {
        var index = CbsCatalog.KeyFigures.ToList().FindIndex(k => k.Key == i.Key);
        return index < 0 ? int.MaxValue : index;
    }

    public async Task<IndicatorSummary?> FindAsync(string key, CancellationToken ct) =>
        await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Key == key, ct) is { } indicator ? Summary(indicator) : null;

    static IndicatorSummary Summary(Indicator i) =>
        new(i.Key, i.Label, i.Unit, i.Description, i.HigherIsBetter, i.Source, i.Origin == IndicatorOrigin.Own ? "eigen" : "cbs",
            i.Featured, i.Decimals, i.Years.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList(), i.Version);

    /// <summary>The figures of one area (latest year per indicator unless <paramref name="year"/>), or null for an unknown code.</summary>
    public async Task<AreaFigures?> AreaAsync(string code, int? year, CancellationToken ct)
    {
        var map = await areaIndex.GetAsync(ct);
        var area = map.Find(code);
        if (area is null)
        {
            return null;
        }
        var municipality = area.Level == AreaLevel.Municipality ? null : map.Find(area.MunicipalityCode);
        var codes = new[] { area.Code, area.MunicipalityCode, IndicatorRules.NetherlandsCode }.Distinct().ToList();
        var values = await db.IndicatorValues.AsNoTracking().Where(v => codes.Contains(v.AreaCode)).ToListAsync(ct);
        var byIndicator = values.ToLookup(v => v.IndicatorId);
        var figures = new List<AreaFigure>();
        foreach (var indicator in await ListAsync(ct))
        {
            var id = await IdAsync(indicator.Key, ct);
            var own = byIndicator[id].Where(v => v.AreaCode == area.Code).OrderBy(v => v.Year).Select(v => new YearValue(v.Year, v.Value)).ToList();
            // The latest year the area has a figure; without any, the latest year of the indicator ("geen gegevens").
            int? shown = year ?? (own.Count > 0 ? own[^1].Year : indicator.Years.Count > 0 ? indicator.Years[^1] : null);
            if (shown is not { } y)
            {
                continue;
            }
            double? At(string c) => byIndicator[id].FirstOrDefault(v => v.AreaCode == c && v.Year == y)?.Value;
            var value = At(area.Code);
            if (value is null && At(area.MunicipalityCode) is null && At(IndicatorRules.NetherlandsCode) is null)
            {
                continue;
            }
            figures.Add(new AreaFigure(indicator, y, value, area.Level == AreaLevel.Municipality ? null : At(area.MunicipalityCode),
                At(IndicatorRules.NetherlandsCode), own));
        }
        return new AreaFigures(area.Code, area.Name, AreaEndpoints.LevelCode(area.Level), municipality?.Code, municipality?.Name,
            year, figures);
    }

    Dictionary<string, int>? ids;

    async Task<int> IdAsync(string key, CancellationToken ct)
    {
        ids ??= await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Key, i => i.Id, StringComparer.OrdinalIgnoreCase, ct);
        return ids[key];
    }

    public static bool TryParseLevel(string? level, out AreaLevel result)
    {
        result = level?.Trim().ToLowerInvariant() switch
        {
            null or "" or "buurt" => AreaLevel.Neighbourhood,
            "wijk" => AreaLevel.District,
            "gemeente" => AreaLevel.Municipality,
            _ => (AreaLevel)(-1),
        };
        return Enum.IsDefined(result);
    }

    /// <summary>The values of one indicator for every area of a level, classed for the choropleth; null for an unknown key.</summary>
    public async Task<ChoroplethData?> ValuesAsync(string key, int? year, AreaLevel level, ClassMethod method, CancellationToken ct, string? municipality = null)
    {
        var indicator = await FindAsync(key, ct);
        if (indicator is null)
        {
            return null;
        }
        var shown = year ?? (indicator.Years.Count > 0 ? indicator.Years[^1] : null);
        var id = await IdAsync(indicator.Key, ct);
        var map = await areaIndex.GetAsync(ct);
        // One gemeente (the map shows one), or every gemeente Wijkbeeld holds.
        var areas = map.All.Where(a => a.Level == level && (municipality is null || a.MunicipalityCode == municipality))
            .OrderBy(a => a.Code).ToList();
        var codes = areas.Select(a => a.Code).ToList();
        var values = shown is { } y
            ? await db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorId == id && v.Year == y && codes.Contains(v.AreaCode))
                .ToDictionaryAsync(v => v.AreaCode, v => v.Value, ct)
            : [];
        var present = areas.Where(a => values.ContainsKey(a.Code)).Select(a => values[a.Code]).ToList();
        var classes = Classes.Compute(present, method);
        var rows = areas.Select(a =>
        {
            if (!values.TryGetValue(a.Code, out var v))
            {
                return new AreaValue(a.Code, a.Name, a.ParentCode, null, null, null);
            }
            var c = classes.ClassOf(v);
            return new AreaValue(a.Code, a.Name, a.ParentCode, v, c, classes.Colors[c]);
        }).ToList();
        return new ChoroplethData(indicator, shown, AreaEndpoints.LevelCode(level), MethodCode(method), classes.Breaks, classes.Colors, rows);
    }

    public static string MethodCode(ClassMethod method) => method == ClassMethod.NaturalBreaks ? "jenks" : "kwantiel";

    public static bool TryParseMethod(string? method, out ClassMethod result)
    {
        (var ok, result) = method?.Trim().ToLowerInvariant() switch
        {
            null or "" or "kwantiel" or "quantile" => (true, ClassMethod.Quantiles),
            "jenks" or "natural" => (true, ClassMethod.NaturalBreaks),
            _ => (false, ClassMethod.Quantiles),
        };
        return ok;
    }

    /// <summary>A figure as Dutch text: 1.234 or 2,05; "geen gegevens" is the caller's to say.</summary>
    public static string Format(double value, int decimals) => value.ToString("N" + Math.Clamp(decimals, 0, 4), Dutch);
}
