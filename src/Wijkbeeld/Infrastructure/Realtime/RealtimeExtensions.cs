using Wijkbeeld.Features.Activity;
using Wijkbeeld.Infrastructure.Caching;

namespace Wijkbeeld.Infrastructure.Realtime;

public static class RealtimeExtensions
{
    /// <summary>SignalR, with the Redis backplane when <c>Realtime:Redis</c> (host:port) is set, for several instances.</summary>
    public static IHostApplicationBuilder AddWijkbeeldRealtime(this IHostApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR();
        if (builder.Configuration["Realtime:Redis"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("wijkbeeld"));
        }
        builder.Services.AddWijkbeeldReadCache(builder.Configuration["Realtime:Redis"]);
        builder.Services.AddSingleton<ChangePublisher>();
        builder.Services.AddScoped<ChangeFeed>();
        return builder;
    }

    public static IEndpointRouteBuilder MapWijkbeeldRealtime(this IEndpointRouteBuilder routes)
    {
        routes.MapHub<UpdatesHub>(UpdatesHub.Path);
        return routes;
    }
}
