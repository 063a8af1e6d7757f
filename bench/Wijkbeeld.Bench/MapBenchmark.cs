using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Wijkbeeld.Bench;

sealed record MapOptions(string RepoRoot, string ServerDll, int Items, int Concurrency, double Seconds, double WarmupSeconds,
    int Followers, bool PageWeight, string? MarkdownDir, string Command, string Chromium, string? Postgres)
{
    public static MapOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        string? Take(string name)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        foreach (var a in args.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            if (a is not ("--quick" or "--no-pageweight" or "--postgres" or "--postgres-server" or "--items" or "--concurrency" or "--seconds" or "--warmup-seconds" or
                "--followers" or "--markdown-dir" or "--command" or "--repo" or "--server-dll" or "--chromium"))
            {
                throw new UsageException($"map: unknown option '{a}'.");
            }
        }
        var repo = Path.GetFullPath(Take("repo") ?? RealtimeOptions.FindRepoRoot());
        var dll = Path.GetFullPath(Take("server-dll") ?? Path.Combine(repo, "bench/.app/Wijkbeeld.dll"));
        if (!File.Exists(dll)) throw new UsageException($"No server at {dll}; build it first (bench/run does: dotnet build -c Release).");
        int I(string n, int d) => Take(n) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : d;
        double D(string n, double d) => Take(n) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : d;
        // The country variant: PostgreSQL, 100,000 items in Den Helder as before plus the rest spread over the Netherlands.
        var postgres = args.Contains("--postgres")
            ? Take("postgres-server") ?? Environment.GetEnvironmentVariable("WIJKBEELD_BENCH_POSTGRES") ?? "Host=localhost;Username=postgres;Password=postgres"
            : null;
        return new MapOptions(repo, dll,
            Items: I("items", postgres is not null ? (quick ? 200_000 : 1_000_000) : quick ? 20_000 : 100_000),
            Concurrency: I("concurrency", 50),
            Seconds: D("seconds", quick ? 2 : 5),
            WarmupSeconds: D("warmup-seconds", 1),
            Followers: I("followers", quick ? 50 : 500),
            PageWeight: !args.Contains("--no-pageweight"),
            MarkdownDir: Take("markdown-dir"),
            Command: Take("command") ?? "bench/run map",
            Chromium: Take("chromium") ?? "/usr/bin/chromium",
            Postgres: postgres);
    }
}

/// <summary>
/// Map reads under load (Wijkbeeld with N generated items vs. the same bytes from a bare static-file server),
/// the map page's first-load weight in Chromium, and the server's memory with the items and live followers.
/// </summary>
sealed class MapBenchmark(MapOptions o)
{
    const string Municipality = "GM0400";
    const double RatioGoal = 2, TailGoal = 5, PageGoalKb = 150, MemoryGoalMb = 300;
    readonly Stopwatch clock = Stopwatch.StartNew();

