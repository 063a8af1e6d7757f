using System.Globalization;
using System.Runtime.InteropServices;
using Wijkbeeld.Bench;

// Wijkbeeld load tools. bench/run is the one command; this is what it calls.
//   echo-server --urls http://127.0.0.1:PORT     the baseline: a bare SignalR hub that re-broadcasts what it is sent
//   map [--postgres] [--items 100000] [--concurrency 50] [--seconds 5] [--followers 500] [--quick] [--markdown-dir DIR]
//   profile [--municipalities 342] [--columns 105] [--concurrency 10] [--quick] [--markdown FILE]
//   sessions [--groups 10] [--seconds 60] [--quick] [--markdown FILE]
//   realtime [--clients 100,500] [--rate 20] [--seconds 30] [--hold-minutes 5] [--quick] [--markdown FILE]

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Length == 0 || args[0] == "help" || args.Any(a => a is "-h" or "--help"))
{
    Console.WriteLine(Usage.Text);
    return args.Length == 0 ? 2 : 0;
}

try
{
    switch (args[0])
    {
        case "echo-server":
            await EchoServer.RunAsync(args[1..]);
            return 0;
        case "map":
        {
            var options = MapOptions.Parse(args[1..]);
            using var stop = new CancellationTokenSource();
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            return await new MapBenchmark(options).RunAsync(stop.Token);
        }
        case "profile":
        {
            var options = ProfileOptions.Parse(args[1..]);
            using var stop = new CancellationTokenSource();
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            return await new ProfileBenchmark(options).RunAsync(stop.Token);
        }
        case "realtime":
        {
            var options = RealtimeOptions.Parse(args[1..]);
            using var stop = new CancellationTokenSource();
            // SIGINT/SIGTERM: stop the run; the finally blocks stop the servers we started.
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            return await new RealtimeBenchmark(options).RunAsync(stop.Token);
        }
        case "sessions":
        {
            var bench = SessionsBenchmark.Parse(args[1..]);
            using var stop = new CancellationTokenSource();
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            return await bench.RunAsync(stop.Token);
        }
        default:
            Console.Error.WriteLine($"Unknown mode '{args[0]}'.");
            Console.Error.WriteLine(Usage.Text);
            return 2;
    }
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage.Text);
    return 2;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Stopped.");
    return 130;
}
finally
{
    ChildProcess.StopAll();
}

sealed class UsageException(string message) : Exception(message);

static class Usage
{
    public const string Text = """
        Usage:
          Wijkbeeld.Bench echo-server --urls http://127.0.0.1:PORT
          Wijkbeeld.Bench map [options]
            --items 100000        generated items, bulk-inserted into a fresh SQLite database (default 100000)
            --concurrency 50      concurrent GeoJSON clients (default 50)
            --seconds 5           measured seconds per run, after --warmup-seconds 1 (default 5)
            --followers 500       SignalR followers of GM0400 for the memory reading (default 500)
            --no-pageweight       skip the Chromium page-weight measurement
            --postgres            the country variant on PostgreSQL: --items 1000000 (100,000 in Den Helder, the rest over
                                  the Netherlands) in a fresh database on --postgres-server (default: $WIJKBEELD_BENCH_POSTGRES
                                  or Host=localhost;Username=postgres;Password=postgres), plus a view of the whole country
            --chromium FILE       default /usr/bin/chromium
            --quick               development check: --items 20000 --seconds 2 --followers 50
            --markdown-dir DIR    write map.md, pageweight.md, memory.md (bench/run puts them in bench/README.md)
            --command TEXT        the command line to print in the markdown (default: bench/run map)
            --repo DIR, --server-dll FILE   as for realtime
          Wijkbeeld.Bench profile [options]
            --municipalities 342  gemeenten in the generated national table (default 342: about 17,500 rows)
            --columns 105         figure columns (default 105)
            --concurrency 10      concurrent clients of the choropleth endpoint (default 10)
            --seconds 5           measured seconds per run, after --warmup-seconds 1 (default 5)
            --quick               development check: --municipalities 40 --seconds 2
            --markdown FILE       also write the results as markdown (bench/run puts them in bench/README.md)
          Wijkbeeld.Bench realtime [options]
            --clients 100,500     SignalR connections per round (default 100,500)
            --rate 20             items saved per second during the measurement (default 20)
            --seconds 30          length of the measurement per round (default 30)
            --warmup-seconds 3    load before the measurement, not counted (default 3)
            --hold-minutes 5      after the largest round, hold its connections this long (default 5; 0 = no hold)
            --hold-interval 10    one item every this many seconds while holding (default 10)
            --quick               development check: --clients 20 --seconds 5 --hold-minutes 0
            --repo DIR            repository root (default: found from the working directory)
            --server-dll FILE     default: bench/.app/Wijkbeeld.dll (published by bench/run)
            --markdown FILE       also write the results as markdown (bench/run puts them in bench/README.md)
            --command TEXT        the command line to print in the markdown (default: bench/run realtime)
          Wijkbeeld.Bench sessions [options]
            --groups 10           breakouts of 5 guests, each moving a draft once a second (default 10)
            --seconds 60          measured seconds, after a 3 s warm-up (default 60)
            --quick               development check: --groups 4 --seconds 10
            --markdown FILE, --command TEXT, --repo DIR, --server-dll FILE   as for realtime
        """;
}
