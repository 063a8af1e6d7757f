namespace Wijkbeeld.Tests.Features.Support;

/// <summary>
/// One <see cref="WijkbeeldApp"/> per test class (use as <c>IClassFixture</c>). The app starts on first use, inside a
/// test, so a PostgreSQL class without a server is skipped by <see cref="PostgresGate"/> before anything is created.
/// Tests in one class run one after another, so a test may count before and after its own writes; it must not
/// assume the sample data is untouched (earlier tests of the class may have added items).
/// </summary>
public abstract class SharedApp(Provider provider, IDictionary<string, string?>? settings = null) : IDisposable
{
    readonly Lazy<WijkbeeldApp> app = new(() => new WijkbeeldApp(provider, settings));

    public Provider Provider => provider;

    public WijkbeeldApp App => app.Value;

    public void Dispose()
    {
        if (app.IsValueCreated)
        {
            app.Value.Dispose();
        }
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp() : SharedApp(Provider.Sqlite);

public sealed class PostgresApp() : SharedApp(Provider.Postgres);

/// <summary>Decides whether the PostgreSQL variant of a test class runs; call it from the constructor of every Postgres class.</summary>
public static class PostgresGate
{
    /// <summary>
    /// Returns when <see cref="WijkbeeldApp.PostgresVariable"/> is set. Otherwise skips the test, except on CI
    /// (<c>CI=true</c>) where a missing server must not silently pass, so the test fails.
    /// </summary>
    public static void Require()
    {
        if (WijkbeeldApp.PostgresServer is not null)
        {
            return;
        }
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"CI=true but {WijkbeeldApp.PostgresVariable} is not set: the PostgreSQL tests must run on CI.");
        }
        Assert.Skip($"PostgreSQL tests need {WijkbeeldApp.PostgresVariable} (e.g. \"Host=localhost;Username=postgres;Password=postgres\").");
    }
}
