using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace Wijkbeeld.Bench;

/// <summary>
/// For each N: Wijkbeeld with N followers while items are saved through the API at a steady rate, then the bare
/// echo hub with N clients at the same rate. Every (change × client) delay is measured in this process.
/// </summary>
sealed class RealtimeBenchmark(RealtimeOptions o)
{
    static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(15);
    readonly Stopwatch clock = Stopwatch.StartNew();

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var machine = MachineInfo.Read();
        var started = DateTimeOffset.UtcNow;
        var holdAt = o.HoldMinutes > 0 ? o.Clients.Max() : 0;
        Log($"realtime: clients {string.Join(",", o.Clients)}, {o.Rate:0.##} changes/s for {o.Seconds} s" +
            (holdAt > 0 ? $", hold {o.HoldMinutes:0.##} min at N = {holdAt}" : "") + $"; {machine.Summary}");

        var rounds = new List<RoundResult>();
        foreach (var n in o.Clients)
        {
            var hold = n == holdAt && rounds.All(r => r.Hold is null);
            rounds.Add(await RunRoundAsync(n, async () => await WijkbeeldTarget.StartAsync(o, ct), hold, ct));
            rounds.Add(await RunRoundAsync(n, async () => await EchoTarget.StartAsync(o, ct), hold: false, ct));
        }

        var report = new RealtimeReport(o, machine, started, clock.Elapsed, rounds);
        Console.WriteLine();
        Console.WriteLine(report.Text());
        if (o.Markdown is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, report.Markdown(), ct);
            Log($"markdown written to {file}");
        }
        return rounds.All(r => r.Valid) ? 0 : 1;
    }

    async Task<RoundResult> RunRoundAsync(int n, Func<Task<ITarget>> start, bool hold, CancellationToken ct)
    {
        Log($"N = {n}: starting server");
        await using var target = await start();
        var name = target.Name;
        var rssIdle = target.Server.ResidentBytes();
        await using var clients = new Followers(n);

        Log($"{name}, N = {n}: connecting {n} clients (server RSS {Mb(rssIdle)} MB)");
        var connectStart = Stopwatch.GetTimestamp();
        await clients.ConnectAsync(target, ct);
        var connectSeconds = Stopwatch.GetElapsedTime(connectStart).TotalSeconds;

        await target.PrepareAsync(ct);
        var warmupCount = Math.Max(5, (int)Math.Round(o.WarmupSeconds * o.Rate));
        Log($"{name}, N = {n}: connected in {connectSeconds:0.0} s; warm-up ({warmupCount} changes)");
        var warmup = new Phase("warm-up", n, warmupCount);
        clients.Current = warmup;
        await SendSteadyAsync(target, warmup, o.Rate, null, ct);
        if (!await warmup.DrainAsync(DrainLimit, ct))
        {
            Log($"{name}, N = {n}: warm-up: {warmup.ExpectedDeliveries - warmup.ReceivedCount} deliveries missing");
        }
        var rssConnected = await MedianRssAsync(target.Server, ct);

        var count = (int)Math.Round(o.Seconds * o.Rate);
        Log($"{name}, N = {n}: measuring, {count} changes at {o.Rate:0.##}/s (server RSS {Mb(rssConnected)} MB)");
        var measure = new Phase("measure", n, count);
        clients.Current = measure;
        var cpu = new CpuMeter(target.Server.Id);
        cpu.Start();
        await SendSteadyAsync(target, measure, o.Rate, null, ct);
        await measure.DrainAsync(DrainLimit, ct);
        var cpuUse = cpu.Stop();
        var stats = measure.Stats();
        var rssAfterLoad = target.Server.ResidentBytes();
        Log($"{name}, N = {n}: p50 {stats.Delay.P50:0.0} ms, p95 {stats.Delay.P95:0.0} ms, p99 {stats.Delay.P99:0.0} ms, " +
            $"missing {stats.Missing}, failed sends {stats.Failures}" +
            (cpuUse is { } u ? $"; CPU cores: server {u.Server:0.00}, load tool {u.Tool:0.00}, other processes {u.Other:0.00}" : ""));

        HoldResult? held = null;
        if (hold)
        {
            held = await HoldAsync(target, clients, n, rssConnected, ct);
        }

        clients.Current = null;
        var result = new RoundResult(name, n, connectSeconds, clients.Disconnects, clients.Stray, stats, cpuUse,
            rssIdle, rssConnected, rssAfterLoad, held, target.Server.OutputLines, target.Server.Tail());
        await clients.DisposeAsync();
        return result;
    }

    /// <summary>Keeps the connections open for the hold period with one change every interval, sampling the server's memory.</summary>
    async Task<HoldResult> HoldAsync(ITarget target, Followers clients, int n, long rssConnected, CancellationToken ct)
    {
        var seconds = o.HoldMinutes * 60;
        var count = Math.Max(1, (int)Math.Floor(seconds / o.HoldIntervalSeconds));
        Log($"{target.Name}, N = {n}: holding {o.HoldMinutes:0.##} min, one change every {o.HoldIntervalSeconds} s");
        var phase = new Phase("hold", n, count);
        clients.Current = phase;
        var samples = new List<MemorySample>();
        var start = Stopwatch.GetTimestamp();
        void Sample(int i)
        {
            var bytes = target.Server.ResidentBytes();
            samples.Add(new(Stopwatch.GetElapsedTime(start).TotalSeconds, bytes));
            if (i % 6 == 0)
            {
                Log($"{target.Name}, N = {n}: hold {Stopwatch.GetElapsedTime(start).TotalMinutes:0.0} min, server RSS {Mb(bytes)} MB");
            }
        }
        await SendSteadyAsync(target, phase, 1.0 / o.HoldIntervalSeconds, Sample, ct);
        var end = start + (long)(seconds * Stopwatch.Frequency);
        var rest = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), end);
        if (rest > TimeSpan.Zero) await Task.Delay(rest, ct);
        await phase.DrainAsync(DrainLimit, ct);
        var rssEnd = await MedianRssAsync(target.Server, ct);
        samples.Add(new(Stopwatch.GetElapsedTime(start).TotalSeconds, rssEnd));
        var stats = phase.Stats();
        Log($"{target.Name}, N = {n}: hold done, server RSS {Mb(rssConnected)} → {Mb(rssEnd)} MB, trickle missing {stats.Missing}");
        return new HoldResult(o.HoldMinutes, o.HoldIntervalSeconds, stats, rssEnd, samples.Max(s => s.Bytes), samples);
    }

    /// <summary>
    /// Sends phase.Capacity changes at a steady rate: change i goes out at start + i / rate whether or not the
    /// earlier ones have been answered (open loop, so a slow server shows up as delay, not as a lower rate).
    /// </summary>
    static async Task SendSteadyAsync(ITarget target, Phase phase, double perSecond, Action<int>? beforeEach, CancellationToken ct)
    {
        var sends = new List<Task>(phase.Capacity);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < phase.Capacity; i++)
        {
            var due = start + (long)(i * (Stopwatch.Frequency / perSecond));
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            beforeEach?.Invoke(i);
            sends.Add(target.SendAsync(phase, i, ct));
        }
        try
        {
            await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(60), ct);
        }
        catch (TimeoutException)
        {
            phase.Fail("sends still unanswered 60 s after the last one went out");
        }
    }

    /// <summary>The median of three VmRSS readings a second apart (one reading can catch a GC mid-way).</summary>
    static async Task<long> MedianRssAsync(ChildProcess server, CancellationToken ct)
    {
        var values = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            if (i > 0) await Task.Delay(1000, ct);
            values.Add(server.ResidentBytes());
        }
        values.Sort();
        return values[1];
    }

    static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    void Log(string message) => Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {message}");
}

