using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Wijkbeeld.Features.Activity;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Profile;

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

    // Wijkprofiel
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();

    // ItemChange points at its item only so that one SaveChanges can store a new item and its first change;
    // nothing navigates from a change to an item, so the soft-delete filter on Item cannot hide rows there.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WijkbeeldDb).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
}

public sealed class SqliteWijkbeeldDb(DbContextOptions<SqliteWijkbeeldDb> options) : WijkbeeldDb(options);

public sealed class PostgresWijkbeeldDb(DbContextOptions<PostgresWijkbeeldDb> options) : WijkbeeldDb(options);
