using System.Globalization;

namespace Wijkbeeld.Bench;

sealed record RealtimeOptions
{
    public IReadOnlyList<int> Clients { get; init; } = [100, 500];
    public double Rate { get; init; } = 20;
    public int Seconds { get; init; } = 30;
    public int WarmupSeconds { get; init; } = 3;
    public double HoldMinutes { get; init; } = 5;
    public int HoldIntervalSeconds { get; init; } = 10;
    public bool Quick { get; init; }
    public required string RepoRoot { get; init; }
    public required string ServerDll { get; init; }
    public string? Markdown { get; init; }
    public string Command { get; init; } = "bench/run realtime";

    /// <summary>The connection count the goals are stated for.</summary>
    public const int GoalClients = 500;

    public static RealtimeOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        var quick = false;
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a == "--quick")
            {
                quick = true;
                continue;
            }
            if (!a.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new UsageException($"realtime: unexpected argument '{a}'.");
            }
            values[a[2..]] = args[++i];
        }

        string? Take(string name) => values.Remove(name, out var v) ? v : null;
        int Int(string name, int fallback, int min, int max) => Take(name) is { } s
            ? int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v
                : throw new UsageException($"--{name} must be a whole number from {min} to {max}.")
            : fallback;
        double Number(string name, double fallback, double min, double max) => Take(name) is { } s
            ? double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v
                : throw new UsageException($"--{name} must be a number from {min} to {max}.")
            : fallback;

        var repo = Path.GetFullPath(Take("repo") ?? FindRepoRoot());
        var clients = Take("clients") is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s =>
                int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 5000 ? n
                    : throw new UsageException("--clients is a comma-separated list of numbers from 1 to 5000.")).ToList()
            : quick ? [20] : [100, 500];
        if (clients.Count == 0) throw new UsageException("--clients needs at least one number.");

        var options = new RealtimeOptions
        {
            Quick = quick,
            RepoRoot = repo,
            Clients = clients,
            Rate = Number("rate", 20, 0.1, 1000),
            Seconds = Int("seconds", quick ? 5 : 30, 1, 600),
            WarmupSeconds = Int("warmup-seconds", quick ? 2 : 3, 0, 60),
            HoldMinutes = Number("hold-minutes", quick ? 0 : 5, 0, 60),
            HoldIntervalSeconds = Int("hold-interval", 10, 1, 600),
            ServerDll = Path.GetFullPath(Take("server-dll") ?? Path.Combine(repo, "bench/.app/Wijkbeeld.dll")),
            Markdown = Take("markdown") is { } md ? Path.GetFullPath(md) : null,
            Command = Take("command") ?? (quick ? "bench/run realtime --quick" : "bench/run realtime"),
        };
        if (values.Count > 0)
        {
            throw new UsageException($"realtime: unknown option --{values.Keys.First()}.");
        }
        if (!File.Exists(options.ServerDll))
        {
            throw new UsageException($"No server at {options.ServerDll}; build it first (bench/run does: dotnet build -c Release).");
        }
        return options;
    }

    internal static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Wijkbeeld.slnx"))) return dir.FullName;
        }
        throw new UsageException("Run from inside the repository or pass --repo.");
    }
}
