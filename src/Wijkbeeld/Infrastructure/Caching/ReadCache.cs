using Microsoft.AspNetCore.OutputCaching;

namespace Wijkbeeld.Infrastructure.Caching;

/// <summary>
/// Server-side cache of the read API (map data, lists, feed): identical requests are answered from memory
/// (or Redis, with several instances) until an item or area changes, which evicts by tag.
/// </summary>
public static class ReadCache
{
    public const string Items = "items";
    public const string Areas = "areas";
    public const string Indicators = "indicators";

    public static IServiceCollection AddWijkbeeldReadCache(this IServiceCollection services, string? redis)
    {
        services.AddOutputCache(o =>
        {
            // Every distinct map view is an entry (~10 KB of JSON); the default 100 MB let panning alone push the
            // server past its 300 MB budget. Cluster answers are cheap to recompute, so a smaller cache loses little.
            o.SizeLimit = 16 * 1024 * 1024;
            o.AddPolicy(Items, b => b.Tag(Items).SetVaryByQuery("*").Expire(TimeSpan.FromMinutes(10)));
            o.AddPolicy(Areas, b => b.Tag(Areas).SetVaryByQuery("*").Expire(TimeSpan.FromHours(1)));
            // Figures per area: evicted by an indicator import or edit, and by an area import (new polygons).
            o.AddPolicy(Indicators, b => b.Tag(Indicators).Tag(Areas).SetVaryByQuery("*").Expire(TimeSpan.FromHours(1)));
        });
        if (!string.IsNullOrEmpty(redis))
        {
            // Several instances share one cache, so an eviction on one reaches all.
            services.AddStackExchangeRedisOutputCache(o => o.Configuration = redis);
        }
        return services;
    }

    public static async Task EvictItemsAsync(this IOutputCacheStore cache, CancellationToken ct = default) =>
        await cache.EvictByTagAsync(Items, ct);

    public static async Task EvictIndicatorsAsync(this IOutputCacheStore cache, CancellationToken ct = default) =>
        await cache.EvictByTagAsync(Indicators, ct);

    public static async Task EvictAreasAsync(this IOutputCacheStore cache, CancellationToken ct = default)
    {
        await cache.EvictByTagAsync(Areas, ct);
        await cache.EvictByTagAsync(Items, ct);
    }
}
