using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wijkbeeld.Features.Activity;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Robustness;

/// <summary>The robustness tests run one after another: they start servers and load the machine.</summary>
[CollectionDefinition(Name)]
public sealed class RobustnessCollection
{
    public const string Name = "Robustness";
}

/// <summary>Every row the write paths touch: items (deleted ones included), their log, the change feed and the areas.</summary>
public sealed record RowCounts(int Items, int Updates, int Changes, int Areas)
{
    public RowCounts Plus(int items, int updates, int changes) => this with
    {
        Items = Items + items, Updates = Updates + updates, Changes = Changes + changes,
    };

    public override string ToString() => $"items {Items}, updates {Updates}, changes {Changes}, areas {Areas}";
}

public static class RobustnessDb
{
    public static async Task<RowCounts> CountRowsAsync(this WijkbeeldDb db, CancellationToken ct) => new(
        await db.Items.IgnoreQueryFilters().CountAsync(ct),
        await db.ItemUpdates.CountAsync(ct),
        await db.ItemChanges.CountAsync(ct),
        await db.Areas.CountAsync(ct));

    public static Task<RowCounts> CountRowsAsync(this WijkbeeldApp app) => app.WithDbAsync(db => db.CountRowsAsync(TestApps.Ct));

    /// <summary>
    /// Every item is whole: one 'created' (or 'imported') log line and one 'created' feed entry, and for every other
    /// log line its feed entry (edited/updated, comment/commented, deleted/deleted). For items with an id above
    /// <paramref name="checkVersionsAbove"/> (made by the test through the API), the version counts the changes too.
    /// Returns what is wrong, empty when nothing is.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FindHalfStoredAsync(this WijkbeeldDb db, CancellationToken ct, int? checkVersionsAbove = null)
    {
        var items = await db.Items.IgnoreQueryFilters().AsNoTracking()
            .Select(i => new { i.Id, i.IsDeleted, i.Version }).ToListAsync(ct);
        var updates = (await db.ItemUpdates.AsNoTracking().Select(u => new { u.ItemId, u.Type }).ToListAsync(ct))
            .ToLookup(u => u.ItemId, u => u.Type);
        var changes = (await db.ItemChanges.AsNoTracking().Select(c => new { c.ItemId, c.Type }).ToListAsync(ct))
            .ToLookup(c => c.ItemId, c => c.Type);
        var problems = new List<string>();
        foreach (var item in items)
        {
            var u = updates[item.Id].ToList();
            var c = changes[item.Id].ToList();
            int U(ItemUpdateType t) => u.Count(x => x == t);
            int C(ChangeType t) => c.Count(x => x == t);
            var created = U(ItemUpdateType.Created) + U(ItemUpdateType.Imported);
            var edited = U(ItemUpdateType.Edited);
            var comments = U(ItemUpdateType.Comment);
            var deleted = U(ItemUpdateType.Deleted);
            if (created != 1) problems.Add($"item {item.Id}: {created} created/imported log lines");
            if (C(ChangeType.Created) != 1) problems.Add($"item {item.Id}: {C(ChangeType.Created)} 'created' feed entries");
            if (edited != C(ChangeType.Updated)) problems.Add($"item {item.Id}: {edited} 'edited' log lines but {C(ChangeType.Updated)} 'updated' feed entries");
            if (comments != C(ChangeType.Commented)) problems.Add($"item {item.Id}: {comments} comments but {C(ChangeType.Commented)} 'commented' feed entries");
            if (deleted != C(ChangeType.Deleted) || deleted != (item.IsDeleted ? 1 : 0))
            {
                problems.Add($"item {item.Id}: deleted={item.IsDeleted}, {deleted} 'deleted' log lines, {C(ChangeType.Deleted)} 'deleted' feed entries");
            }
            if (item.Id > checkVersionsAbove && item.Version != 1 + edited + comments + deleted)
            {
                problems.Add($"item {item.Id}: version {item.Version} after {edited} edits, {comments} comments, {deleted} deletes");
            }
        }
        return problems;
    }

    /// <summary>A context on a database the test does not host itself (a server process, a private PostgreSQL).</summary>
    public static WijkbeeldDb Open(Provider provider, string connectionString)
    {
        if (provider == Provider.Postgres)
        {
            var options = new DbContextOptionsBuilder<PostgresWijkbeeldDb>();
            DataExtensions.ConfigurePostgres(options, connectionString);
            return new PostgresWijkbeeldDb(options.Options);
        }
        var sqlite = new DbContextOptionsBuilder<SqliteWijkbeeldDb>();
        DataExtensions.ConfigureSqlite(sqlite, connectionString);
        return new SqliteWijkbeeldDb(sqlite.Options);
    }

    /// <summary>A fresh database for a server process: a temporary SQLite file, or a new database on the shared PostgreSQL server.</summary>
    public static TestDatabase Create(Provider provider) => new(provider);
}

/// <summary>A database owned by one test; removed on dispose.</summary>
public sealed class TestDatabase : IDisposable
{
    readonly string? sqliteFile;
    readonly string? postgresDatabase;

