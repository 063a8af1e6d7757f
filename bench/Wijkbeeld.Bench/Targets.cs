using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Wijkbeeld.Bench;

/// <summary>A server under test: how to start it, how a client follows it, and how one change is made.</summary>
interface ITarget : IAsyncDisposable
{
    string Name { get; }
    ChildProcess Server { get; }
    Uri HubUrl { get; }
    string Method { get; }
    /// <summary>After the connection started: whatever a real client does to start receiving.</summary>
    Task SubscribeAsync(HubConnection connection, CancellationToken ct);
    /// <summary>Before the warm-up: whatever the target needs (Wijkbeeld: find points the API accepts).</summary>
    Task PrepareAsync(CancellationToken ct);
    /// <summary>Makes change <paramref name="index"/> of <paramref name="phase"/>; stamps Sent just before it goes out.</summary>
    Task SendAsync(Phase phase, int index, CancellationToken ct);
}

static class Hubs
{
    public static HubConnection Connect(Uri url) => new HubConnectionBuilder()
        .WithUrl(url, HttpTransportType.WebSockets)
        .Build();
}

/// <summary>Wijkbeeld itself: a fresh SQLite database with the Den Helder sample; items saved through the API.</summary>
sealed class WijkbeeldTarget : ITarget
{
    const string Municipality = "GM0400";

    readonly string dataDir;
    readonly HttpClient http;
    readonly List<(double Lat, double Lon)> candidates;
    readonly List<(double Lat, double Lon)> points = [];

    public string Name => "Wijkbeeld";
    public ChildProcess Server { get; }
    public Uri HubUrl { get; }
    public string Method => "change";

    /// <summary>The signed-in administrator's client (the sessions benchmark plans its session with it).</summary>
    public HttpClient Admin => http;

    WijkbeeldTarget(ChildProcess server, Uri baseUrl, string dataDir, List<(double, double)> candidates)
    {
        Server = server;
        HubUrl = new Uri(baseUrl, "/hubs/updates");
        this.dataDir = dataDir;
        this.candidates = candidates;
        http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public static async Task<WijkbeeldTarget> StartAsync(RealtimeOptions o, CancellationToken ct)
    {
        var port = ChildProcess.FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        var dataDir = Directory.CreateTempSubdirectory("wijkbeeld-bench-").FullName;
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = baseUrl.ToString().TrimEnd('/'),
            ["ConnectionStrings__Wijkbeeld"] = $"Data Source={Path.Combine(dataDir, "wijkbeeld.db")}",
            ["Database__Provider"] = "Sqlite",
            ["SampleData__Load"] = "true",
            ["Map__TileUrl"] = "",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            ["DOTNET_NOLOGO"] = "1",
        };
        // Working directory as with `dotnet run`: the project folder (content root).
        var server = ChildProcess.Start("Wijkbeeld", "dotnet", [o.ServerDll], Path.GetDirectoryName(o.ServerDll)!, env);
        var target = new WijkbeeldTarget(server, baseUrl, dataDir, SamplePoints(o.RepoRoot));
        try
        {
            await server.WaitHealthyAsync(new Uri(baseUrl, "/health"), TimeSpan.FromSeconds(120), ct);
            // The writer is an administrator; the live clients stay anonymous and receive the public changes.
            await BenchAdmin.SignInAsync(target.http, o.ServerDll, "Sqlite", env["ConnectionStrings__Wijkbeeld"], baseUrl, ct);
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }
        return target;
    }

    public async Task SubscribeAsync(HubConnection connection, CancellationToken ct)
    {
        var latest = await connection.InvokeAsync<long>("Follow", Municipality, ct);
        if (latest <= 0)
        {
            throw new BenchException($"Follow(\"{Municipality}\") answered sequence {latest}; expected the sample's changes.");
        }
    }

