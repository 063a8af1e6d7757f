using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Activity;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Infrastructure.Data;

/// <summary>
/// The one model. Each provider has a subclass only so that its migrations live apart
/// (Migrations/Sqlite, Migrations/Postgres); code everywhere uses <see cref="WijkbeeldDb"/>.
/// </summary>
public abstract class WijkbeeldDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Item> Items => Set<Item>();
    public DbSet<ItemTheme> ItemThemes => Set<ItemTheme>();
    public DbSet<ItemUpdate> ItemUpdates => Set<ItemUpdate>();
    public DbSet<ItemLink> ItemLinks => Set<ItemLink>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<ItemChange> ItemChanges => Set<ItemChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WijkbeeldDb).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
}

public sealed class SqliteWijkbeeldDb(DbContextOptions<SqliteWijkbeeldDb> options) : WijkbeeldDb(options);

public sealed class PostgresWijkbeeldDb(DbContextOptions<PostgresWijkbeeldDb> options) : WijkbeeldDb(options);