    public TestDatabase(Provider provider)
    {
        Provider = provider;
        if (provider == Provider.Postgres)
        {
            postgresDatabase = "wijkbeeld_robust_" + Guid.NewGuid().ToString("N")[..12];
            ConnectionString = new NpgsqlConnectionStringBuilder(WijkbeeldApp.PostgresServer!) { Database = postgresDatabase }.ConnectionString;
        }
        else
        {
            sqliteFile = Path.Combine(Path.GetTempPath(), $"wijkbeeld-robust-{Guid.NewGuid():N}.db");
            ConnectionString = $"Data Source={sqliteFile}";
        }
    }

    public Provider Provider { get; }
    public string ConnectionString { get; }

    public WijkbeeldDb Open() => RobustnessDb.Open(Provider, ConnectionString);

    public void Dispose()
    {
        if (sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
            {
                try { File.Delete(file); } catch (IOException) { }
            }
        }
        if (postgresDatabase is not null && WijkbeeldApp.PostgresServer is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }
}

/// <summary>What the API's problem responses are titled, per status (see Resources/Texts.resx).</summary>
public static class ProblemTitles
{
    public static IReadOnlyList<string> For(int status) => status switch
    {
        400 => [DutchTitles.Validation, DutchTitles.BadRequest],
        404 => [DutchTitles.NotFound],
        405 => [DutchTitles.MethodNotAllowed],
        409 => [DutchTitles.Conflict],
        413 => [DutchTitles.TooLarge],
        415 => [DutchTitles.UnsupportedType],
        428 => [DutchTitles.VersionMissing],
        503 => [DutchTitles.Unavailable],
        _ => [],
    };

    /// <summary>Null when the response is an RFC 9457 problem with the Dutch title for its status; otherwise what is wrong.</summary>
    public static string? Check(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"content type {response.Content.Headers.ContentType?.MediaType ?? "(none)"}, not application/problem+json";
        }
        try
        {
            var problem = JsonSerializer.Deserialize<ProblemShape>(body, JsonSerializerOptions.Web);
            if (problem?.Status != status)
            {
                return $"problem status {problem?.Status} differs from HTTP status {status}";
            }
            var titles = For(status);
            if (!titles.Contains(problem.Title))
            {
                return $"title '{problem.Title}' is not the Dutch title for {status} ({string.Join(" | ", titles)})";
            }
            return null;
        }
        catch (JsonException e)
        {
            return "problem body is not JSON: " + e.Message;
        }
    }
}

public static class Ports
{
    public static int Free()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// The real server as a separate process (<c>dotnet exec Wijkbeeld.dll</c>), so it can be killed with SIGKILL.
/// </summary>
public sealed class AppProcess : IDisposable
{
    readonly Process process;
    readonly ConcurrentQueue<string> output = new();

    AppProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the server wrote, for failure messages.</summary>
    public string RecentOutput => string.Join('\n', output);

    /// <summary>The app as the test project's build left it: src/Wijkbeeld/bin/&lt;Configuration&gt;/net10.0/Wijkbeeld.dll.</summary>
    public static string AppDll { get; } = FindAppDll();

    static string FindAppDll()
    {
        // The test assembly runs from tests/Wijkbeeld.Tests/bin/<Configuration>/<tfm>/.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent?.Name
            ?? typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var dir = testOutput; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Wijkbeeld", "bin", configuration, framework, "Wijkbeeld.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        // The build also copies the referenced app next to the tests.
        var copy = Path.Combine(testOutput.FullName, "Wijkbeeld.dll");
        return File.Exists(copy) ? copy : throw new FileNotFoundException("Wijkbeeld.dll not found; build the solution first.");
    }

    public static async Task<AppProcess> StartAsync(Provider provider, string connectionString, TimeSpan? timeout = null)
    {
        var port = Ports.Free();
        var start = StartInfo(provider, connectionString);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";

        var app = new AppProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        app.process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        app.process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        await app.WaitUntilHealthyAsync(timeout ?? TimeSpan.FromSeconds(90));
        return app;
    }

