using System.Globalization;
using System.Text;

namespace Wijkbeeld.Bench;

/// <summary>The realtime figures as a console table and as the markdown that bench/run puts in bench/README.md.</summary>
sealed class RealtimeReport(RealtimeOptions o, MachineInfo machine, DateTimeOffset started, TimeSpan took, IReadOnlyList<RoundResult> rounds)
{
    const double P95LimitMs = 250;
    const double RatioLimit = 3;
    const double GrowthLimit = 0.10;
    const double GoalHoldMinutes = 5;

    sealed record Goal(string Name, string Measured, bool? Met);

    public string Text()
    {
        var s = new StringBuilder();
        s.AppendLine("Delay from just before the save (POST /api/items; echo: hub invocation) to each client's receipt, ms");
        s.AppendLine($"{"N",5}  {"server",-10} {"changes",8} {"deliveries",11} {"missing",8} {"p50",8} {"p95",8} {"p99",8} {"max",8} {"first p50",10} {"send p50",9} {"send p95",9}  CPU server/tool/other");
        foreach (var r in rounds)
        {
            var m = r.Measure;
            s.AppendLine($"{r.Clients,5}  {r.Server,-10} {m.OkSends,8} {m.Expected,11} {m.Missing,8} {Ms(m.Delay.P50),8} {Ms(m.Delay.P95),8} " +
                $"{Ms(m.Delay.P99),8} {Ms(m.Delay.Max),8} {Ms(m.FirstReceipt.P50),10} {Ms(m.SendTime.P50),9} {Ms(m.SendTime.P95),9}  {Cpu(r)}");
            if (Ratio(r.Clients) is { } ratio && r.Server != "Wijkbeeld")
            {
                s.AppendLine($"{"",5}  p95 Wijkbeeld / echo = {ratio:0.00}×   p50 ratio = {Ratio(r.Clients, p50: true):0.00}×");
            }
        }
        s.AppendLine();
        s.AppendLine("Server memory (VmRSS, MB)");
        s.AppendLine($"{"N",5}  {"server",-10} {"idle",8} {"connected",10} {"after load",11} {"end of hold",12} {"hold peak",10} {"growth",8}");
        foreach (var r in rounds)
        {
            s.AppendLine($"{r.Clients,5}  {r.Server,-10} {Mb(r.RssIdle),8} {Mb(r.RssConnected),10} {Mb(r.RssAfterLoad),11} " +
                $"{(r.Hold is { } h ? Mb(h.RssEnd) : "-"),12} {(r.Hold is { } h2 ? Mb(h2.RssPeak) : "-"),10} {Growth(r),8}");
        }
        s.AppendLine();
        foreach (var r in rounds.Where(r => !r.Valid || r.Measure.Duplicates > 0 || r.Disturbed))
        {
            s.AppendLine($"! {r.Server}, N = {r.Clients}: {Problems(r)}");
        }
        s.AppendLine($"Goals (N = {RealtimeOptions.GoalClients}):");
        foreach (var g in Goals())
        {
            s.AppendLine($"  {g.Met switch { true => "met", false => "MISSED", null => "-" },-7} {g.Name}: {g.Measured}");
        }
        s.Append($"{machine.Summary}; took {took.TotalMinutes:0.0} min");
        return s.ToString().Replace('–', '-');
    }