    /// <summary>Keeps the sample points the API accepts (a few probe items; their changes are not measured).</summary>
    public async Task PrepareAsync(CancellationToken ct)
    {
        var probe = new Phase("probe", 0, candidates.Count);
        string? refusal = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            using var response = await http.PostAsync("/api/items", Body(probe.Title(i), candidates[i]), ct);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                points.Add(candidates[i]);
            }
            else
            {
                refusal ??= $"{(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync(ct))}";
            }
        }
        if (points.Count == 0)
        {
            throw new BenchException($"POST /api/items refused every sample point, first with {refusal}", Server.Tail());
        }
    }

    public async Task SendAsync(Phase phase, int index, CancellationToken ct)
    {
        using var body = Body(phase.Title(index), points[index % points.Count]);
        phase.Sent[index] = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.PostAsync("/api/items", body, ct);
            phase.Completed[index] = Stopwatch.GetTimestamp();
            if (response.StatusCode == HttpStatusCode.Created)
            {
                phase.Ok[index] = true;
            }
            else
            {
                phase.Fail($"POST /api/items: {(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync(ct))}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            phase.Completed[index] = Stopwatch.GetTimestamp();
            phase.Fail($"POST /api/items: {e.GetType().Name}: {e.Message}");
        }
    }

    static StringContent Body(string title, (double Lat, double Lon) point) => new(
        JsonSerializer.Serialize(new
        {
            kind = "kans",
            title,
            description = "Belastingproef voor live updates: dit item is door bench/run gemaakt.",
            latitude = point.Lat,
            longitude = point.Lon,
            themes = new[] { "ontmoeting" },
            visibility = "openbaar",
        }),
        Encoding.UTF8, "application/json");

    /// <summary>Points of the Den Helder sample items (all inside its buurten), and the one from the issue.</summary>
    static List<(double, double)> SamplePoints(string repo)
    {
        var list = new List<(double, double)> { (52.955, 4.760) };
        var file = Path.Combine(repo, "src/Wijkbeeld/Features/Items/SampleData/den-helder-items.json");
        if (File.Exists(file))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                if (item.TryGetProperty("lat", out var lat) && item.TryGetProperty("lon", out var lon) &&
                    lat.TryGetDouble(out var la) && lon.TryGetDouble(out var lo) && !list.Contains((la, lo)))
                {
                    list.Add((la, lo));
                }
                if (list.Count == 12) break;
            }
        }
        return list;
    }

    static string Shorten(string s) => s.Length <= 300 ? s : s[..300] + "…";

    public ValueTask DisposeAsync()
    {
        http.Dispose();
        Server.Dispose();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}

/// <summary>The baseline: this program's echo-server mode; one extra hub connection sends the messages.</summary>
sealed class EchoTarget : ITarget
{
    HubConnection? sender;

    public string Name => "echo hub";
    public ChildProcess Server { get; }
    public Uri HubUrl { get; }
    public string Method => EchoServer.Method;

    EchoTarget(ChildProcess server, Uri baseUrl)
    {
        Server = server;
        HubUrl = new Uri(baseUrl, EchoServer.HubPath);
    }

    public static async Task<EchoTarget> StartAsync(RealtimeOptions o, CancellationToken ct)
    {
        var port = ChildProcess.FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_NOLOGO"] = "1",
            // The same garbage collector as Wijkbeeld (the Web SDK turns on server GC), so memory and pauses compare.
            ["DOTNET_gcServer"] = UsesServerGc(o.ServerDll) ? "1" : "0",
        };
        var self = Environment.ProcessPath ?? "dotnet";
        var entry = typeof(EchoTarget).Assembly.Location;
        List<string> args = Path.GetFileNameWithoutExtension(self) == "dotnet" ? [entry] : [];
        args.AddRange(["echo-server", "--urls", baseUrl.ToString().TrimEnd('/')]);
        var server = ChildProcess.Start("echo hub", self, args, o.RepoRoot, env);
        var target = new EchoTarget(server, baseUrl);
        try
        {
            await server.WaitHealthyAsync(new Uri(baseUrl, "/health"), TimeSpan.FromSeconds(60), ct);
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }
        return target;
    }

    public Task SubscribeAsync(HubConnection connection, CancellationToken ct) => Task.CompletedTask;

    public async Task PrepareAsync(CancellationToken ct)
    {
        sender = Hubs.Connect(HubUrl);
        sender.On<ChangeMessage>(Method, _ => { });
        await sender.StartAsync(ct);
    }

    public async Task SendAsync(Phase phase, int index, CancellationToken ct)
    {
        // The same shape and about the same size as Wijkbeeld's change message.
        var message = new ChangeMessage(index, "created", index, "kans", phase.Title(index), "Toegevoegd aan de wijkkaart.",
            DateTime.UtcNow, "GM0400", "WK040001", "BU04000101");
        phase.Sent[index] = Stopwatch.GetTimestamp();
        try
        {
            await sender!.InvokeAsync("Echo", message, ct);
            phase.Completed[index] = Stopwatch.GetTimestamp();
            phase.Ok[index] = true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            phase.Completed[index] = Stopwatch.GetTimestamp();
            phase.Fail($"Echo: {e.GetType().Name}: {e.Message}");
        }
    }

    static bool UsesServerGc(string serverDll)
    {
        var config = Path.ChangeExtension(serverDll, ".runtimeconfig.json");
        if (!File.Exists(config)) return true;
        using var doc = JsonDocument.Parse(File.ReadAllText(config));
        return doc.RootElement.TryGetProperty("runtimeOptions", out var ro) &&
            ro.TryGetProperty("configProperties", out var cp) &&
            cp.TryGetProperty("System.GC.Server", out var gc) && gc.ValueKind == JsonValueKind.True;
    }

    public async ValueTask DisposeAsync()
    {
        if (sender is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await sender.StopAsync(timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException) { }
            await sender.DisposeAsync();
        }
        Server.Dispose();
    }
}
