using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Wijkbeeld.Bench;

/// <summary>
/// Werksessies under load: 10 breakouts of 5 participants (each a guest with a cookie and a SignalR connection watching
/// their breakout) and one plenary connection. Every participant moves their own draft once a second (PUT with If-Match);
/// the delay from each send to its arrival at the other four members and at the plenary is measured in this process.
/// The baseline is the bare echo hub (the realtime benchmark's) with the same number of connections and messages per second.
/// </summary>
sealed class SessionsBenchmark(RealtimeOptions realtime, int groups, int seconds, string? markdown, string command)
{
    const int GroupSize = 5;
    const int WarmupSeconds = 3;

    /// <summary>Send slots per person: warm-up and measured moves, numbered from 1.</summary>
    int Slots => WarmupSeconds + seconds + 2;
    readonly Stopwatch clock = Stopwatch.StartNew();

    public static SessionsBenchmark Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        int groups = quick ? 4 : 10, seconds = quick ? 10 : 60;
        string? markdown = null, command = quick ? "bench/run sessions --quick" : "bench/run sessions";
        var pass = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": break;
                case "--groups" when i + 1 < args.Length: groups = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seconds" when i + 1 < args.Length: seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--markdown" when i + 1 < args.Length: markdown = Path.GetFullPath(args[++i]); break;
                case "--command" when i + 1 < args.Length: command = args[++i]; break;
                case "--server-dll" or "--repo" when i + 1 < args.Length: pass.Add(args[i]); pass.Add(args[++i]); break;
                default: throw new UsageException($"sessions: unexpected argument '{args[i]}'.");
            }
        }
        if (groups is < 1 or > 50 || seconds is < 1 or > 600) throw new UsageException("sessions: --groups 1..50, --seconds 1..600.");
        return new SessionsBenchmark(RealtimeOptions.Parse([.. pass]), groups, seconds, markdown, command);
    }

    /// <summary>Receipts: (delay in ms, to the plenary or inside the breakout).</summary>
    sealed class Receipts
    {
        public readonly System.Collections.Concurrent.ConcurrentBag<double> Breakout = [];
        public readonly System.Collections.Concurrent.ConcurrentBag<double> Plenary = [];
        public readonly System.Collections.Concurrent.ConcurrentBag<double> Echo = [];
        public int Failures;
        public long[] SentAt = [];
        public volatile bool Measuring;
    }

    sealed record Person(int Index, int Group, HttpClient Http, CookieContainer Cookies, int DraftId) { public int Version = 1; public HubConnection? Hub; }

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var people = groups * GroupSize;
        var rate = (double)people;
        var machine = MachineInfo.Read();
        Log($"sessions: {groups} breakouts × {GroupSize}, 1 change/s each ({rate:0} /s) for {seconds} s; {machine.Summary}");
        var receipts = new Receipts { SentAt = new long[people * (Slots)] };

        // ---- Wijkbeeld ----
        await using (var target = await WijkbeeldTarget.StartAsync(realtime, ct))
        {
            var baseUrl = new Uri(target.HubUrl, "/");
            var admin = target.Admin;
            var session = await Json(await admin.PostAsJsonAsync("/api/sessions", new { title = "Bench", what = "Meten", areaCode = "WK040001" }, ct), ct);
            var id = session.GetProperty("id").GetInt32();
            var code = session.GetProperty("code").GetString()!;
            (await admin.PostAsJsonAsync($"/api/sessions/{id}/breakouts", new { count = groups }, ct)).EnsureSuccessStatusCode();

            var list = new List<Person>();
            async Task<(HttpClient, CookieContainer)> JoinAsync(string name)
            {
                var cookies = new CookieContainer();
                var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, UseProxy = false }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
                (await http.PostAsJsonAsync("/api/sessions/join", new { code, displayName = name }, ct)).EnsureSuccessStatusCode();
                return (http, cookies);
            }
            for (var i = 0; i < people; i++)
            {
                var (http, cookies) = await JoinAsync($"Deelnemer {i}");
                var group = i / GroupSize + 1;
                (await http.PostAsJsonAsync($"/api/sessions/{id}/pick", new { breakout = group }, ct)).EnsureSuccessStatusCode();
                var draft = await Json(await http.PostAsJsonAsync($"/api/sessions/{id}/drafts",
                    new { kind = "kans", title = $"B {i} 0", latitude = 52.960, longitude = 4.771 }, ct), ct);
                list.Add(new Person(i, group, http, cookies, draft.GetProperty("id").GetInt32()));
            }
            var (plenaryHttp, plenaryCookies) = await JoinAsync("Plenair scherm");
            Log($"Wijkbeeld: {people} participants joined and plotted; connecting");

            void OnDraft(HubConnection hub, int? self, bool plenary)
            {
                hub.On<JsonElement>("session", message =>
                {
                    var now = Stopwatch.GetTimestamp();
                    if (!receipts.Measuring || message.GetProperty("type").GetString() != "draft") return;
                    var parts = message.GetProperty("data").GetProperty("title").GetString()!.Split(' ');
                    if (parts.Length != 3 || !int.TryParse(parts[1], out var sender) || !int.TryParse(parts[2], out var seq) || seq == 0 || sender == self) return;
                    if (seq <= WarmupSeconds) return;
                    var sent = receipts.SentAt[sender * Slots + seq];
                    if (sent == 0) return;
                    (plenary ? receipts.Plenary : receipts.Breakout).Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
                });
            }
            HubConnection Connect(CookieContainer cookies) => new HubConnectionBuilder()
                .WithUrl(new Uri(baseUrl, "/hubs/sessions"), o => { o.Transports = HttpTransportType.WebSockets; o.Cookies = cookies; }).Build();
            foreach (var p in list)
            {
                p.Hub = Connect(p.Cookies);
                OnDraft(p.Hub, p.Index, plenary: false);
                await p.Hub.StartAsync(ct);
                await p.Hub.InvokeAsync("Watch", id, p.Group, ct);
            }
            var plenaryHub = Connect(plenaryCookies);
            OnDraft(plenaryHub, null, plenary: true);
            await plenaryHub.StartAsync(ct);
            await plenaryHub.InvokeAsync("Watch", id, 0, ct);

            Log($"Wijkbeeld: warm-up {WarmupSeconds} s, then measuring {seconds} s");
            receipts.Measuring = true;
            await Task.WhenAll(list.Select(p => MoveLoopAsync(p, id, receipts, ct)));
            await Task.Delay(3000, ct);
            receipts.Measuring = false;
            foreach (var p in list) await p.Hub!.DisposeAsync();
            await plenaryHub.DisposeAsync();
        }

        // ---- Echo baseline: the same connections (one per participant plus the plenary) and messages per second ----
        await using (var echo = await EchoTarget.StartAsync(realtime, ct))
        {
            var hubs = new List<HubConnection>();
            var warm = (int)(rate * WarmupSeconds);
            var sentAt = new long[(int)(rate * (WarmupSeconds + seconds)) + 1];
            var measuring = true;
            for (var c = 0; c <= people; c++)
            {
                var hub = Hubs.Connect(echo.HubUrl);
                hub.On<ChangeMessage>(EchoServer.Method, m =>
                {
                    var now = Stopwatch.GetTimestamp();
                    if (measuring && m.ItemId > warm && m.ItemId < sentAt.Length && sentAt[m.ItemId] != 0) receipts.Echo.Add(Stopwatch.GetElapsedTime(sentAt[m.ItemId], now).TotalMilliseconds);
                });
                await hub.StartAsync(ct);
                hubs.Add(hub);
            }
            Log($"echo hub: warm-up {WarmupSeconds} s, then measuring {seconds} s");
            var sends = new List<Task>();
            var start = Stopwatch.GetTimestamp();
            for (var i = 1; i < sentAt.Length; i++)
            {
                var due = start + (long)(i * (Stopwatch.Frequency / rate));
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                sentAt[i] = Stopwatch.GetTimestamp();
                sends.Add(hubs[i % hubs.Count].InvokeAsync("Echo", new ChangeMessage(i, "draft", i, "kans", $"B {i % people} {i}", "",
                    DateTime.UtcNow, "GM0400", null, null), ct));
            }
            await Task.WhenAll(sends);
            await Task.Delay(3000, ct);
            measuring = false;
            foreach (var hub in hubs) await hub.DisposeAsync();
        }

        var report = Report(machine, people);
        Console.WriteLine();
        Console.WriteLine(report);
        if (markdown is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(markdown)!);
            await File.WriteAllTextAsync(markdown, report, ct);
        }
        var expected = (long)people * seconds * (GroupSize - 1);
        return receipts.Failures == 0 && receipts.Breakout.Count >= expected ? 0 : 1;

        string Report(MachineInfo m, int n)
        {
            double P(IEnumerable<double> values, double q)
            {
                var sorted = values.Order().ToArray();
                return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            }
            var echoP95 = P(receipts.Echo, 0.95);
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"Measured **{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC** with `{command}` on {m.Summary}: {groups} breakouts of {GroupSize} guests, each moving a draft once a second ({n} changes/s) for {seconds} s; one plenary connection.");
            text.AppendLine();
            text.AppendLine("| delivery | received | p50 ms | p95 ms | p99 ms | p95 / echo p95 |");
            text.AppendLine("|---|---|---|---|---|---|");
            void Row(string name, IReadOnlyCollection<double> values) => text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {values.Count} | {P(values, 0.5):0.0} | {P(values, 0.95):0.0} | {P(values, 0.99):0.0} | {P(values, 0.95) / echoP95:0.0}× |");
            Row("inside a breakout (to the 4 others)", receipts.Breakout);
            Row("to the plenary", receipts.Plenary);
            Row($"echo hub baseline ({n + 1} connections, all)", receipts.Echo);
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Failed sends: {receipts.Failures}. Expected inside breakouts: {(long)n * seconds * (GroupSize - 1)}, to the plenary: {(long)n * seconds}.");
            return text.ToString();
        }
    }

    /// <summary>One participant: moves their draft once a second (open loop), each move a PUT with If-Match.</summary>
    async Task MoveLoopAsync(Person p, int session, Receipts receipts, CancellationToken ct)
    {
        // Spread over the second: person i starts i/people of a second later, so the load is even.
        var start = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * (double)p.Index / (groups * GroupSize));
        for (var seq = 1; seq <= WarmupSeconds + seconds; seq++)
        {
            var due = start + (long)((seq - 1) * (double)Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/sessions/{session}/drafts/{p.DraftId}")
            {
                Content = JsonContent.Create(new { kind = "kans", title = $"B {p.Index} {seq}", latitude = 52.960 + seq * 1e-5, longitude = 4.771 }),
            };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{p.Version}\"");
            receipts.SentAt[p.Index * Slots + seq] = Stopwatch.GetTimestamp();
            using var response = await p.Http.SendAsync(request, ct);
            if (response.IsSuccessStatusCode) p.Version++;
            else if (seq > WarmupSeconds) Interlocked.Increment(ref receipts.Failures);
        }
    }

    static async Task<JsonElement> Json(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new BenchException($"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    void Log(string message) => Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {message}");
}