    public string Markdown()
    {
        var s = new StringBuilder();
        var holdAt = rounds.FirstOrDefault(r => r.Hold is not null);
        s.AppendLine($"Measured **{started:yyyy-MM-dd HH:mm} UTC** with `{o.Command}` (took {took.TotalMinutes:0.0} min).");
        s.AppendLine();
        s.AppendLine($"Machine: `{machine.Uname}`, {machine.Cpu}, {machine.Cores} cores, {machine.MemoryGiB:0.#} GiB RAM, {machine.Dotnet}. " +
            "Server and load tool on the same machine over loopback (127.0.0.1).");
        s.AppendLine();
        s.AppendLine($"Settings: {o.Rate:0.##} changes/s for {o.Seconds} s per round after a {o.WarmupSeconds} s warm-up" +
            (holdAt is not null ? $"; {holdAt.Hold!.Minutes:0.##} min hold at N = {holdAt.Clients} with one change every {holdAt.Hold.IntervalSeconds} s." : "; no hold."));
        s.AppendLine();
        s.AppendLine("| N | server | changes | deliveries | missing | p50 ms | p95 ms | p99 ms | max ms | first p50 ms | send p50 / p95 ms | CPU cores server / tool / other |");
        s.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rounds)
        {
            var m = r.Measure;
            s.AppendLine($"| {r.Clients} | {r.Server} | {m.OkSends} | {m.Expected} | {m.Missing} | {Ms(m.Delay.P50)} | {Ms(m.Delay.P95)} | " +
                $"{Ms(m.Delay.P99)} | {Ms(m.Delay.Max)} | {Ms(m.FirstReceipt.P50)} | {Ms(m.SendTime.P50)} / {Ms(m.SendTime.P95)} | {Cpu(r)} |");
            if (Ratio(r.Clients) is { } ratio && r.Server != "Wijkbeeld")
            {
                s.AppendLine($"| {r.Clients} | **ratio** Wijkbeeld / echo | | | | {Ratio(r.Clients, p50: true):0.00}× | **{ratio:0.00}×** | " +
                    $"{Ratio(r.Clients, p99: true):0.00}× | | | | |");
            }
        }
        s.AppendLine();
        s.AppendLine("Server memory (VmRSS, MB): idle = healthy, no clients; connected = N clients and warm-up done (the baseline for growth).");
        s.AppendLine();
        s.AppendLine("| N | server | idle | connected | after load | end of hold | peak in hold | growth |");
        s.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rounds)
        {
            s.AppendLine($"| {r.Clients} | {r.Server} | {Mb(r.RssIdle)} | {Mb(r.RssConnected)} | {Mb(r.RssAfterLoad)} | " +
                $"{(r.Hold is { } h ? Mb(h.RssEnd) : "–")} | {(r.Hold is { } h2 ? Mb(h2.RssPeak) : "–")} | {Growth(r)} |");
        }
        if (holdAt?.Hold is { } hold)
        {
            s.AppendLine();
            s.AppendLine($"During the hold: {hold.Trickle.OkSends} changes, {hold.Trickle.Missing} deliveries missing, p95 {Ms(hold.Trickle.Delay.P95)} ms; " +
                "VmRSS every minute (MB): " + string.Join(", ", hold.Samples.Where((_, i) => i % Math.Max(1, 60 / hold.IntervalSeconds) == 0 || i == hold.Samples.Count - 1)
                    .Select(x => $"{x.Seconds / 60:0.#} min {Mb(x.Bytes)}")) + ".");
        }
        var problems = rounds.Where(r => !r.Valid || r.Measure.Duplicates > 0 || r.Disturbed).ToList();
        if (problems.Count > 0)
        {
            s.AppendLine();
            foreach (var r in problems) s.AppendLine($"- **{r.Server}, N = {r.Clients}:** {Problems(r)}");
        }
        s.AppendLine();
        s.AppendLine($"| goal (N = {RealtimeOptions.GoalClients}) | measured | met |");
        s.AppendLine("|---|---|---|");
        foreach (var g in Goals())
        {
            s.AppendLine($"| {g.Name} | {g.Measured} | {Verdict(g.Met)} |");
        }
        return s.ToString();
    }

    IEnumerable<Goal> Goals()
    {
        var n = RealtimeOptions.GoalClients;
        var w = rounds.FirstOrDefault(r => r.Clients == n && r.Server == "Wijkbeeld");
        var e = rounds.FirstOrDefault(r => r.Clients == n && r.Server != "Wijkbeeld");
        const string notRun = "not measured in this run";
        yield return w is null
            ? new Goal($"p95 < {P95LimitMs:0} ms", notRun, null)
            : new Goal($"p95 < {P95LimitMs:0} ms", $"{Ms(w.Measure.Delay.P95)} ms", w.Measure.Delay.P95 < P95LimitMs);
        yield return Ratio(n) is { } ratio
            ? new Goal($"p95 < {RatioLimit:0}× echo hub p95", $"{ratio:0.00}× ({Ms(w!.Measure.Delay.P95)} / {Ms(e!.Measure.Delay.P95)} ms)", ratio < RatioLimit)
            : new Goal($"p95 < {RatioLimit:0}× echo hub p95", notRun, null);
        var held = w?.Hold;
        yield return held is null || w!.MemoryGrowth is not { } growth
            ? new Goal($"server memory growth < {GrowthLimit:0%} with {n} connections held {GoalHoldMinutes:0} min", notRun, null)
            : new Goal($"server memory growth < {GrowthLimit:0%} with {n} connections held {GoalHoldMinutes:0} min",
                $"{growth:+0.0%;-0.0%} ({Mb(w.RssConnected)} → {Mb(held.RssEnd)} MB" +
                    (held.Minutes < GoalHoldMinutes ? $"; held only {held.Minutes:0.##} min" : "") + ")",
                held.Minutes >= GoalHoldMinutes ? growth < GrowthLimit : null);
        var all = rounds.Sum(r => r.Measure.Missing + (r.Hold?.Trickle.Missing ?? 0));
        yield return new Goal("every change reaches every client", $"{all} missing over all rounds", all == 0);
    }

    double? Ratio(int clients, bool p50 = false, bool p99 = false)
    {
        var w = rounds.FirstOrDefault(r => r.Clients == clients && r.Server == "Wijkbeeld")?.Measure.Delay;
        var e = rounds.FirstOrDefault(r => r.Clients == clients && r.Server != "Wijkbeeld")?.Measure.Delay;
        if (w is null || e is null || w.Count == 0 || e.Count == 0) return null;
        return p50 ? w.P50 / e.P50 : p99 ? w.P99 / e.P99 : w.P95 / e.P95;
    }

    static string Problems(RoundResult r)
    {
        var parts = new List<string>();
        if (r.Measure.Missing > 0) parts.Add($"{r.Measure.Missing} deliveries missing");
        if (r.Measure.Failures > 0) parts.Add($"{r.Measure.Failures} sends failed (first: {r.Measure.FirstFailure})");
        if (r.Measure.Duplicates > 0) parts.Add($"{r.Measure.Duplicates} duplicate deliveries");
        if (r.Disconnects > 0) parts.Add($"{r.Disconnects} clients disconnected");
        if (r.Hold is { } h && (h.Trickle.Missing > 0 || h.Trickle.Failures > 0))
        {
            parts.Add($"hold: {h.Trickle.Missing} missing, {h.Trickle.Failures} failed sends" + (h.Trickle.FirstFailure is { } first ? $" (first: {first})" : ""));
        }
        if (r.Disturbed) parts.Add($"other processes kept {r.Cpu!.Other:0.00} cores busy during the measurement: the figures are disturbed");
        if (r.ServerLogLines > 0) parts.Add($"server wrote {r.ServerLogLines} log lines, last: {r.ServerLogTail.LastOrDefault()}");
        return string.Join("; ", parts);
    }

    static string Cpu(RoundResult r) => r.Cpu is { } c ? $"{c.Server:0.00} / {c.Tool:0.00} / {c.Other:0.00}" : "–";
    static string Growth(RoundResult r) => r.MemoryGrowth is { } g ? g.ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture) : "–";
    static string Verdict(bool? met) => met switch { true => "yes", false => "**no**", null => "–" };
    static string Ms(double ms) => double.IsNaN(ms) ? "–" : ms.ToString(ms < 10 ? "0.00" : ms < 100 ? "0.0" : "0", CultureInfo.InvariantCulture);
    static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
