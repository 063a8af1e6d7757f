using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Wijkbeeld.Tests;

public enum Provider { Sqlite, Postgres }

/// <summary>
/// The real app with its own fresh database (a temporary SQLite file, or a new PostgreSQL database)
/// and the Den Helder sample loaded. Tiles are off: tests run offline.
/// </summary>
public sealed class WijkbeeldApp : WebApplicationFactory<Program>
{
    /// <summary>Server connection string for PostgreSQL tests, e.g. "Host=localhost;Username=postgres;Password=postgres".</summary>
    public const string PostgresVariable = "WIJKBEELD_TEST_POSTGRES";

    readonly string connectionString;
    readonly string? sqliteFile;
    readonly string? photoFolder;
    readonly string? postgresDatabase;
    readonly Dictionary<string, string?> settings;

    public Provider Provider { get; }

    public WijkbeeldApp(Provider provider = Provider.Sqlite, IDictionary<string, string?>? extraSettings = null)
    {
        Provider = provider;
        if (provider == Provider.Postgres)
        {
            var server = PostgresServer ?? throw new InvalidOperationException(
                $"Set {PostgresVariable} to a PostgreSQL connection string to run the PostgreSQL tests (.ci/run does).");
            postgresDatabase = "wijkbeeld_test_" + Guid.NewGuid().ToString("N")[..12];
            connectionString = new NpgsqlConnectionStringBuilder(server) { Database = postgresDatabase }.ConnectionString;
        }
        else
        {
            sqliteFile = Path.Combine(Path.GetTempPath(), $"wijkbeeld-test-{Guid.NewGuid():N}.db");
            connectionString = $"Data Source={sqliteFile};Pooling=False";
        }
        // Photos go to a folder of this app's own, removed with it (never into the repository's data folder).
        photoFolder = Path.Combine(Path.GetTempPath(), $"wijkbeeld-photos-{Guid.NewGuid():N}");
        settings = new Dictionary<string, string?>
        {
            ["Photos:Folder"] = photoFolder,
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Wijkbeeld"] = connectionString,
            ["SampleData:Load"] = "true",
            ["Map:TileUrl"] = "",
            // Every test client comes from one address; the rate-limit tests set their own, low limits.
            ["RateLimits:SignIns"] = "100000",
            ["RateLimits:Contributions"] = "100000",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }

    /// <summary>
    /// A second instance of the app (another server) on the database of <paramref name="first"/>, which must have
    /// started already (it migrated and loaded the sample). It loads no sample data and never deletes the database:
    /// <paramref name="first"/> owns it, so dispose this one first.
    /// </summary>
    public static WijkbeeldApp SharingDatabaseOf(WijkbeeldApp first, IDictionary<string, string?>? extraSettings = null) =>
        new(first, extraSettings);

    WijkbeeldApp(WijkbeeldApp first, IDictionary<string, string?>? extraSettings)
    {
        Provider = first.Provider;
        connectionString = first.connectionString;
        settings = new Dictionary<string, string?>(first.settings) { ["SampleData:Load"] = "false" };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        if (photoFolder is not null && Directory.Exists(photoFolder))
        {
            try { Directory.Delete(photoFolder, recursive: true); } catch (IOException) { }
        }
        if (sqliteFile is not null)
        {
            foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
            {
                try { File.Delete(file); } catch (IOException) { }
            }
        }
        if (postgresDatabase is not null && PostgresServer is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }
}
