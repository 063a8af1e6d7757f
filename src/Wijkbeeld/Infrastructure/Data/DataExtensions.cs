using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Wijkbeeld.Infrastructure.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DataExtensions
{
    public const string ConnectionStringName = "Wijkbeeld";

    /// <summary>
    /// Saves a change to an entity whose int version is its concurrency token: the version the client read
    /// (If-Match) becomes the original value, so a row someone else changed meanwhile is not overwritten.
    /// False when that happened (the caller answers 409); the entity then holds the raised version unsaved.
    /// </summary>
    public static async Task<bool> TrySaveVersionAsync<T>(this DbContext db, T entity, Expression<Func<T, int>> version, int expected, CancellationToken ct)
        where T : class
    {
        var property = db.Entry(entity).Property(version);
        property.CurrentValue = expected + 1;
        property.OriginalValue = expected;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
    const string DefaultSqlite = "Data Source=data/wijkbeeld.db";

    /// <summary>Registers <see cref="WijkbeeldDb"/> for SQLite (default) or PostgreSQL, from <c>Database:Provider</c>.</summary>
    public static IHostApplicationBuilder AddWijkbeeldData(this IHostApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Database__Provider=Postgres needs ConnectionStrings__Wijkbeeld (e.g. Host=localhost;Database=wijkbeeld;Username=...;Password=...).");
            }
            builder.Services.AddDbContext<WijkbeeldDb, PostgresWijkbeeldDb>(o => ConfigurePostgres(o, connectionString));
        }
        else
        {
            connectionString = ResolveSqlitePath(
                string.IsNullOrWhiteSpace(connectionString) ? DefaultSqlite : connectionString, builder.Environment.ContentRootPath);
            builder.Services.AddDbContext<WijkbeeldDb, SqliteWijkbeeldDb>(o => ConfigureSqlite(o, connectionString));
        }
        return builder;
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsHistoryTable("__migrations"));

    internal static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__migrations"));

    /// <summary>A relative database file lives under the app's content root, whatever the working directory; its folder is created.</summary>
    static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            return connectionString;
        }
        builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ConnectionString;
    }
}

// Design-time factories so `dotnet ef migrations add` builds each provider's migrations without a host.
sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteWijkbeeldDb>
{
    public SqliteWijkbeeldDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteWijkbeeldDb>();
        DataExtensions.ConfigureSqlite(options, "Data Source=design.db");
        return new SqliteWijkbeeldDb(options.Options);
    }
}

sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresWijkbeeldDb>
{
    public PostgresWijkbeeldDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresWijkbeeldDb>();
        DataExtensions.ConfigurePostgres(options, "Host=localhost;Database=wijkbeeld_design");
        return new PostgresWijkbeeldDb(options.Options);
    }
}