    sealed record View(string Name, string Bbox, int Zoom, string What);
    sealed record Sample(View View, byte[] Wire, string Encoding, int Uncompressed, bool Clustered, int Features, long Items);
    sealed record Load(int Requests, int Errors, double Seconds, Distribution Latency, string? FirstError)
    {
        public double PerSecond => Requests / Seconds;
    }
    sealed record MapRow(Sample Sample, Load Cached, Load Uncached, Load Baseline);
    sealed record Resource(string Url, string Type, long Bytes);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var machine = MachineInfo.Read();
        var started = DateTimeOffset.UtcNow;
        var dataDir = Directory.CreateTempSubdirectory("wijkbeeld-map-bench-").FullName;
        // SQLite: a file; PostgreSQL: a fresh database on the server, dropped at the end.
        var pgDatabase = o.Postgres is null ? null : "wijkbeeld_bench_" + Guid.NewGuid().ToString("N")[..10];
        var db = o.Postgres is { } server0
            ? new Npgsql.NpgsqlConnectionStringBuilder(server0) { Database = pgDatabase }.ConnectionString
            : Path.Combine(dataDir, "wijkbeeld.db");
        var staticRoot = Directory.CreateDirectory(Path.Combine(dataDir, "static")).FullName;
        try
        {
            Log($"map: {o.Items} items on {(o.Postgres is null ? "SQLite" : "PostgreSQL")}, {o.Concurrency} clients, {o.Seconds} s per run; {machine.Summary}");
            // 1. A fresh database: migrations + the Den Helder sample, by the app itself.
            using (var first = StartWijkbeeld(db, out var firstUrl))
            {
                await first.WaitHealthyAsync(new Uri(firstUrl, "/health"), TimeSpan.FromSeconds(120), ct);
                first.Stop();
            }
            var (buurten, wijken) = ReadAreas(db);
            var insertStart = Stopwatch.GetTimestamp();
            if (o.Postgres is null) InsertItems(db, buurten);
            else await InsertItemsPostgresAsync(db, buurten, ct);
            Log($"inserted {o.Items} items over {buurten.Count} buurten in {Stopwatch.GetElapsedTime(insertStart).TotalSeconds:0.0} s");

            // 2. The server under test, and the baseline.
            using var server = StartWijkbeeld(db, out var baseUrl, staticRoot);
            await server.WaitHealthyAsync(new Uri(baseUrl, "/health"), TimeSpan.FromSeconds(120), ct);
            var rssIdle = await MedianRssAsync(server, ct);

            using var http = Client(o.Concurrency);
            var views = Views(buurten, wijken);
            if (o.Postgres is not null)
            {
                views.Add(new View("land", "3.36,50.75,7.23,53.55", 8, "the Netherlands"));
            }
            var rows = new List<MapRow>();
            var samples = new List<(View View, Sample Sample, string File)>();
            foreach (var view in views)
            {
                var sample = await FetchAsync(http, new Uri(baseUrl, Url(view, 0)), view, ct);
                var file = $"{view.Name}.geojson" + sample.Encoding switch { "br" => ".br", "gzip" => ".gz", _ => "" };
                await File.WriteAllBytesAsync(Path.Combine(staticRoot, file), sample.Wire, ct);
                Log($"{view.Name}: {(sample.Clustered ? "clusters" : "points")} {sample.Features} features ({sample.Items} items), " +
                    $"{sample.Wire.Length / 1024.0:0.0} KB {sample.Encoding} / {sample.Uncompressed / 1024.0:0.0} KB JSON");
                samples.Add((view, sample, file));
            }
            // A server that has run for a while: every code path compiled by the JIT's optimizing tier before the
            // first measured run (otherwise the first view pays for it). URLs unlike any measured one.
            var warm = await LoadAsync(http, i => (i % 3) switch
            {
                0 => new Uri(baseUrl, "/bench/" + samples[i / 3 % samples.Count].File),
                1 => new Uri(baseUrl, Url(samples[i / 3 % samples.Count].View, 0)),
                _ => new Uri(baseUrl, Url(samples[i / 3 % samples.Count].View, 50_000_000 + i)),
            }, ct, seconds: 4);
            Log($"server warm-up, all views: {Line(warm)}");
            foreach (var (view, sample, file) in samples)
            {
                var cached = await LoadAsync(http, _ => new Uri(baseUrl, Url(view, 0)), ct);
                Log($"{view.Name} Wijkbeeld same URL (output cache): {Line(cached)}");
                var uncached = await LoadAsync(http, i => new Uri(baseUrl, Url(view, i)), ct);
                Log($"{view.Name} Wijkbeeld distinct URLs (cache misses): {Line(uncached)}");
                var stat = await LoadAsync(http, _ => new Uri(baseUrl, "/bench/" + file), ct);
                Log($"{view.Name} static baseline: {Line(stat)}");
                rows.Add(new MapRow(sample, cached, uncached, stat));
            }
            var rssAfterMap = await MedianRssAsync(server, ct);

            // 3. Page weight of the first load with an empty cache.
            List<Resource>? resources = null;
            string? pageError = null;
            if (o.PageWeight)
            {
                try
                {
                    resources = await PageWeightAsync(baseUrl, ct);
                    Log($"page weight: {resources.Count} requests, {resources.Sum(r => r.Bytes) / 1024.0:0.0} KB");
                }
                catch (Exception e) when (e is PlaywrightException or TimeoutException or InvalidOperationException)
                {
                    pageError = e.Message.Split('\n')[0];
                    Log($"page weight failed: {pageError}");
                }
            }

            // 4. Memory with the items loaded and N followers.
            var rssBeforeFollowers = await MedianRssAsync(server, ct);
            long rssFollowers;
            int disconnects;
            await using (var followers = new Followers(o.Followers))
            {
                Log($"connecting {o.Followers} followers (server RSS {Mb(rssBeforeFollowers)} MB)");
                await using var target = new FollowTarget(server, baseUrl);
                await followers.ConnectAsync(target, ct);
                await Task.Delay(3000, ct);
                rssFollowers = await MedianRssAsync(server, ct);
                disconnects = followers.Disconnects;
                Log($"{o.Followers} followers: server RSS {Mb(rssFollowers)} MB");
            }

            var took = clock.Elapsed;
            var head = $"Measured **{started:yyyy-MM-dd HH:mm} UTC** with `{o.Command}` (whole run took {took.TotalMinutes:0.0} min).\n\n" +
                $"Machine: `{machine.Uname}`, {machine.Cpu}, {machine.Cores} cores, {machine.MemoryGiB:0.#} GiB RAM, {machine.Dotnet}. " +
                "Server, baseline and load tool on the same machine over loopback (127.0.0.1).\n";
            var map = MapMarkdown(head, rows);
            var page = PageMarkdown(head, resources, pageError);
            var mem = MemoryMarkdown(head, rssIdle, rssAfterMap, rssBeforeFollowers, rssFollowers, disconnects);
            Console.WriteLine();
            Console.WriteLine(map);
            Console.WriteLine(page);
            Console.WriteLine(mem);
            if (o.MarkdownDir is { } dir)
            {
                Directory.CreateDirectory(dir);
                await File.WriteAllTextAsync(Path.Combine(dir, "map.md"), map, ct);
                await File.WriteAllTextAsync(Path.Combine(dir, "pageweight.md"), page, ct);
                await File.WriteAllTextAsync(Path.Combine(dir, "memory.md"), mem, ct);
            }
            var errors = rows.Sum(r => r.Cached.Errors + r.Uncached.Errors + r.Baseline.Errors);
            return errors == 0 && disconnects == 0 && pageError is null ? 0 : 1;
        }
        finally
        {
            ChildProcess.StopAll();
            if (o.Postgres is { } pg && pgDatabase is not null) DropDatabase(pg, pgDatabase);
            try { Directory.Delete(dataDir, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    // --- servers -------------------------------------------------------------------------------------------------

    ChildProcess StartWijkbeeld(string db, out Uri baseUrl, string? staticRoot = null)
    {
        baseUrl = new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}");
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = baseUrl.ToString().TrimEnd('/'),
            ["ConnectionStrings__Wijkbeeld"] = o.Postgres is null ? $"Data Source={db}" : db,
            ["Database__Provider"] = o.Postgres is null ? "Sqlite" : "Postgres",
            ["SampleData__Load"] = "true",
            ["Map__TileUrl"] = "",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            ["DOTNET_NOLOGO"] = "1",
        };
        // The baseline: the same bytes as static files from this same server (see UseBenchBaseline in the app).
        if (staticRoot is not null) env["Bench__StaticRoot"] = staticRoot;
        return ChildProcess.Start("Wijkbeeld", "dotnet", [o.ServerDll], Path.GetDirectoryName(o.ServerDll)!, env);
    }

    // --- data ----------------------------------------------------------------------------------------------------

    sealed record Area(string Code, string? Parent, double MinLon, double MinLat, double MaxLon, double MaxLat)
    {
        public double Size => (MaxLon - MinLon) * (MaxLat - MinLat);
    }

    (List<Area> Buurten, List<Area> Wijken) ReadAreas(string db)
    {
        using System.Data.Common.DbConnection c = o.Postgres is null ? new SqliteConnection($"Data Source={db}") : new Npgsql.NpgsqlConnection(db);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT \"Code\", \"ParentCode\", \"MinLongitude\", \"MinLatitude\", \"MaxLongitude\", \"MaxLatitude\" " +
            "FROM \"Areas\" WHERE \"MunicipalityCode\" = @m";
        var m = cmd.CreateParameter();
        m.ParameterName = "m";
        m.Value = Municipality;
        cmd.Parameters.Add(m);
        var all = new List<Area>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                all.Add(new Area(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5)));
            }
        }
        var buurten = all.Where(a => a.Code.StartsWith("BU", StringComparison.Ordinal)).OrderBy(a => a.Code).ToList();
        var wijken = all.Where(a => a.Code.StartsWith("WK", StringComparison.Ordinal)).OrderBy(a => a.Code).ToList();
        if (buurten.Count == 0) throw new BenchException($"No buurten of {Municipality} in the sample database.");
        return (buurten, wijken);
    }

    /// <summary>Plain SQL, one transaction: items spread evenly over the buurten, at random points in each buurt's bounding box.</summary>
    void InsertItems(string db, List<Area> buurten)
    {
        (string Kind, string[] Statuses)[] kinds =
        [
            ("kans", ["idee", "verkend", "opgepakt", "gerealiseerd", "vervallen"]),
            ("opgave", ["gesignaleerd", "in-behandeling", "aangepakt", "blijvend"]),
            ("initiatief", ["idee", "gestart", "loopt", "afgerond", "gestopt"]),
            ("voorziening", ["actief", "tijdelijk-gesloten", "gesloten"]),
            ("kracht", ["actief", "niet-meer-actief"]),
            ("signaal", ["nieuw", "bekeken", "doorgezet", "afgehandeld"]),
        ];
        var random = new Random(400);
        using var c = new SqliteConnection($"Data Source={db}");
        c.Open();
        using var tx = c.BeginTransaction();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO Items (Kind, Title, Description, Latitude, Longitude, MunicipalityCode, DistrictCode, NeighbourhoodCode,
                               Status, Visibility, Moderation, CreatedAt, UpdatedAt, IsDeleted, Version)
            VALUES ($kind, $title, $description, $lat, $lon, $m, $district, $buurt, $status, 'openbaar', 'Approved', $at, $at, 0, 1)
            """;
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "$kind", "$title", "$description", "$lat", "$lon", "$m", "$district", "$buurt", "$status", "$at" })
        {
            p[name] = cmd.CreateParameter();
            p[name].ParameterName = name;
            cmd.Parameters.Add(p[name]);
        }
        p["$m"].Value = Municipality;
        cmd.Prepare();
        var t0 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < o.Items; i++)
        {
            var b = buurten[i % buurten.Count];
            var k = kinds[random.Next(kinds.Length)];
            p["$kind"].Value = k.Kind;
            p["$title"].Value = $"Bench item {i + 1}";
            p["$description"].Value = "Gegenereerd voor bench/run map.";
            p["$lat"].Value = b.MinLat + random.NextDouble() * (b.MaxLat - b.MinLat);
            p["$lon"].Value = b.MinLon + random.NextDouble() * (b.MaxLon - b.MinLon);
            p["$district"].Value = (object?)b.Parent ?? DBNull.Value;
            p["$buurt"].Value = b.Code;
            p["$status"].Value = k.Statuses[random.Next(k.Statuses.Length)];
            p["$at"].Value = t0.AddSeconds(i * 97).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>
    /// The country variant, with binary COPY: the first 100,000 items exactly as <see cref="InsertItems"/> spreads them over
    /// Den Helder, the rest at random points over the Netherlands' bounding box (municipality code GM0000, no buurt).
    /// </summary>
    async Task InsertItemsPostgresAsync(string db, List<Area> buurten, CancellationToken ct)
    {
        (string Kind, string[] Statuses)[] kinds =
        [
            ("kans", ["idee", "verkend", "opgepakt", "gerealiseerd", "vervallen"]),
            ("opgave", ["gesignaleerd", "in-behandeling", "aangepakt", "blijvend"]),
            ("initiatief", ["idee", "gestart", "loopt", "afgerond", "gestopt"]),
            ("voorziening", ["actief", "tijdelijk-gesloten", "gesloten"]),
            ("kracht", ["actief", "niet-meer-actief"]),
            ("signaal", ["nieuw", "bekeken", "doorgezet", "afgehandeld"]),
        ];
        var random = new Random(400);
        await using var c = new Npgsql.NpgsqlConnection(db);
        await c.OpenAsync(ct);
        var t0 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        const string Copy = "COPY \"Items\" (\"Kind\", \"Title\", \"Description\", \"Latitude\", \"Longitude\", \"MunicipalityCode\", " +
            "\"DistrictCode\", \"NeighbourhoodCode\", \"Status\", \"Visibility\", \"Moderation\", \"CreatedAt\", \"UpdatedAt\", \"IsDeleted\", \"Version\") FROM STDIN (FORMAT BINARY)";
        await using (var copy = await c.BeginBinaryImportAsync(Copy, ct))
        {
            for (var i = 0; i < o.Items; i++)
            {
                var k = kinds[random.Next(kinds.Length)];
                double lat, lon;
                string municipality;
                string? district, buurt;
                if (i < 100_000)
                {
                    var b = buurten[i % buurten.Count];
                    (lat, lon) = (b.MinLat + random.NextDouble() * (b.MaxLat - b.MinLat), b.MinLon + random.NextDouble() * (b.MaxLon - b.MinLon));
                    (municipality, district, buurt) = (Municipality, b.Parent, b.Code);
                }
                else
                {
                    (lat, lon) = (50.75 + random.NextDouble() * 2.8, 3.36 + random.NextDouble() * 3.87);
                    (municipality, district, buurt) = ("GM0000", null, null);
                }
                var at = t0.AddSeconds(i * 29L);
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(k.Kind, ct);
                await copy.WriteAsync($"Bench item {i + 1}", ct);
                await copy.WriteAsync("Gegenereerd voor bench/run map.", ct);
                await copy.WriteAsync(lat, ct);
                await copy.WriteAsync(lon, ct);
                await copy.WriteAsync(municipality, ct);
                if (district is null) await copy.WriteNullAsync(ct); else await copy.WriteAsync(district, ct);
                if (buurt is null) await copy.WriteNullAsync(ct); else await copy.WriteAsync(buurt, ct);
                await copy.WriteAsync(k.Statuses[random.Next(k.Statuses.Length)], ct);
                await copy.WriteAsync("openbaar", ct);
                await copy.WriteAsync("Approved", ct);
                await copy.WriteAsync(at, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(at, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(false, ct);
                await copy.WriteAsync(1, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using var analyze = new Npgsql.NpgsqlCommand("ANALYZE \"Items\"", c);
        await analyze.ExecuteNonQueryAsync(ct);
    }

    static void DropDatabase(string server, string database)
    {
        try
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            using var c = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
            c.Open();
            using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", c);
            drop.ExecuteNonQuery();
        }
        catch (Npgsql.NpgsqlException e)
        {
            Console.Error.WriteLine($"Could not drop the bench database {database}: {e.Message}");
        }
    }

    /// <summary>A buurt (zoom 16), a wijk (zoom 14) and the whole municipality (zoom 12), as the map would ask for them.</summary>
    static List<View> Views(List<Area> buurten, List<Area> wijken)
    {
        static string Bbox(double a, double b, double c, double d) => string.Create(CultureInfo.InvariantCulture, $"{a:0.######},{b:0.######},{c:0.######},{d:0.######}");
        var buurt = buurten.OrderBy(a => a.Size).ElementAt(buurten.Count / 2);
        var wijk = wijken.Count > 0
            ? wijken.OrderByDescending(w => buurten.Count(b => b.Parent == w.Code)).First()
            : buurten.OrderByDescending(a => a.Size).First();
        return
        [
            new("buurt", Bbox(buurt.MinLon, buurt.MinLat, buurt.MaxLon, buurt.MaxLat), 16, $"buurt {buurt.Code} (median size)"),
            new("wijk", Bbox(wijk.MinLon, wijk.MinLat, wijk.MaxLon, wijk.MaxLat), 14, $"wijk {wijk.Code} (most buurten)"),
            new("gemeente", Bbox(buurten.Min(b => b.MinLon), buurten.Min(b => b.MinLat), buurten.Max(b => b.MaxLon), buurten.Max(b => b.MaxLat)), 12,
                "all of Den Helder's sample buurten"),
        ];
    }

    /// <summary>Variant 0: the view as is; i &gt; 0: the west edge moved by i × 1e-9°, so every request is a new output-cache key.</summary>
    static string Url(View v, int i)
    {
        var bbox = v.Bbox;
        if (i > 0)
        {
            var parts = bbox.Split(',');
            var west = double.Parse(parts[0], CultureInfo.InvariantCulture) - i * 1e-9;
            parts[0] = west.ToString("0.############", CultureInfo.InvariantCulture);
            bbox = string.Join(',', parts);
        }
        return $"/api/items.geojson?bbox={bbox}&zoom={v.Zoom}";
    }

    // --- load ----------------------------------------------------------------------------------------------------

    static HttpClient Client(int connections)
    {
        var http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = connections,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        }) { Timeout = TimeSpan.FromSeconds(30) };
        // What Chromium sends: the server picks the encoding, the client keeps the bytes as they came.
        http.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br, zstd");
        http.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "application/geo+json, application/json");
        return http;
    }

    static async Task<Sample> FetchAsync(HttpClient http, Uri url, View view, CancellationToken ct)
    {
        using var response = await http.GetAsync(url, ct);
        var wire = await response.Content.ReadAsByteArrayAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchException($"GET {url}: {(int)response.StatusCode} {Encoding.UTF8.GetString(wire.AsSpan(0, Math.Min(300, wire.Length)))}");
        }
        var encoding = string.Join(",", response.Content.Headers.ContentEncoding);
        Stream body = new MemoryStream(wire);
        body = encoding switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            "" => body,
            _ => throw new BenchException($"GET {url}: unexpected Content-Encoding {encoding}"),
        };
        using var json = new MemoryStream();
        await body.CopyToAsync(json, ct);
        json.Position = 0;
        using var doc = await JsonDocument.ParseAsync(json, cancellationToken: ct);
        var clustered = doc.RootElement.TryGetProperty("clustered", out var c) && c.ValueKind == JsonValueKind.True;
        var features = doc.RootElement.GetProperty("features");
        long items = 0;
        foreach (var f in features.EnumerateArray())
        {
            items += f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object &&
                p.TryGetProperty("count", out var n) && n.TryGetInt64(out var count) ? count : 1;
        }
        return new Sample(view, wire, encoding.Length == 0 ? "identity" : encoding, (int)json.Length, clustered, features.GetArrayLength(), items);
    }

    /// <summary>A closed loop of <c>Concurrency</c> clients (see <see cref="ClosedLoop"/>).</summary>
    async Task<Load> LoadAsync(HttpClient http, Func<int, Uri> url, CancellationToken ct, double? seconds = null)
    {
        var r = await ClosedLoop.RunAsync(http, o.Concurrency, o.WarmupSeconds, seconds ?? o.Seconds, url, ct);
        return new Load(r.Latencies.Count, r.Errors, r.Seconds, Distribution.Of(r.Latencies), r.FirstError);
    }

    // --- page weight ---------------------------------------------------------------------------------------------

    async Task<List<Resource>> PageWeightAsync(Uri baseUrl, CancellationToken ct)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = o.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        // A new context: an empty cache, no cookies.
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "nl-NL" });
        var page = await context.NewPageAsync();
        var finished = new List<IRequest>();
        var failed = new List<string>();
        page.RequestFinished += (_, r) => { lock (finished) finished.Add(r); };
        page.RequestFailed += (_, r) => { lock (failed) failed.Add($"{r.Url} {r.Failure}"); };
        await page.GotoAsync(new Uri(baseUrl, "/").ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 60_000 });
        await page.WaitForTimeoutAsync(1500);
        ct.ThrowIfCancellationRequested();
        var list = new List<Resource>();
        IRequest[] requests;
        lock (finished) requests = [.. finished];
        foreach (var r in requests)
        {
            var sizes = await r.SizesAsync();
            // Chromium reports a body size of ~0 for files Kestrel sends with sendfile; the Content-Length
            // header (the compressed length, as sent) is then the honest figure.
            var response = await r.ResponseAsync();
            var declared = response is null ? null : await response.HeaderValueAsync("content-length");
            var body = Math.Max(sizes.ResponseBodySize, long.TryParse(declared, out var length) ? length : 0);
            list.Add(new Resource(r.Url, r.ResourceType, body + sizes.ResponseHeadersSize));
        }
        if (failed.Count > 0) Log($"page weight: {failed.Count} failed requests, first {failed[0]}");
        return list;
    }

    // --- reports -------------------------------------------------------------------------------------------------

    string MapMarkdown(string head, List<MapRow> rows)
    {
        var s = new StringBuilder(head);
        s.AppendLine();
        s.AppendLine($"Settings: {(o.Postgres is null ? "SQLite" : "PostgreSQL 15 on the same machine")}, {o.Items:N0} generated items + the sample" +
            (o.Postgres is null ? "" : " (100,000 in Den Helder, the rest over the Netherlands)") + $"; {o.Concurrency} concurrent clients (closed loop, one `HttpClient`, " +
            $"`Accept-Encoding: gzip, deflate, br, zstd` as Chromium sends), {o.WarmupSeconds:0.#} s warm-up then {o.Seconds:0.#} s measured per run.");
        s.AppendLine();
        s.AppendLine("| view | zoom | answer | features (items) | wire KB (JSON KB) | run | req/s | p50 ms | p99 ms | p50 / baseline p50 | p99 / p50 |");
        s.AppendLine("|---|---:|---|---:|---:|---|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var x = r.Sample;
            var first = $"| {x.View.Name} | {x.View.Zoom} | {(x.Clustered ? "clusters" : "points")} | {x.Features:N0} ({x.Items:N0}) | " +
                $"{x.Wire.Length / 1024.0:0.0} {x.Encoding} ({x.Uncompressed / 1024.0:0.0}) ";
            s.AppendLine(first + Cells("Wijkbeeld, same URL (output cache hit)", r.Cached, r.Baseline));
            s.AppendLine("| | | | | " + Cells("Wijkbeeld, new bbox each request (cache miss)", r.Uncached, r.Baseline));
            s.AppendLine("| | | | | " + Cells("baseline: static file, same bytes", r.Baseline, r.Baseline));
        }
        s.AppendLine();
        s.AppendLine("| goal | view | measured | met |");
        s.AppendLine("|---|---|---|---|");
        foreach (var r in rows)
        {
            foreach (var (label, l) in new[] { ("cache hit", r.Cached), ("cache miss", r.Uncached) })
            {
                var ratio = l.Latency.P50 / r.Baseline.Latency.P50;
                s.AppendLine($"| median ≤ {RatioGoal}× static baseline | {r.Sample.View.Name}, {label} | {ratio:0.00}× ({l.Latency.P50:0.00} / {r.Baseline.Latency.P50:0.00} ms) | {(ratio <= RatioGoal ? "met" : "**missed**")} |");
            }
        }
        foreach (var r in rows)
        {
            foreach (var (label, l) in new[] { ("cache hit", r.Cached), ("cache miss", r.Uncached) })
            {
                var tail = l.Latency.P99 / l.Latency.P50;
                s.AppendLine($"| p99 ≤ {TailGoal}× median | {r.Sample.View.Name}, {label} | {tail:0.00}× ({l.Latency.P99:0.00} / {l.Latency.P50:0.00} ms) | {(tail <= TailGoal ? "met" : "**missed**")} |");
            }
        }
        var maxFeatures = rows.Max(r => r.Sample.Features);
        s.AppendLine($"| at most a few thousand features per answer | all | max {maxFeatures:N0} | {(maxFeatures <= 5000 ? "met" : "**missed**")} |");
        var errors = rows.Sum(r => r.Cached.Errors + r.Uncached.Errors + r.Baseline.Errors);
        if (errors > 0)
        {
            s.AppendLine();
            s.AppendLine($"**{errors} failed requests**, first: {rows.Select(r => r.Cached.FirstError ?? r.Uncached.FirstError ?? r.Baseline.FirstError).FirstOrDefault(e => e is not null)}");
        }
        return s.ToString();
    }

    static string Cells(string run, Load l, Load baseline) =>
        $"| {run} | {l.PerSecond:0} | {l.Latency.P50:0.00} | {l.Latency.P99:0.00} | {l.Latency.P50 / baseline.Latency.P50:0.00}× | {l.Latency.P99 / l.Latency.P50:0.00}× |";

    static string PageMarkdown(string head, List<Resource>? resources, string? error)
    {
        var s = new StringBuilder(head);
        s.AppendLine();
        if (resources is null)
        {
            s.AppendLine(error is null ? "Not measured (`--no-pageweight`)." : $"**Not measured**: {error}");
            return s.ToString();
        }
        var total = resources.Sum(r => r.Bytes);
        var kb = total / 1024.0;
        s.AppendLine($"`/` in headless Chromium (`/usr/bin/chromium`, new context = empty cache, 1366×768, map tiles off), with the generated items in the database; " +
            "bytes = response headers + body as sent on the wire (`Request.SizesAsync()`), every request until the network was idle.");
        s.AppendLine();
        s.AppendLine("| resource type | requests | KB on the wire |");
        s.AppendLine("|---|---:|---:|");
        foreach (var g in resources.GroupBy(r => r.Type).OrderByDescending(g => g.Sum(r => r.Bytes)))
        {
            s.AppendLine($"| {g.Key} | {g.Count()} | {g.Sum(r => r.Bytes) / 1024.0:0.0} |");
        }
        s.AppendLine($"| **total** | {resources.Count} | **{kb:0.0}** |");
        s.AppendLine();
        s.AppendLine("Largest: " + string.Join(", ", resources.OrderByDescending(r => r.Bytes).Take(6)
            .Select(r => $"`{new Uri(r.Url).PathAndQuery.Split('?')[0]}` {r.Bytes / 1024.0:0.0} KB")) + ".");
        s.AppendLine();
        s.AppendLine("| goal | measured | met |");
        s.AppendLine("|---|---|---|");
        s.AppendLine($"| first load ≤ {PageGoalKb} KB | {kb / PageGoalKb:0.00}× the budget ({kb:0.0} KB of {PageGoalKb} KB, {resources.Count} requests) | {(kb <= PageGoalKb ? "met" : "**missed**")} |");
        return s.ToString();
    }

    string MemoryMarkdown(string head, long idle, long afterMap, long before, long withFollowers, int disconnects)
    {
        var s = new StringBuilder(head);
        s.AppendLine();
        s.AppendLine("Wijkbeeld's VmRSS (median of three readings a second apart), MB:");
        s.AppendLine();
        s.AppendLine($"| started, {o.Items:N0} items in the database | after the map runs | after the page load | with {o.Followers} followers of {Municipality} |");
        s.AppendLine("|---:|---:|---:|---:|");
        s.AppendLine($"| {Mb(idle)} | {Mb(afterMap)} | {Mb(before)} | {Mb(withFollowers)} |");
        s.AppendLine();
        var mb = withFollowers / 1048576.0;
        s.AppendLine("| goal | measured | met |");
        s.AppendLine("|---|---|---|");
        s.AppendLine($"| RSS ≤ {MemoryGoalMb} MB with the items and {o.Followers} connections | {mb / MemoryGoalMb:0.00}× the budget ({mb:0.0} MB of {MemoryGoalMb} MB) | {(mb <= MemoryGoalMb ? "met" : "**missed**")} |");
        if (disconnects > 0) s.AppendLine($"\n**{disconnects} followers were disconnected.**");
        return s.ToString();
    }

    static string Line(Load l) =>
        $"{l.PerSecond:0} req/s, p50 {l.Latency.P50:0.00} ms, p99 {l.Latency.P99:0.00} ms, errors {l.Errors}" + (l.FirstError is { } e ? $" ({e})" : "");

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

    static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);

    void Log(string message) => Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {message}");
}

/// <summary>Only follows: the memory part of the map benchmark holds connections, it sends nothing.</summary>
sealed class FollowTarget(ChildProcess server, Uri baseUrl) : ITarget
{
    public string Name => "Wijkbeeld";
    public ChildProcess Server => server;
    public Uri HubUrl { get; } = new(baseUrl, "/hubs/updates");
    public string Method => "change";

    public async Task SubscribeAsync(HubConnection connection, CancellationToken ct)
    {
        var latest = await connection.InvokeAsync<long>("Follow", "GM0400", ct);
        if (latest <= 0) throw new BenchException($"Follow(\"GM0400\") answered sequence {latest}; expected the sample's changes.");
    }

    public Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;
    public Task SendAsync(Phase phase, int index, CancellationToken ct) => throw new NotSupportedException();
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
