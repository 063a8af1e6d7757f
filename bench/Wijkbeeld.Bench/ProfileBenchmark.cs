using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Wijkbeeld.Bench;

sealed record ProfileOptions(string RepoRoot, string ServerDll, int Municipalities, int Columns, int FocusBuurten, int Concurrency,
    double Seconds, double WarmupSeconds, string? Markdown, string Command)
{
    public static ProfileOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        string? Take(string name)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        foreach (var a in args.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            if (a is not ("--quick" or "--municipalities" or "--columns" or "--concurrency" or "--seconds" or "--warmup-seconds" or
                "--markdown" or "--command" or "--repo" or "--server-dll"))
            {
                throw new UsageException($"profile: unknown option '{a}'.");
            }
        }
        var repo = Path.GetFullPath(Take("repo") ?? RealtimeOptions.FindRepoRoot());
        var dll = Path.GetFullPath(Take("server-dll") ?? Path.Combine(repo, "bench/.app/Wijkbeeld.dll"));
        if (!File.Exists(dll)) throw new UsageException($"No server at {dll}; publish it first (bench/run does).");
        int I(string n, int d) => Take(n) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : d;
        double D(string n, double d) => Take(n) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : d;
        return new ProfileOptions(repo, dll,
            Municipalities: I("municipalities", quick ? 40 : 342),
            Columns: I("columns", 105),
            FocusBuurten: 150,
            Concurrency: I("concurrency", 10),
            Seconds: D("seconds", quick ? 2 : 5),
            WarmupSeconds: D("warmup-seconds", 1),
            Markdown: Take("markdown"),
            Command: Take("command") ?? "bench/run profile");
    }
}

/// <summary>
/// Wijkprofiel: (1) import a generated CBS "Kerncijfers wijken en buurten" CSV the size of the national table (every
/// row's area exists, so every figure is stored), then the same file again; (2) the choropleth data endpoint for one
/// gemeente with 150 buurten, against the same bytes served as a static file by the same server in the same run.
/// </summary>
sealed class ProfileBenchmark(ProfileOptions o)
{
    const string Focus = "GM5001";
    const double ImportGoalSeconds = 10, MedianGoalMs = 200;
    readonly Stopwatch clock = Stopwatch.StartNew();

    sealed record Load(int Requests, int Errors, double Seconds, Distribution Latency, string? FirstError, double ServerCpuMs, double OtherCores)
    {
        public double PerSecond => Requests / Seconds;
        public double CpuMsPerRequest => Requests == 0 ? double.NaN : ServerCpuMs / Requests;
    }

    sealed record Import(double Seconds, double RequestSeconds, JsonElement Report, double ServerCpuSeconds, double OtherCores);