    static ProcessStartInfo StartInfo(Provider provider, string connectionString, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(AppDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", AppDll }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) ||
                     k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Wijkbeeld"] = connectionString;
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["SampleData__Load"] = "true";
        start.Environment["Map__TileUrl"] = "";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        return start;
    }

    /// <summary>Runs a command of the app (such as <c>create-admin</c>) on the database and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunCommandAsync(Provider provider, string connectionString, params string[] args)
    {
        using var process = Process.Start(StartInfo(provider, connectionString, args))!;
        var output = process.StandardOutput.ReadToEndAsync(TestApps.Ct);
        var errors = process.StandardError.ReadToEndAsync(TestApps.Ct);
        await process.WaitForExitAsync(TestApps.Ct);
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>
    /// The first administrator as the README makes one: <c>create-admin</c> prints an invitation link, the person opens it
    /// and chooses a password. Returns a client signed in as that administrator.
    /// </summary>
    public async Task<HttpClient> FirstAdministratorAsync(Provider provider, string connectionString)
    {
        var email = $"beheer-{Guid.NewGuid():N}@example.nl";
        var (exitCode, output, errors) = await RunCommandAsync(provider, connectionString, "create-admin", "--email", email, "--url", Address.ToString());
        Assert.True(exitCode == 0, $"create-admin failed ({exitCode}): {output} {errors}");
        var link = output.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.Contains("/uitnodiging/", StringComparison.Ordinal));
        var client = CreateClient();
        var form = await HtmlForm.LoadAsync(client, new Uri(link).PathAndQuery);
        var done = await form.Set("Password", "een lange zin als wachtwoord").Set("Repeat", "een lange zin als wachtwoord").SubmitAsync(client);
        Assert.True(done.IsSuccessStatusCode, $"Accepting the invitation answered {(int)done.StatusCode}.");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/session", TestApps.Ct)).StatusCode);
        return client;
    }

    void Keep(string? line)
    {
        if (line is null) return;
        output.Enqueue(line);
        while (output.Count > 200 && output.TryDequeue(out _)) { }
    }

    public HttpClient CreateClient(TimeSpan? timeout = null) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = Address,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };

    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = CreateClient(TimeSpan.FromSeconds(5));
        var deadline = DateTime.UtcNow + timeout;
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                Assert.Fail($"The server exited with {process.ExitCode} while starting:\n{RecentOutput}");
            }
            try
            {
                var response = await client.GetAsync("/health", TestApps.Ct);
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestApps.Ct)}";
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException e) when (!TestApps.Ct.IsCancellationRequested)
            {
                last = e.Message;
            }
            await Task.Delay(100, TestApps.Ct);
        }
        Assert.Fail($"The server at {Address} did not become healthy in {timeout} (last: {last}):\n{RecentOutput}");
    }

    /// <summary>SIGKILL on Linux: no shutdown, no flush, no finally blocks.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: false);
        process.WaitForExit();
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        process.Dispose();
    }
}

/// <summary>
/// A PostgreSQL instance of the test's own (initdb + pg_ctl in a temporary folder), so it can be stopped
/// without disturbing the shared server other tests use. Needs root (to run as the postgres user) and the binaries.
/// </summary>
public sealed class PrivatePostgres : IDisposable
{
    readonly string root;
    readonly string data;
    readonly int port;

    PrivatePostgres(string binDir)
    {
        BinDir = binDir;
        root = Path.Combine(Path.GetTempPath(), "wijkbeeld-pg-" + Guid.NewGuid().ToString("N")[..12]);
        data = Path.Combine(root, "data");
        port = Ports.Free();
    }

    public string BinDir { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = port, Username = "postgres", Database = "wijkbeeld", Timeout = 5, CommandTimeout = 15,
    }.ConnectionString;

    /// <summary>The newest /usr/lib/postgresql/&lt;version&gt;/bin with initdb and pg_ctl, or null.</summary>
    public static string? FindBinDir()
    {
        const string versions = "/usr/lib/postgresql";
        if (!Directory.Exists(versions)) return null;
        return Directory.GetDirectories(versions)
            .Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")) && File.Exists(Path.Combine(b, "postgres")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    /// <summary>Skips when not root or PostgreSQL is not installed; fails instead on CI (CI=true).</summary>
    public static string RequireBinaries()
    {
        var bin = FindBinDir();
        string? missing = !string.Equals(Environment.UserName, "root", StringComparison.Ordinal) ? "root (to run PostgreSQL as the postgres user)"
            : bin is null ? "the PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin)"
            : !File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser") && !File.Exists("/usr/bin/runuser") ? "runuser"
            : null;
        if (missing is null)
        {
            return bin!;
        }
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"CI=true but this test cannot run: it needs {missing}.");
        }
        Assert.Skip($"Needs {missing}.");
        return "";
    }

    public static async Task<PrivatePostgres> StartNewAsync(string binDir)
    {
        var pg = new PrivatePostgres(binDir);
        Directory.CreateDirectory(pg.root);
        await RunAsync("chown", ["postgres:postgres", pg.root]);
        await pg.AsPostgresAsync("initdb", ["-D", pg.data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        await pg.StartAsync();
        return pg;
    }

    public Task StartAsync() => AsPostgresAsync("pg_ctl",
    [
        "-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60",
        "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=50", "start",
    ]);

    /// <summary>Like a crash or a pulled plug: no checkpoint, connections cut.</summary>
    public Task StopImmediateAsync() => AsPostgresAsync("pg_ctl", ["-D", data, "-m", "immediate", "-w", "-t", "60", "stop"]);

    Task AsPostgresAsync(string tool, IEnumerable<string> args) =>
        RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinDir, tool), .. args]);

    public string ServerLog => File.Exists(Path.Combine(root, "server.log")) ? File.ReadAllText(Path.Combine(root, "server.log")) : "";

    static async Task RunAsync(string file, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }

    public void Dispose()
    {
        try
        {
            AsPostgresAsync("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Not running.
        }
        try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
