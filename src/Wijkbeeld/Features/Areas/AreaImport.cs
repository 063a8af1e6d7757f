using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Union;
using Wijkbeeld.Infrastructure.Caching;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Geo;

namespace Wijkbeeld.Features.Areas;

public sealed record AreaImportProblem(int? Feature, string Message);

public sealed record AreaImportReport(
    IReadOnlyList<string> Municipalities, int Districts, int Neighbourhoods,
    bool Reprojected, int ItemsReassigned, int ItemsOutside, IReadOnlyList<string> Warnings);

public sealed class AreaImportException(IReadOnlyList<AreaImportProblem> problems)
    : Exception("Het gebiedsbestand is niet ingelezen.")
{
    public IReadOnlyList<AreaImportProblem> Problems { get; } = problems;
}

/// <summary>
/// Reads a CBS/PDOK "wijken en buurten" GeoJSON (WGS84 or RD New), validates every feature and
/// replaces the areas of the municipalities in it in one transaction, re-assigning their items.
/// </summary>
public sealed partial class AreaImport(WijkbeeldDb db, AreaIndex index, TimeProvider clock, IOutputCacheStore cache,
    Map.ClusterIndex clusters)
{
    public const int MaxFeatures = 50_000;

    [GeneratedRegex(@"^GM\d{4}$")] private static partial Regex MunicipalityCode();
    [GeneratedRegex(@"^WK\d{6}$")] private static partial Regex DistrictCode();
    [GeneratedRegex(@"^BU\d{8}$")] private static partial Regex NeighbourhoodCode();

    sealed record ParsedArea(string Code, string Name, AreaLevel Level, Geometry Geometry, string? MunicipalityName = null, string? DistrictName = null);

    public async Task<AreaImportReport> ImportAsync(Stream geoJson, bool isSample, CancellationToken ct)
    {
        var (parsed, reprojected, warnings) = await ParseAsync(geoJson, ct);
        var areas = Complete(parsed, warnings);
        return await ReplaceAsync(areas, isSample, reprojected, warnings, ct);
    }

    static async Task<(List<ParsedArea>, bool, List<string>)> ParseAsync(Stream stream, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { MaxDepth = 64 }, ct);
        }
        catch (JsonException e)
        {
            throw Fail($"Dit is geen geldige JSON ({e.Message}).");
        }
        using var _ = document;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) ||
            type.ValueKind != JsonValueKind.String || !type.ValueEquals("FeatureCollection") ||
            !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw Fail("Verwacht een GeoJSON FeatureCollection met een lijst 'features'.");
        }
        if (features.GetArrayLength() == 0)
        {
            throw Fail("Het bestand bevat geen gebieden.");
        }
        if (features.GetArrayLength() > MaxFeatures)
        {
            throw Fail($"Het bestand bevat meer dan {MaxFeatures} gebieden.");
        }
        var declaredRd = DeclaresRd(root);
        var problems = new List<AreaImportProblem>();
        var warnings = new List<string>();
        var parsed = new List<(int Number, string Code, string Name, AreaLevel Level, Geometry Geometry, string? MunicipalityName, string? DistrictName)>();
        var number = 0;
        foreach (var feature in features.EnumerateArray())
        {
            number++;
            try
            {
                parsed.Add(ParseFeature(number, feature));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
            {
                problems.Add(new(number, e.Message));
            }
        }
        if (problems.Count > 0)
        {
            throw new AreaImportException(problems);
        }

        var envelope = new Envelope();
        parsed.ForEach(p => envelope.ExpandToInclude(p.Geometry.EnvelopeInternal));
        var reproject = declaredRd || (!IsWgs84(envelope) && RdNew.LooksLikeRd(envelope));
        if (!reproject && !IsWgs84(envelope))
        {
            throw Fail("De coördinaten zijn geen WGS84 (lengte/breedte) en geen RD New (EPSG:28992).");
        }

        var result = new List<ParsedArea>();
        var seen = new HashSet<string>();
        foreach (var p in parsed)
        {
            if (!seen.Add(p.Code))
            {
                problems.Add(new(p.Number, $"De code {p.Code} komt twee keer voor."));
                continue;
            }
            var geometry = reproject ? RdNew.ToWgs84Geometry(p.Geometry) : GeoJson.Factory.CreateGeometry(p.Geometry);
            if (!geometry.IsValid)
            {
                geometry = GeometryFixer.Fix(geometry);
                warnings.Add($"De grens van {p.Code} ({p.Name}) was ongeldig en is gerepareerd.");
            }
            if (geometry.IsEmpty || geometry is not (Polygon or MultiPolygon))
            {
                problems.Add(new(p.Number, $"De grens van {p.Code} is leeg of geen vlak."));
                continue;
            }
            result.Add(new(p.Code, p.Name, p.Level, geometry, p.MunicipalityName, p.DistrictName));
        }
        if (problems.Count > 0)
        {
            throw new AreaImportException(problems);
        }
        return (result, reproject, warnings);
    }

    static (int, string, string, AreaLevel, Geometry, string?, string?) ParseFeature(int number, JsonElement feature)
    {
        if (feature.ValueKind != JsonValueKind.Object ||
            !feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("Dit gebied heeft geen 'properties'.");
        }
        if (!feature.TryGetProperty("geometry", out var geometryJson) || geometryJson.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("Dit gebied heeft geen geometrie.");
        }
        var props = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in properties.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            {
                // Without control characters: PostgreSQL refuses a NUL in text, which made the import fail with 503.
                props[property.Name] = new string(property.Value.ToString().Where(c => !char.IsControl(c)).ToArray()).Trim();
            }
        }
        string? Get(params string[] names) =>
            names.Select(n => props.GetValueOrDefault(n)).FirstOrDefault(v => !string.IsNullOrEmpty(v));

        var statCode = Get("statcode");
        var code = Get("buurtcode", "BU_CODE") ?? (statCode?.StartsWith("BU") == true ? statCode : null);
        var level = AreaLevel.Neighbourhood;
        var name = Get("buurtnaam", "BU_NAAM", "statnaam");
        if (code is null && Get("buurtnaam", "BU_NAAM") is { } buurtName)
        {
            // Otherwise a buurt whose code is missing would silently be read as its wijk or gemeente.
            throw new FormatException($"Buurt {buurtName} heeft geen buurtcode.");
        }
        if (code is null)
        {
            level = AreaLevel.District;
            code = Get("wijkcode", "WK_CODE") ?? (statCode?.StartsWith("WK") == true ? statCode : null);
            name = Get("wijknaam", "WK_NAAM", "statnaam");
        }
        if (code is null)
        {
            level = AreaLevel.Municipality;
            code = Get("gemeentecode", "GM_CODE") ?? (statCode?.StartsWith("GM") == true ? statCode : null);
            name = Get("gemeentenaam", "GM_NAAM", "statnaam");
        }
        if (code is null)
        {
            throw new FormatException("Geen buurtcode, wijkcode of gemeentecode gevonden.");
        }
        var codePattern = level switch
        {
            AreaLevel.Neighbourhood => NeighbourhoodCode(),
            AreaLevel.District => DistrictCode(),
            _ => MunicipalityCode(),
        };
        if (!codePattern.IsMatch(code))
        {
            throw new FormatException($"'{code}' is geen geldige CBS-code (zoals GM0400, WK040001 of BU04000101).");
        }
        if (string.IsNullOrWhiteSpace(name) || name.Length > 120)
        {
            throw new FormatException($"Gebied {code} heeft geen naam, of een naam langer dan 120 tekens.");
        }
        var geometry = GeoJson.ReadGeometry(geometryJson);
        return (number, code, name, level, geometry, Get("gemeentenaam", "GM_NAAM"), level == AreaLevel.Neighbourhood ? Get("wijknaam", "WK_NAAM") : null);
    }

    static bool DeclaresRd(JsonElement root)
    {
        if (!(root.TryGetProperty("crs", out var crs) && crs.ValueKind == JsonValueKind.Object &&
              crs.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object &&
              p.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String))
        {
            return false;
        }
        try
        {
            return name.GetString()!.Contains("28992", StringComparison.Ordinal);
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 in the name: not a CRS name we know.
            return false;
        }
    }

    static bool IsWgs84(Envelope e) => e.MinX >= -180 && e.MaxX <= 180 && e.MinY >= -90 && e.MaxY <= 90;

    /// <summary>CBS codes nest (BU GGGG WW BB): derive missing wijken and the gemeente by union.</summary>
    static List<Area> Complete(List<ParsedArea> parsed, List<string> warnings)
    {
        var byCode = parsed.ToDictionary(p => p.Code);
        var neighbourhoods = parsed.Where(p => p.Level == AreaLevel.Neighbourhood).ToList();
        if (neighbourhoods.Count == 0)
        {
            throw Fail("Het bestand bevat geen buurten (features met een buurtcode).");
        }
        foreach (var group in neighbourhoods.GroupBy(n => DistrictOf(n.Code)))
        {
            if (!byCode.ContainsKey(group.Key))
            {
                var union = UnaryUnionOp.Union(group.Select(g => g.Geometry).ToList());
                var name = group.Select(g => g.DistrictName).FirstOrDefault(n => !string.IsNullOrEmpty(n)) ?? $"Wijk {group.Key[^2..]}";
                byCode[group.Key] = new(group.Key, name, AreaLevel.District, union);
                warnings.Add($"Wijk {group.Key} stond niet in het bestand; de grens is uit de buurten samengesteld.");
            }
        }
        foreach (var group in byCode.Values.Where(a => a.Level == AreaLevel.District).ToList().GroupBy(d => MunicipalityOf(d.Code)))
        {
            if (!byCode.ContainsKey(group.Key))
            {
                var union = UnaryUnionOp.Union(group.Select(g => g.Geometry).ToList());
                var name = parsed.Where(p => MunicipalityOf(p.Code) == group.Key)
                    .Select(p => p.MunicipalityName).FirstOrDefault(n => !string.IsNullOrEmpty(n)) ?? group.Key;
                byCode[group.Key] = new(group.Key, name, AreaLevel.Municipality, union);
            }
        }
        return byCode.Values.Select(a =>
        {
            var label = a.Geometry.InteriorPoint;
            var bounds = a.Geometry.EnvelopeInternal;
            return new Area
            {
                Code = a.Code,
                Name = a.Name,
                Level = a.Level,
                ParentCode = a.Level switch
                {
                    AreaLevel.Neighbourhood => DistrictOf(a.Code),
                    AreaLevel.District => MunicipalityOf(a.Code),
                    _ => null,
                },
                MunicipalityCode = MunicipalityOf(a.Code),
                Geometry = GeoJson.Write(a.Geometry),
                MinLongitude = bounds.MinX,
                MinLatitude = bounds.MinY,
                MaxLongitude = bounds.MaxX,
                MaxLatitude = bounds.MaxY,
                LabelLongitude = label.X,
                LabelLatitude = label.Y,
            };
        }).ToList();
    }

    public static string DistrictOf(string neighbourhoodCode) => "WK" + neighbourhoodCode[2..8];

    public static string MunicipalityOf(string code) => "GM" + code[2..6];

    async Task<AreaImportReport> ReplaceAsync(
        List<Area> areas, bool isSample, bool reprojected, List<string> warnings, CancellationToken ct)
    {
        var municipalities = areas.Select(a => a.MunicipalityCode).Distinct().ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var area in areas)
        {
            area.IsSample = isSample;
            area.ImportedAt = now;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Areas.Where(a => municipalities.Contains(a.MunicipalityCode)).ExecuteDeleteAsync(ct);
        db.Areas.AddRange(areas);
        await db.SaveChangesAsync(ct);

        index.Invalidate();
        var map = new AreaMap(areas);
        var items = await db.Items.IgnoreQueryFilters()
            .Where(i => municipalities.Contains(i.MunicipalityCode))
            .ToListAsync(ct);
        int reassigned = 0, outside = 0;
        foreach (var item in items)
        {
            var location = map.Locate(item.Longitude, item.Latitude);
            if (location is null)
            {
                outside++;
                item.NeighbourhoodCode = null;
                item.DistrictCode = null;
                continue;
            }
            if (item.NeighbourhoodCode != location.Neighbourhood.Code)
            {
                reassigned++;
                item.NeighbourhoodCode = location.Neighbourhood.Code;
                item.DistrictCode = location.District?.Code;
                item.MunicipalityCode = location.Municipality.Code;
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        index.Invalidate();
        clusters.Invalidate(); // items may be in other buurten now
        await cache.EvictAreasAsync(CancellationToken.None);
        if (outside > 0)
        {
            warnings.Add($"{outside} items liggen buiten de nieuwe buurten en hebben nu geen buurt.");
        }
        return new AreaImportReport(municipalities, areas.Count(a => a.Level == AreaLevel.District),
            areas.Count(a => a.Level == AreaLevel.Neighbourhood), reprojected, reassigned, outside, warnings);
    }

    static AreaImportException Fail(string message) => new([new AreaImportProblem(null, message)]);
}
