using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Activity;

public sealed record ActivityFilter(long? Since, AreaInfo? Area, IReadOnlyList<ItemKind> Kinds, IReadOnlyList<string> Themes, int Page, int PageSize);

public sealed record ActivityEntry(
    long Sequence, string Type, int ItemId, string Kind, string Title, string Summary, DateTime At,
    string MunicipalityCode, string? DistrictCode, string? NeighbourhoodCode, IReadOnlyList<string> Themes);

public sealed record ActivityPage(IReadOnlyList<ActivityEntry> Entries, long LatestSequence, int Page, int PageSize, bool HasMore);

/// <summary>Reads the change log: "wat speelt er", newest first, or everything after a sequence number for catch-up.</summary>
public sealed class ChangeFeed(WijkbeeldDb db)
{
    public const int MaxPageSize = 200;

    public async Task<long> LatestSequenceAsync(CancellationToken ct) =>
        await db.ItemChanges.MaxAsync(c => (long?)c.Sequence, ct) ?? 0;

    public async Task<ActivityPage> ReadAsync(ActivityFilter filter, CancellationToken ct)
    {
        // The database's visibility filter keeps changes to items this reader may not see out.
        var query = db.ItemChanges.AsNoTracking();
        if (filter.Area is { } area)
        {
            query = query.InArea(area);
        }
        if (filter.Kinds.Count > 0)
        {
            var kinds = filter.Kinds;
            query = query.Where(c => kinds.Contains(c.Kind));
        }
        if (filter.Themes.Count > 0)
        {
            // Any of the themes, as for items (theme=jeugd,ouderen).
            var markers = filter.Themes.Select(theme => ";" + theme + ";").ToList();
            query = query.Where(c => markers.Any(marker => c.Themes.Contains(marker)));
        }
        List<ItemChange> rows;
        if (filter.Since is { } since)
        {
            // Catch-up: oldest first, so a client can apply them in order.
            rows = await query.Where(c => c.Sequence > since).OrderBy(c => c.Sequence).Take(filter.PageSize + 1).ToListAsync(ct);
        }
        else
        {
            rows = await query.OrderByDescending(c => c.Sequence)
                .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize + 1).ToListAsync(ct);
        }
        var hasMore = rows.Count > filter.PageSize;
        var entries = rows.Take(filter.PageSize).Select(c => new ActivityEntry(
            c.Sequence, c.Type.ToString().ToLowerInvariant(), c.ItemId, c.Kind.Code(), c.Title, c.Summary, c.At,
            c.MunicipalityCode, c.DistrictCode, c.NeighbourhoodCode,
            c.Themes.Split(';', StringSplitOptions.RemoveEmptyEntries))).ToList();
        return new ActivityPage(entries, await LatestSequenceAsync(ct), filter.Page, filter.PageSize, hasMore);
    }
}
