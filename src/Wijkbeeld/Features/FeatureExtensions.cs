using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Activity;
using Wijkbeeld.Features.Audit;
using Wijkbeeld.Features.Contributions;
using Wijkbeeld.Features.Follow;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Field;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Map;
using Wijkbeeld.Features.Observations;
using Wijkbeeld.Features.Timeline;
using Wijkbeeld.Features.Experiments;
using Wijkbeeld.Features.Photos;
using Microsoft.Extensions.Options;
using Wijkbeeld.Features.Profile;
using Wijkbeeld.Features.Sessions;
using Wijkbeeld.Features.Werkagenda;
using Wijkbeeld.Features.Koppelkansen;
using Wijkbeeld.Features.Network;
using Wijkbeeld.Features.Network.WhosWho;
using Wijkbeeld.Features.Stories;
using Wijkbeeld.Features.Focus;
using Wijkbeeld.Features.VisibleActions;
using Wijkbeeld.Features.Borgen;
using Wijkbeeld.Infrastructure.Realtime;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features;

public static class FeatureExtensions
{
    public static IServiceCollection AddWijkbeeldFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWijkbeeldAccounts(configuration);
        services.AddWijkbeeldRateLimits(configuration);
        services.AddScoped<PersonalData>();
        services.AddScoped<Follow.Follows>();
        services.AddScoped<Follow.Digests>();
        services.AddOptions<Follow.DigestOptions>().BindConfiguration("Digest");
        services.AddHostedService<Follow.DigestWorker>();
        services.AddScoped<Contributions.Contributions>();
        services.AddSingleton<AreaIndex>();
        services.AddScoped<AreaImport>();
        services.AddScoped<ItemRules>();
        services.AddScoped<ItemService>();
        services.AddScoped<ItemReader>();
        services.AddSingleton<ThemeCodes>();
        services.AddScoped<ItemImport>();
        services.AddScoped<SampleItems>();
        services.AddOptions<ItemOptions>().BindConfiguration("Items");
        services.AddOptions<MapOptions>().BindConfiguration("Map");
        services.AddFieldFeature();
        services.AddPhotosFeature();
        services.AddSingleton<ClusterIndex>();
        services.AddHostedService<ClusterIndexSync>();
        services.AddWijkprofiel();
        services.AddSessionsFeature(configuration);
        services.AddObservationsFeature();
        services.AddTimelineFeature();
        services.AddExperimentsFeature();
        services.AddWerkagendaFeature();
        services.AddKoppelkansenFeature();
        services.AddNetworkFeature();
        services.AddWhosWhoFeature();
        services.AddStoriesFeature();
        services.AddFocusFeature();
        services.AddVisibleActionsFeature();
        services.AddBorgenFeature();
        return services;
    }

    public static WebApplication MapWijkbeeldFeatures(this WebApplication app)
    {
        app.UseFieldFeature();
        app.MapAccountEndpoints();
        app.MapContributionEndpoints();
        app.MapAuditEndpoints();
        app.MapFollowEndpoints();
        app.MapItemEndpoints();
        app.MapFieldEndpoints();
        app.MapPhotoEndpoints(app.Services.GetRequiredService<IOptions<PhotoOptions>>());
        app.MapAreaEndpoints();
        app.MapActivityEndpoints();
        app.MapProfileEndpoints();
        app.MapSessionEndpoints();
        app.MapObservationEndpoints();
        app.MapTimelineEndpoints();
        app.MapExperimentEndpoints();
        app.MapWerkagendaEndpoints();
        app.MapKoppelkansenEndpoints();
        app.MapNetworkEndpoints();
        app.MapWhosWhoEndpoints();
        app.MapStoryEndpoints();
        app.MapFocusEndpoints();
        app.MapVisibleActionEndpoints();
        app.MapBorgenEndpoints();
        app.MapWijkbeeldRealtime();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