/// <summary>N hub connections that record when each message reaches them.</summary>
sealed class Followers(int count) : IAsyncDisposable
{
    readonly HubConnection?[] connections = new HubConnection?[count];
    volatile Phase? current;
    volatile bool closing;
    int disconnects;
    int stray;

    public Phase? Current { get => current; set => current = value; }
    public int Disconnects => Volatile.Read(ref disconnects);
    /// <summary>Messages that belong to no phase being measured (the probes, late warm-up ones).</summary>
    public int Stray => Volatile.Read(ref stray);

    public async Task ConnectAsync(ITarget target, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(Math.Min(32, count));
        await Task.WhenAll(Enumerable.Range(0, count).Select(async c =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var connection = Hubs.Connect(target.HubUrl);
                connection.On<ChangeMessage>(target.Method, message =>
                {
                    var now = Stopwatch.GetTimestamp();
                    if (current?.Receive(c, message.Title, now) != true) Interlocked.Increment(ref stray);
                });
                connection.Closed += _ =>
                {
                    if (!closing) Interlocked.Increment(ref disconnects);
                    return Task.CompletedTask;
                };
                connections[c] = connection;
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(30));
                await connection.StartAsync(timeout.Token);
                await target.SubscribeAsync(connection, timeout.Token);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    public async ValueTask DisposeAsync()
    {
        if (closing) return;
        closing = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await Task.WhenAll(connections.Where(c => c is not null).Select(async c =>
        {
            try
            {
                await c!.StopAsync(timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException) { }
            await c!.DisposeAsync();
        }));
    }
}

sealed record MemorySample(double Seconds, long Bytes);

sealed record HoldResult(double Minutes, int IntervalSeconds, PhaseStats Trickle, long RssEnd, long RssPeak, IReadOnlyList<MemorySample> Samples);

sealed record RoundResult(
    string Server, int Clients, double ConnectSeconds, int Disconnects, int Stray, PhaseStats Measure, CpuUse? Cpu,
    long RssIdle, long RssConnected, long RssAfterLoad, HoldResult? Hold, int ServerLogLines, IReadOnlyList<string> ServerLogTail)
{
    public bool Valid => Measure.Missing == 0 && Measure.Failures == 0 && Disconnects == 0 &&
        Hold is null or { Trickle.Missing: 0, Trickle.Failures: 0 };

    /// <summary>Other processes kept more than a quarter of a core busy: the figures are disturbed.</summary>
    public bool Disturbed => Cpu is { Other: > 0.25 };

    public double? MemoryGrowth => Hold is { } h ? (double)(h.RssEnd - RssConnected) / RssConnected : null;
}
