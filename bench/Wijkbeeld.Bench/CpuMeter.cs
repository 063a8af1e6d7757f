using System.Globalization;

namespace Wijkbeeld.Bench;

/// <summary>
/// Where the machine's CPU went during a stretch: the server, this load tool, and everything else
/// (other processes on the machine disturb the figures). From /proc/stat and /proc/&lt;pid&gt;/stat, in clock ticks.
/// </summary>
sealed class CpuMeter(int serverPid)
{
    readonly int selfPid = Environment.ProcessId;
    Snapshot? start;

    sealed record Snapshot(long Busy, long All, long Server, long Self);

    public void Start() => start = Take();

    /// <summary>Average cores in use since <see cref="Start"/>; null where /proc is not available.</summary>
    public CpuUse? Stop()
    {
        var end = Take();
        if (start is null || end is null || end.All <= start.All) return null;
        var cores = (double)Environment.ProcessorCount;
        double Cores(long ticks) => ticks * cores / (end.All - start.All);
        var server = end.Server - start.Server;
        var self = end.Self - start.Self;
        var other = Math.Max(0, end.Busy - start.Busy - server - self);
        return new CpuUse(Cores(server), Cores(self), Cores(other));
    }

    Snapshot? Take()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal (guest time is already in user)
            var all = fields.Take(8).Sum();
            var busy = all - fields[3] - fields[4];
            return new Snapshot(busy, all, ProcessTicks(serverPid), ProcessTicks(selfPid));
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>utime + stime of a process (fields 14 and 15 of /proc/pid/stat).</summary>
    static long ProcessTicks(int pid)
    {
        var text = File.ReadAllText($"/proc/{pid}/stat");
        var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture);
    }
}

/// <summary>Average number of cores busy with each: the server, the load tool, the rest of the machine.</summary>
sealed record CpuUse(double Server, double Tool, double Other);
