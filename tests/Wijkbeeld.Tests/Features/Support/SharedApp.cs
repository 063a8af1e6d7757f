namespace Wijkbeeld.Tests.Features.Support;

/// <summary>
/// One <see cref="WijkbeeldApp"/> per test class (use as <c>IClassFixture</c>). The app starts on first use, inside a
/// test, so a PostgreSQL class without a server is skipped by <see cref="PostgresGate"/> before anything is created.
/// Tests in one class run one after another, so a test may count before and after its own writes; it must not
/// assume the sample data is untouched (earlier tests of the class may have added items).
/// </summary>
public abstract class SharedApp(Provider provider, IDictionary<string, string?>? settings = null, bool kestrel = false) : IDisposable
{
    readonly Lazy<WijkbeeldApp> app = new(() => Start(new WijkbeeldApp(provider, settings), kestrel));

    public Provider Provider => provider;

    public WijkbeeldApp App => app.Value;

    HttpClient? coordinator;

    /// <summary>One signed-in administrator (working at the municipality) for all tests of the class.</summary>
    public HttpClient Administrator => coordinator ??= App.CreateClientAs(Wijkbeeld.Features.Accounts.Roles.Administrator);

    static WijkbeeldApp Start(WijkbeeldApp app, bool kestrel)
    {
        if (kestrel)
        {
            // A real server on a free loopback port: what SignalR clients and browsers connect to.
            app.UseKestrel(0);
            app.StartServer();
        }
        return app;
    }

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

/// <summary>The app on Kestrel (a real TCP port), for live clients; SQLite.</summary>
public sealed class SqliteServerApp() : SharedApp(Provider.Sqlite, kestrel: true);

/// <summary>The app on Kestrel (a real TCP port), for live clients; PostgreSQL.</summary>
public sealed class PostgresServerApp() : SharedApp(Provider.Postgres, kestrel: true);

/// <summary>Decides whether the PostgreSQL variant of a test class runs; call it from the constructor of every Postgres class.</summary>
public static class PostgresGate
{
    /// <summary>
    /// Returns when <see cref="WijkbeeldApp.PostgresVariable"/> is set. Otherwise skips the test, except on CI
    /// (<c>CI=true</c>) where a missing server must not silently pass, so the test fails.
    /// </summary>
    public static void Require() => Gate.Require(
        WijkbeeldApp.PostgresServer is not null,
        $"{WijkbeeldApp.PostgresVariable} is not set: the PostgreSQL tests must run on CI.",
        $"PostgreSQL tests need {WijkbeeldApp.PostgresVariable} (e.g. \"Host=localhost;Username=postgres;Password=postgres\").");
}

/// <summary>The rule for tests that need something outside .NET (a database server, redis-server): skip locally, fail on CI.</summary>
public static class Gate
{
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns when <paramref name="available"/>; otherwise skips the test, or fails it when <c>CI=true</c>.</summary>
    public static void Require(bool available, string failOnCi, string skipLocally)
    {
        if (available)
        {
            return;
        }
        if (OnCi)
        {
            Assert.Fail("CI=true but " + failOnCi);
        }
        Assert.Skip(skipLocally);
    }
}
