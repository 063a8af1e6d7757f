using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Geo;

namespace Wijkbeeld.Features.Areas;

public sealed record AreaInfo(
    string Code, string Name, AreaLevel Level, string? ParentCode, string MunicipalityCode,
    Envelope Bounds, double LabelLongitude, double LabelLatitude, bool IsSample);

public sealed record AreaLocation(AreaInfo Municipality, AreaInfo? District, AreaInfo Neighbourhood);

/// <summary>Areas by code plus a spatial index of buurt polygons for point-in-polygon.</summary>
public sealed class AreaMap
{
    readonly Dictionary<string, AreaInfo> byCode = new(StringComparer.OrdinalIgnoreCase);
    readonly STRtree<(AreaInfo Area, IPreparedGeometry Shape)> neighbourhoods = new();

    public AreaMap(IEnumerable<Area> areas)
    {
        foreach (var area in areas)
        {
            var info = new AreaInfo(area.Code, area.Name, area.Level, area.ParentCode, area.MunicipalityCode,
                new Envelope(area.MinLongitude, area.MaxLongitude, area.MinLatitude, area.MaxLatitude),
                area.LabelLongitude, area.LabelLatitude, area.IsSample);
            byCode[area.Code] = info;
            if (area.Level == AreaLevel.Neighbourhood)
            {
                neighbourhoods.Insert(info.Bounds, (info, PreparedGeometryFactory.Prepare(GeoJson.ReadGeometry(area.Geometry))));
            }
        }
        neighbourhoods.Build();
    }

    public IReadOnlyCollection<AreaInfo> All => byCode.Values;

    public AreaInfo? Find(string? code) =>
        code is not null && byCode.TryGetValue(code.Trim(), out var area) ? area : null;

    /// <summary>The buurt (with its wijk and gemeente) that contains the point, or null outside every buurt.</summary>
    public AreaLocation? Locate(double longitude, double latitude)
    {
        if (!GeoJson.IsValidWgs84(longitude, latitude))
        {
            return null;
        }
        var point = GeoJson.Factory.CreatePoint(new Coordinate(longitude, latitude));
        foreach (var (area, shape) in neighbourhoods.Query(point.EnvelopeInternal))
        {
            if (shape.Covers(point) && Find(area.MunicipalityCode) is { } municipality)
            {
                return new AreaLocation(municipality, Find(area.ParentCode), area);
            }
        }
        return null;
    }
}

/// <summary>Keeps one <see cref="AreaMap"/> in memory; an area import invalidates it.</summary>
public sealed class AreaIndex(IServiceScopeFactory scopes)
{
    AreaMap? current;
    readonly SemaphoreSlim loading = new(1, 1);

    public void Invalidate() => current = null;

    public async Task<AreaMap> GetAsync(CancellationToken ct = default)
    {
        if (current is { } ready)
        {
            return ready;
        }
        await loading.WaitAsync(ct);
        try
        {
            if (current is null)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<WijkbeeldDb>();
                current = new AreaMap(await db.Areas.AsNoTracking().ToListAsync(ct));
            }
            return current;
        }
        finally
        {
            loading.Release();
        }
    }
}