    /// <summary>utime + stime of a process in seconds (/proc/pid/stat fields 14 and 15, 100 ticks a second).</summary>
    static double CpuSeconds(int pid)
    {
        var text = File.ReadAllText($"/proc/{pid}/stat");
        var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var machine = MachineInfo.Read();
        var started = DateTimeOffset.UtcNow;
        var dataDir = Directory.CreateTempSubdirectory("wijkbeeld-profile-bench-").FullName;
        var db = Path.Combine(dataDir, "wijkbeeld.db");
        var staticRoot = Directory.CreateDirectory(Path.Combine(dataDir, "static")).FullName;
        try
        {
            Log($"profile: {o.Municipalities} gemeenten, {o.Columns} figure columns; {machine.Summary}");
            using (var first = StartWijkbeeld(db, out var firstUrl))
            {
                await first.WaitHealthyAsync(new Uri(firstUrl, "/health"), TimeSpan.FromSeconds(120), ct);
                first.Stop();
            }
            var codes = InsertAreas(db);
            var csvPath = Path.Combine(dataDir, "85984NED.csv");
            var csvBytes = WriteCsv(csvPath, codes);
            Log($"generated {codes.Count + 1} rows x {o.Columns + 8} columns, {csvBytes / 1048576.0:0.0} MB");

            // The baseline: the same bytes as a static file from the same server (Bench:StaticRoot).
            using var server = StartWijkbeeld(db, out var baseUrl, staticRoot);
            await server.WaitHealthyAsync(new Uri(baseUrl, "/health"), TimeSpan.FromSeconds(120), ct);
            using var http = Client(o.Concurrency);
            // Imports and status polls: an ordinary client that decompresses.
            using var api = new HttpClient(new SocketsHttpHandler { UseProxy = false, AutomaticDecompression = DecompressionMethods.All })
            {
                Timeout = TimeSpan.FromMinutes(5),
            };
            // Imports are for coordinators and administrators.
            await BenchAdmin.SignInAsync(api, o.ServerDll, "Sqlite", $"Data Source={db}", baseUrl, ct);
            // Warm the area index (17,000 areas) so the import measures the import.
            (await http.GetAsync(new Uri(baseUrl, "/api/areas/" + Focus), ct)).EnsureSuccessStatusCode();

            var firstImport = await ImportAsync(api, server, baseUrl, csvPath, ct);
            Log($"import: {firstImport.Seconds:0.00} s (request {firstImport.RequestSeconds:0.00} s), server CPU {firstImport.ServerCpuSeconds:0.00} s, other load {firstImport.OtherCores:0.0} cores; {firstImport.Report}");
            var again = await ImportAsync(api, server, baseUrl, csvPath, ct);
            Log($"same file again: {again.Seconds:0.00} s, server CPU {again.ServerCpuSeconds:0.00} s");

            var url = $"/api/indicators/AantalInwoners/values.geojson?year=2024&level=buurt&municipality={Focus}";
            using var sample = await http.GetAsync(new Uri(baseUrl, url), ct);
            var wire = await sample.Content.ReadAsByteArrayAsync(ct);
            if (!sample.IsSuccessStatusCode) throw new BenchException($"GET {url}: {(int)sample.StatusCode}");
            var encoding = string.Join(",", sample.Content.Headers.ContentEncoding);
            var file = "choropleth.geojson" + encoding switch { "br" => ".br", "gzip" => ".gz", _ => "" };
            await File.WriteAllBytesAsync(Path.Combine(staticRoot, file), wire, ct);
            Log($"choropleth response: {wire.Length / 1024.0:0.0} KB {(encoding.Length == 0 ? "identity" : encoding)}");

            var cached = await LoadAsync(http, server.Id, _ => new Uri(baseUrl, url), ct);
            Log($"Wijkbeeld same URL (output cache): {Line(cached)}");
            var uncached = await LoadAsync(http, server.Id, i => new Uri(baseUrl, url + "&v=" + i.ToString(CultureInfo.InvariantCulture)), ct);
            Log($"Wijkbeeld distinct URLs (cache misses): {Line(uncached)}");
            var stat = await LoadAsync(http, server.Id, _ => new Uri(baseUrl, "/bench/" + file), ct);
            Log($"static baseline: {Line(stat)}");

            var markdown = Markdown(machine, started, codes.Count + 1, csvBytes, firstImport, again, wire.Length, encoding, cached, uncached, stat);
            Console.WriteLine();
            Console.WriteLine(markdown);
            if (o.Markdown is { } path)
            {
                await File.WriteAllTextAsync(path, markdown, ct);
            }
            var errors = cached.Errors + uncached.Errors + stat.Errors;
            return errors == 0 ? 0 : 1;
        }
        finally
        {
            ChildProcess.StopAll();
            try { Directory.Delete(dataDir, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    async Task<Import> ImportAsync(HttpClient http, ChildProcess server, Uri baseUrl, string csv, CancellationToken ct)
    {
        var cpu0 = CpuSeconds(server.Id);
        var meter = new CpuMeter(server.Id);
        meter.Start();
        var t0 = Stopwatch.GetTimestamp();
        await using var body = File.OpenRead(csv);
        var content = new StreamContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        using var response = await http.PostAsync(new Uri(baseUrl, "/api/indicators/import/cbs?year=2024&fileName=85984NED.csv"), content, ct);
        var accepted = await response.Content.ReadAsStringAsync(ct);
        var requestSeconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        if (response.StatusCode != HttpStatusCode.Accepted) throw new BenchException($"import: {(int)response.StatusCode} {accepted[..Math.Min(400, accepted.Length)]}");
        var status = response.Headers.Location!;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri(baseUrl, status), ct));
            var state = doc.RootElement.GetProperty("state").GetString();
            if (state == "klaar")
            {
                var seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
                return new Import(seconds, requestSeconds, doc.RootElement.GetProperty("report").Clone(), CpuSeconds(server.Id) - cpu0, meter.Stop()?.Other ?? double.NaN);
            }
            if (state == "mislukt") throw new BenchException($"import failed: {doc.RootElement.GetProperty("error")}");
            if (Stopwatch.GetElapsedTime(t0) > TimeSpan.FromMinutes(10)) throw new BenchException("import did not finish in 10 minutes");
            await Task.Delay(50, ct);
        }
    }

    // --- data ----------------------------------------------------------------------------------------------------

    /// <summary>NL00 aside, every code of the table as an area: 150 buurten in the focus gemeente, about 40 in each other one.</summary>
    List<string> InsertAreas(string db)
    {
        using var c = new SqliteConnection($"Data Source={db}");
        c.Open();
        using var tx = c.BeginTransaction();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO Areas (Code, Name, Level, ParentCode, MunicipalityCode, Geometry, MinLongitude, MinLatitude, MaxLongitude, MaxLatitude,
                               LabelLongitude, LabelLatitude, IsSample, ImportedAt)
            VALUES ($code, $name, $level, $parent, $m, $geometry, $x0, $y0, $x1, $y1, $lx, $ly, 0, '2026-01-01 00:00:00')
            """;
        var names = new[] { "$code", "$name", "$level", "$parent", "$m", "$geometry", "$x0", "$y0", "$x1", "$y1", "$lx", "$ly" };
        var p = names.ToDictionary(n => n, n => { var q = cmd.CreateParameter(); q.ParameterName = n; cmd.Parameters.Add(q); return q; });
        cmd.Prepare();
        var codes = new List<string>();
        void Add(string code, string level, string? parent, string m, double x, double y, double size, int vertices)
        {
            // A ring of `vertices` points: real CBS buurt outlines have many more points than a square.
            var ring = Enumerable.Range(0, vertices + 1).Select(i =>
            {
                var a = 2 * Math.PI * (i % vertices) / vertices;
                return string.Create(CultureInfo.InvariantCulture, $"[{x + size / 2 + size / 2 * Math.Cos(a):0.000000},{y + size / 2 + size / 2 * Math.Sin(a):0.000000}]");
            });
            p["$code"].Value = code; p["$name"].Value = "Gebied " + code; p["$level"].Value = level;
            p["$parent"].Value = (object?)parent ?? DBNull.Value; p["$m"].Value = m;
            p["$geometry"].Value = "{\"type\":\"Polygon\",\"coordinates\":[[" + string.Join(",", ring) + "]]}";
            p["$x0"].Value = x; p["$y0"].Value = y; p["$x1"].Value = x + size; p["$y1"].Value = y + size;
            p["$lx"].Value = x + size / 2; p["$ly"].Value = y + size / 2;
            cmd.ExecuteNonQuery();
            codes.Add(code);
        }
        for (var g = 0; g < o.Municipalities; g++)
        {
            var number = (5001 + g).ToString(CultureInfo.InvariantCulture);
            var gm = "GM" + number;
            var focus = g == 0;
            var (wijken, perWijk) = focus ? (15, o.FocusBuurten / 15) : (10, 4);
            double gx = 3.5 + g % 20 * 0.15, gy = 50.8 + g / 20 * 0.15;
            Add(gm, "Municipality", null, gm, gx, gy, 0.14, 24);
            for (var w = 0; w < wijken; w++)
            {
                var wk = $"WK{number}{w:00}";
                double wx = gx + w % 4 * 0.035, wy = gy + w / 4 * 0.035;
                Add(wk, "District", gm, gm, wx, wy, 0.034, 24);
                for (var b = 0; b < perWijk; b++)
                {
                    Add($"BU{number}{w:00}{b:00}", "Neighbourhood", wk, gm, wx + b % 4 * 0.0085, wy + b / 4 * 0.0085, 0.008, focus ? 64 : 12);
                }
            }
        }
        tx.Commit();
        return codes;
    }

    /// <summary>The StatLine CSV layout: ';', quoted, codes padded to 10, decimal comma, '.' for some missing figures.</summary>
    long WriteCsv(string path, List<string> codes)
    {
        string[] keys = ["AantalInwoners", "Mannen", "Vrouwen", "k_0Tot15Jaar", "k_15Tot25Jaar", "k_65JaarOfOuder", "HuishoudensTotaal",
            "GemiddeldeHuishoudensgrootte", "Bevolkingsdichtheid", "Woningvoorraad", "GemiddeldeWOZWaardeVanWoningen", "Koopwoningen",
            "GemiddeldInkomenPerInwoner", "HuishoudensMetEenLaagInkomen", "PersonenPerSoortUitkeringBijstand"];
        var columns = keys.Concat(Enumerable.Range(keys.Length, Math.Max(0, o.Columns - keys.Length)).Select(i => $"Onderwerp{i}")).Take(o.Columns).ToList();
        var header = new List<string> { "ID", "WijkenEnBuurten", "Gemeentenaam_1", "SoortRegio_2", "Codering_3", "IndelingswijzigingWijkenEnBuurten_4" };
        header.AddRange(columns.Select((c, i) => $"{c}_{i + 5}"));
        header.Add($"MeestVoorkomendePostcode_{columns.Count + 5}");
        header.Add($"Dekkingspercentage_{columns.Count + 6}");
        var random = new Random(5001);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(string.Join(';', header.Select(h => $"\"{h}\"")));
        writer.Write("\r\n");
        var id = 0;
        var sb = new StringBuilder();
        foreach (var code in codes.Prepend("NL00"))
        {
            sb.Clear();
            var soort = code.StartsWith("GM", StringComparison.Ordinal) ? "Gemeente" : code.StartsWith("WK", StringComparison.Ordinal) ? "Wijk" : code.StartsWith("BU", StringComparison.Ordinal) ? "Buurt" : "Land";
            sb.Append(CultureInfo.InvariantCulture, $"\"{id++}\";\"{code,-10}\";\"{"Gemeente " + code[2..Math.Min(6, code.Length)],-50}\";\"{soort,-10}\";\"{code,-10}\";\"1\"");
            for (var i = 0; i < columns.Count; i++)
            {
                var roll = random.Next(100);
                var cell = roll < 4 ? "." : i % 3 == 1
                    ? (random.NextDouble() * 100).ToString("0.0", CultureInfo.GetCultureInfo("nl-NL"))
                    : random.Next(0, 5000).ToString(CultureInfo.InvariantCulture);
                sb.Append(";\"").Append(cell.PadLeft(8)).Append('"');
            }
            sb.Append(";\"1781  \";\"1\"\r\n");
            writer.Write(sb);
        }
        writer.Flush();
        return writer.BaseStream.Length;
    }

    // --- servers and load ----------------------------------------------------------------------------------------

    ChildProcess StartWijkbeeld(string db, out Uri baseUrl, string? staticRoot = null)
    {
        baseUrl = new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}");
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = baseUrl.ToString().TrimEnd('/'),
            ["ConnectionStrings__Wijkbeeld"] = $"Data Source={db}",
            ["Database__Provider"] = "Sqlite",
            ["SampleData__Load"] = "true",
            ["Map__TileUrl"] = "",
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_NOLOGO"] = "1",
        };
        if (staticRoot is not null) env["Bench__StaticRoot"] = staticRoot;
        return ChildProcess.Start("Wijkbeeld", "dotnet", [o.ServerDll], Path.GetDirectoryName(o.ServerDll)!, env);
    }

    static HttpClient Client(int connections)
    {
        var http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false, MaxConnectionsPerServer = connections, AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        }) { Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br, zstd");
        return http;
    }

    /// <summary>A closed loop (see <see cref="ClosedLoop"/>), with the server's CPU time per request.</summary>
    async Task<Load> LoadAsync(HttpClient http, int serverPid, Func<int, Uri> url, CancellationToken ct)
    {
        var cpu0 = CpuSeconds(serverPid);
        var meter = new CpuMeter(serverPid);
        meter.Start();
        var r = await ClosedLoop.RunAsync(http, o.Concurrency, o.WarmupSeconds, o.Seconds, url, ct);
        // Server CPU over the whole loop (warm-up included), per request of the whole loop.
        var cpuMs = (CpuSeconds(serverPid) - cpu0) * 1000 * r.Latencies.Count / Math.Max(1, r.Sent);
        return new Load(r.Latencies.Count, r.Errors, r.Seconds, Distribution.Of(r.Latencies), r.FirstError, cpuMs, meter.Stop()?.Other ?? double.NaN);
    }

    static string Line(Load l) =>
        $"{l.Requests} requests, {l.PerSecond:0} /s, p50 {l.Latency.P50:0.00} ms, p95 {l.Latency.P95:0.00} ms, server CPU {l.CpuMsPerRequest:0.00} ms/request, other load {l.OtherCores:0.0} cores, errors {l.Errors}" +
        (l.FirstError is { } e ? $" ({e})" : "");

    string Markdown(MachineInfo machine, DateTimeOffset started, int rows, long csvBytes, Import first, Import again,
        int wireBytes, string encoding, Load cached, Load uncached, Load stat)
    {
        var r = first.Report;
        int N(string name) => r.GetProperty(name).GetInt32();
        string Ms(double v) => v.ToString(v < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
        string Row(string what, Load l) => $"| {what} | {l.Requests} | {l.PerSecond:0} | {Ms(l.Latency.P50)} | {Ms(l.Latency.P95)} | {Ms(l.Latency.P99)} | {Ms(l.CpuMsPerRequest)} | {l.OtherCores:0.0} | {l.Errors} |";
        var verdictImport = first.Seconds < ImportGoalSeconds ? "met" : "**missed**";
        var verdictMedian = uncached.Latency.P50 < MedianGoalMs && cached.Latency.P50 < MedianGoalMs ? "met" : "**missed**";
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Measured **{started:yyyy-MM-dd HH:mm} UTC** with `{o.Command}` (took {clock.Elapsed.TotalMinutes:0.0} min).\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Machine: `{machine.Uname}`, {machine.Cpu}, {machine.Cores} cores, {machine.MemoryGiB:0.#} GiB RAM, {machine.Dotnet}. ");
        sb.Append("Server (published, SQLite), static baseline and load tool on the same machine over loopback.\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"**Import** of a generated StatLine CSV, {rows:N0} rows (NL00, {o.Municipalities} gemeenten with their wijken and buurten, all present as areas) × {o.Columns} figure columns + 8 region/text columns, {csvBytes / 1048576.0:0.0} MB, posted as `text/csv` and followed until the background job reports done:\n\n");
        sb.Append("| run | total s | request (upload + check) s | server CPU s | other load, cores | rows read | figures stored | unchanged | missing ('.') | goal < 10 s |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        sb.Append(CultureInfo.InvariantCulture, $"| first import | {first.Seconds:0.00} | {first.RequestSeconds:0.00} | {first.ServerCpuSeconds:0.00} | {first.OtherCores:0.0} | {N("rowsRead"):N0} | {N("valuesStored"):N0} | {N("valuesUnchanged"):N0} | {N("valuesMissing"):N0} | {verdictImport} |\n");
        var r2 = again.Report;
        sb.Append(CultureInfo.InvariantCulture, $"| same file again | {again.Seconds:0.00} | {again.RequestSeconds:0.00} | {again.ServerCpuSeconds:0.00} | {again.OtherCores:0.0} | {r2.GetProperty("rowsRead").GetInt32():N0} | {r2.GetProperty("valuesStored").GetInt32():N0} | {r2.GetProperty("valuesUnchanged").GetInt32():N0} | {r2.GetProperty("valuesMissing").GetInt32():N0} | |\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"**Choropleth data** `GET /api/indicators/AantalInwoners/values.geojson?year=2024&level=buurt&municipality={Focus}`: {o.FocusBuurten} buurt polygons (64 points each) with value, class and colour, {wireBytes / 1024.0:0.0} KB {(encoding.Length == 0 ? "identity" : encoding)} on the wire. {o.Concurrency} clients in a closed loop, {o.Seconds:0.#} s after {o.WarmupSeconds:0.#} s warm-up; the baseline serves the same bytes as a static file. Latency in ms.\n\n");
        sb.Append("| server | requests | per s | p50 | p95 | p99 | server CPU ms / request | other load, cores | errors |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        sb.Append(Row("Wijkbeeld, same URL (output cache)", cached)).Append('\n');
        sb.Append(Row("Wijkbeeld, distinct URLs (every request computed)", uncached)).Append('\n');
        sb.Append(Row("static file (baseline)", stat)).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"| **ratio** computed / static | | | **{uncached.Latency.P50 / stat.Latency.P50:0.0}×** | {uncached.Latency.P95 / stat.Latency.P95:0.0}× | | {uncached.CpuMsPerRequest / stat.CpuMsPerRequest:0.0}× | | |\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Goals: import < {ImportGoalSeconds} s: {verdictImport}; choropleth median < {MedianGoalMs} ms: {verdictMedian}. ");
        sb.Append("*Other load* is the CPU that other processes on the machine used meanwhile (of 2 cores): above a quarter of a core the wall-clock figures are disturbed; the server's own CPU time is the steadier figure then.\n");
        return sb.ToString();
    }

    void Log(string message) => Console.Error.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0}s] {message}");
}
