using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Field;

/// <summary>An open item near a place being filled in: "Bedoel je een van deze?".</summary>
public sealed record NearbyItem(int Id, string Kind, string Title, string Status, double Latitude, double Longitude,
    int DistanceMetres, int SupportCount);

/// <summary>Finds open items of one kind within a radius, nearest first, so people support instead of duplicating.</summary>
public sealed class DuplicateCheck(WijkbeeldDb db)
{
    public const int MaxResults = 5;
    const double MetresPerDegree = 111_320;

    /// <summary>Statuses after which an item is done; such items are not offered as "the same".</summary>
    public static readonly IReadOnlySet<string> ClosedStatuses = new HashSet<string>
    {
        "gesloten", "gerealiseerd", "vervallen", "aangepakt", "afgerond", "gestopt", "niet-meer-actief",
        "afgehandeld", "geweest", "afgelast",
    };

    public async Task<IReadOnlyList<NearbyItem>> FindAsync(ItemKind kind, double latitude, double longitude, int radiusMetres, CancellationToken ct)
    {
        // A box around the point uses the (longitude, latitude) index; the exact distance is computed after.
        var dLat = radiusMetres / MetresPerDegree;
        var dLon = radiusMetres / (MetresPerDegree * Math.Max(0.01, Math.Cos(latitude * Math.PI / 180)));
        var closed = ClosedStatuses.ToList();
        // Only items the caller may see are offered: the database's visibility filter applies.
        var candidates = await db.Items.AsNoTracking()
            .Where(i => i.Kind == kind && !closed.Contains(i.Status)
                && i.Longitude >= longitude - dLon && i.Longitude <= longitude + dLon
                && i.Latitude >= latitude - dLat && i.Latitude <= latitude + dLat)
            .Select(i => new { i.Id, i.Title, i.Status, i.Latitude, i.Longitude })
            .ToListAsync(ct);
        var near = candidates
            .Select(i => (Item: i, Distance: DistanceMetres(latitude, longitude, i.Latitude, i.Longitude)))
            .Where(x => x.Distance <= radiusMetres)
            .OrderBy(x => x.Distance).ThenBy(x => x.Item.Id)
            .Take(MaxResults)
            .ToList();
        var ids = near.Select(x => x.Item.Id).ToList();
        var support = await db.ItemUpdates.Where(u => ids.Contains(u.ItemId) && u.Type == ItemUpdateType.Supported)
            .GroupBy(u => u.ItemId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return near.Select(x => new NearbyItem(x.Item.Id, kind.Code(), x.Item.Title, x.Item.Status, x.Item.Latitude, x.Item.Longitude,
            (int)Math.Round(x.Distance), support.GetValueOrDefault(x.Item.Id))).ToList();
    }

    public Task<int> SupportCountAsync(int itemId, CancellationToken ct) =>
        db.ItemUpdates.CountAsync(u => u.ItemId == itemId && u.Type == ItemUpdateType.Supported, ct);

    /// <summary>Great-circle distance (haversine); metres are plenty precise at neighbourhood scale.</summary>
    public static double DistanceMetres(double lat1, double lon1, double lat2, double lon2)
    {
        const double earthRadius = 6_371_000;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * earthRadius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
