using Wijkbeeld.Features.Activity;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Map;
using Wijkbeeld.Features.Profile;
using Wijkbeeld.Infrastructure.Realtime;

namespace Wijkbeeld.Features;

public static class FeatureExtensions
{
    public static IServiceCollection AddWijkbeeldFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AreaIndex>();
        services.AddScoped<AreaImport>();
        services.AddScoped<ItemRules>();
        services.AddScoped<ItemService>();
        services.AddScoped<ItemReader>();
        services.AddScoped<ItemImport>();
        services.AddScoped<SampleItems>();
        services.AddOptions<ItemOptions>().BindConfiguration("Items");
        services.AddOptions<MapOptions>().BindConfiguration("Map");
        services.AddWijkprofiel();
        return services;
    }

    public static WebApplication MapWijkbeeldFeatures(this WebApplication app)
    {
        app.MapItemEndpoints();
        app.MapAreaEndpoints();
        app.MapActivityEndpoints();
        app.MapProfileEndpoints();
        app.MapWijkbeeldRealtime();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
