using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Items;

/// <summary>Reads items for pages, API and exports with one filter and one projection.</summary>
public sealed class ItemReader(WijkbeeldDb db, AreaIndex areaIndex, ThemeCodes themeCodes, TimeProvider clock,
    IOptions<ItemOptions> options, IStringLocalizer<Texts> text)
{
    public DateTime StaleBefore => clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.StaleAfterDays);

    public Task<(ItemFilter? Filter, Dictionary<string, string[]> Errors)> ParseAsync(
        ItemQuery query, CancellationToken ct, int defaultPageSize = 50, int maxPageSize = ItemFilter.MaxPageSize) =>
        ParseAsync(query, areaIndex, themeCodes, text, ct, defaultPageSize, maxPageSize);

    /// <summary>Parsing needs no database: the map's hot path parses without creating a DbContext (its options cost more than the cluster count).</summary>
    public static async Task<(ItemFilter? Filter, Dictionary<string, string[]> Errors)> ParseAsync(
        ItemQuery query, AreaIndex areaIndex, ThemeCodes themeCodes, IStringLocalizer text, CancellationToken ct,
        int defaultPageSize = 50, int maxPageSize = ItemFilter.MaxPageSize)
    {
        var areas = await areaIndex.GetAsync(ct);
        var themes = await themeCodes.GetAsync(ct);
        return ItemFilter.Parse(query, areas, themes, text, defaultPageSize, maxPageSize);
    }

    public async Task<ItemPage> PageAsync(ItemFilter filter, CancellationToken ct)
    {
        var query = db.Items.AsNoTracking().Filter(filter);
        var total = await query.CountAsync(ct);
        var items = await query.Newest().Page(filter).WithDetails().ToListAsync(ct);
        var areas = await areaIndex.GetAsync(ct);
        var staleBefore = StaleBefore;
        return new ItemPage(items.Select(i => ItemDto.From(i, areas, staleBefore)).ToList(), total, filter.Page, filter.PageSize);
    }

    public Task<bool> ExistsAsync(int id, CancellationToken ct) => db.Items.AnyAsync(i => i.Id == id, ct);

    public Task<int> CountAsync(ItemFilter filter, CancellationToken ct) =>
        db.Items.Filter(filter).CountAsync(ct);

    /// <summary>Items grouped in square cells of <paramref name="cellDegrees"/>: one point per cell at the cell's mean position.</summary>
    public async Task<IReadOnlyList<ItemCluster>> ClustersAsync(ItemFilter filter, double cellDegrees, CancellationToken ct) =>
        await db.Items.AsNoTracking().Filter(filter)
            // Floor, not a cast: PostgreSQL's ::int rounds to the nearest cell, SQLite's truncates.
            .GroupBy(i => new { X = Math.Floor((i.Longitude + 180) / cellDegrees), Y = Math.Floor((i.Latitude + 90) / cellDegrees) })
            .Select(g => new ItemCluster(g.Count(), g.Average(i => i.Longitude), g.Average(i => i.Latitude)))
            .ToListAsync(ct);

    public async Task<ItemDto?> GetAsync(int id, CancellationToken ct)
    {
        var item = await db.Items.AsNoTracking().WithDetails().Include(i => i.Updates).FirstOrDefaultAsync(i => i.Id == id, ct);
        return item is null ? null : ItemDto.From(item, await areaIndex.GetAsync(ct), StaleBefore, withUpdates: true);
    }

    public async Task<IReadOnlyList<ItemDto>> FindAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var items = await db.Items.AsNoTracking().Where(i => list.Contains(i.Id)).WithDetails().ToListAsync(ct);
        var areas = await areaIndex.GetAsync(ct);
        return items.Select(i => ItemDto.From(i, areas, StaleBefore)).ToList();
    }

    public async Task<IReadOnlyList<Theme>> ThemesAsync(CancellationToken ct) =>
        await db.Themes.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
}
