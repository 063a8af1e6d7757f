namespace Wijkbeeld.Features.Profile;

public static class ProfileExtensions
{
    public static IServiceCollection AddWijkprofiel(this IServiceCollection services)
    {
        services.AddOptions<ProfileOptions>().BindConfiguration("Profile");
        services.AddSingleton<ImportJobs>();
        services.AddScoped<IndicatorImport>();
        services.AddScoped<IndicatorStore>();
        services.AddScoped<IndicatorReader>();
        services.AddScoped<IndicatorEditor>();
        services.AddScoped<ProfileSampleData>();
        services.AddHttpClient("cbs", c => c.Timeout = TimeSpan.FromSeconds(60));
        return services;
    }
}
