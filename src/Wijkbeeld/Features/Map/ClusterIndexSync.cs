using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wijkbeeld.Infrastructure.Caching;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Map;

/// <summary>
/// Builds the <see cref="ClusterIndex"/> at start, then every few seconds reads the change log for items saved by
/// another instance (several servers on one PostgreSQL database) and for a newer area import, so each instance's
/// index follows the database. Saves on this instance reach the index at once through <c>ItemService</c>.
/// </summary>
public sealed class ClusterIndexSync(ClusterIndex index, IServiceScopeFactory scopes, IOutputCacheStore cache,
    IOptions<MapOptions> options, ILogger<ClusterIndexSync> log) : BackgroundService
{
    /// <summary>Changes are re-read this far back: a transaction may commit after one with a higher sequence number.</summary>
    const int Overlap = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Max(0.1, options.Value.ClusterSyncSeconds));
        try
        {
            await index.BuildAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database may be down at start; the first map request builds it instead.
            log.LogWarning(e, "Cluster index not built at start");
        }
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SyncAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Cluster index sync failed; trying again");
            }
        }
    }

    async Task SyncAsync(CancellationToken ct)
    {
        if (!index.IsBuilt) return; // the next map request builds it
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbeeldDb>();
        var imported = await db.Areas.MaxAsync(a => (DateTime?)a.ImportedAt, ct);
        if (imported != index.AreasImportedAt)
        {
            index.Invalidate();
            await index.BuildAsync(ct);
            await cache.EvictItemsAsync(ct);
            return;
        }
        var from = index.LastSequence - Overlap;
        var changes = await db.ItemChanges.AsNoTracking().Where(c => c.Sequence > from)
            .Select(c => new { c.Sequence, c.ItemId }).ToListAsync(ct);
        if (changes.Count == 0 || changes.Max(c => c.Sequence) <= index.LastSequence) return;
        var changed = await index.RefreshAsync(db, changes.Select(c => c.ItemId).Distinct().ToList(), ct);
        index.Seen(changes.Max(c => c.Sequence));
        if (changed)
        {
            // Answers another instance cached from before this change must go.
            await cache.EvictItemsAsync(ct);
        }
    }
}
