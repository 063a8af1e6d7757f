using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Profile;

namespace Wijkbeeld.Infrastructure.Data;

public sealed class SampleDataOptions
{
    public bool Load { get; set; } = true;
}

/// <summary>Migrates the database on start and, on an empty database, loads the Den Helder sample.</summary>
public static class DatabaseSetup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<WijkbeeldDb>();
        var log = services.GetRequiredService<ILogger<WijkbeeldDb>>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL: readers never wait for a writer, and a killed process loses no committed write.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var load = app.Configuration.GetSection("SampleData").Get<SampleDataOptions>()?.Load ?? true;
        if (!load)
        {
            return;
        }
        if (!await db.Areas.AnyAsync())
        {
            await using var areas = typeof(DatabaseSetup).Assembly.GetManifestResourceStream(
                "Wijkbeeld.Features.Areas.SampleData.den-helder-areas.geojson")
                ?? throw new InvalidOperationException("Sample areas are not embedded.");
            var report = await services.GetRequiredService<AreaImport>().ImportAsync(areas, isSample: true, CancellationToken.None);
            var items = await services.GetRequiredService<SampleItems>().LoadAsync(CancellationToken.None);
            log.LogInformation("Sample data loaded: {Districts} wijken, {Neighbourhoods} buurten, {Items} items",
                report.Districts, report.Neighbourhoods, items);
        }
        // Sample figures belong to the sample areas: loaded once, also into a database made before the Wijkprofiel existed.
        if (app.Configuration.GetValue("Profile:LoadSample", true) && !await db.Indicators.AnyAsync() &&
            await db.Areas.AnyAsync(a => a.IsSample))
        {
            var figures = await services.GetRequiredService<ProfileSampleData>().LoadAsync(CancellationToken.None);
            log.LogInformation("Sample figures loaded: {Figures} values", figures);
        }
    }
}
