using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Robustness;

[Collection(RobustnessCollection.Name)]
public sealed class FuzzSqliteTests() : FuzzTests(Provider.Sqlite);

[Collection(RobustnessCollection.Name)]
public sealed class FuzzPostgresTests : FuzzTests
{
    public FuzzPostgresTests() : base(Provider.Postgres) => PostgresGate.Require();
}

/// <summary>
/// Over a thousand generated malformed and edge-case requests against every write path of a real (Kestrel) server:
/// none may fail with a 5xx, a refused one stores nothing, an accepted one stores exactly its rows, an API refusal
/// is a problem with a Dutch title and a form refusal a Dutch HTML page. Set WIJKBEELD_FUZZ_SEED to replay a run;
/// WIJKBEELD_FUZZ_CASES to change the number of generated requests.
/// </summary>
public abstract class FuzzTests(Provider provider)
{
    public const int DefaultSeed = 20261127;
    const int DefaultCases = 1100;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly Op[] Rotation =
    [
        Op.ApiCreate, Op.ApiUpdate, Op.ApiDelete, Op.ApiComment, Op.ImportGeoJson, Op.ImportCsv, Op.ImportMultipart,
        Op.AreaImport, Op.FormCreate, Op.FormEdit, Op.FormDelete, Op.FormComment, Op.FormAreaImport, Op.ApiCreate, Op.ApiUpdate,
    ];

    [Fact]
    public async Task Generated_bad_input_never_fails_the_server_and_never_half_stores()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("WIJKBEELD_FUZZ_SEED"), out var s) ? s : DefaultSeed;
        var cases = int.TryParse(Environment.GetEnvironmentVariable("WIJKBEELD_FUZZ_CASES"), out var n) ? n : DefaultCases;
        var clock = Stopwatch.StartNew();

        using var app = new WijkbeeldApp(provider);
        app.UseKestrel(0);
        app.StartServer();
        // Own clients: on Kestrel the factory's clients follow redirects whatever the options say.
        HttpClient Client() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
        {
            BaseAddress = app.ClientOptions.BaseAddress, Timeout = TimeSpan.FromSeconds(60),
        };
        using var api = Client();
        using var browser = Client();
        var account = await app.CreateAccountAsync(Roles.Administrator);
        await api.SignInAsync(account);
        await browser.SignInAsync(account);

        var token = (await HtmlForm.LoadAsync(browser, "/items/new")).Get("__RequestVerificationToken")
            ?? throw new InvalidOperationException("No antiforgery token on /items/new.");
        await using (var areas = typeof(Program).Assembly.GetManifestResourceStream("Wijkbeeld.Features.Areas.SampleData.den-helder-areas.geojson")!)
        using (var reader = new StreamReader(areas))
        {
            sampleAreas = await reader.ReadToEndAsync(Ct);
        }
        var live = (await api.AllItemsAsync()).Select(i => i.Id).ToList();
        var sampleMaxId = live.Max();
        var deleted = new List<int>();
        var rng = new Random(seed);
        var generator = new BadInput(rng, token, sampleAreas);

        var failures = new List<string>();
        var tally = new SortedDictionary<string, int>();
        var counts = await app.CountRowsAsync();
        var sampleAreaCount = counts.Areas;
        var sent = 0;

        async Task<FuzzTarget> TargetAsync()
        {
            int? id = live.Count > 0 ? live[rng.Next(live.Count)] : null;
            var version = 1;
            if (id is not null)
            {
                var item = await app.WithDbAsync(db => db.Items.IgnoreQueryFilters().Where(i => i.Id == id)
                    .Select(i => new { i.Version, i.IsDeleted }).SingleAsync(Ct));
                if (item.IsDeleted)
                {
                    failures.Add($"item {id} was deleted, but no delete was accepted");
                    live.Remove(id.Value);
                    deleted.Add(id.Value);
                }
                version = item.Version;
            }
            return new FuzzTarget(id, version, deleted.Count > 0 ? deleted[rng.Next(deleted.Count)] : null);
        }

        async Task RunAsync(FuzzCase fuzz)
        {
            sent++;
            var client = fuzz.IsForm ? browser : api;
            HttpResponseMessage response;
            string body;
            try
            {
                response = await client.SendAsync(fuzz.Request, Ct);
                body = await response.Content.ReadAsStringAsync(Ct);
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{fuzz}: no response ({e.Message})");
                counts = await app.CountRowsAsync();
                return;
            }
            var status = (int)response.StatusCode;
            var after = await app.CountRowsAsync();
            var verdict = Judge(fuzz, response, status, body, counts, after, sampleAreaCount, live, deleted);
            tally[$"{fuzz.Op} {status}"] = tally.GetValueOrDefault($"{fuzz.Op} {status}") + 1;
            if (verdict is not null)
            {
                failures.Add($"{fuzz} -> {status}: {verdict}\n    body: {Shorten(body, 300)}");
            }
            counts = after;
        }

        foreach (var fuzz in generator.Oversized(await TargetAsync()).Concat(generator.Regressions(await TargetAsync())).ToList())
        {
            await RunAsync(fuzz);
        }
        for (var i = 0; i < cases; i++)
        {
            await RunAsync(generator.Next(Rotation[i % Rotation.Length], await TargetAsync()));
        }

        var halfStored = await app.WithDbAsync(db => db.FindHalfStoredAsync(Ct, checkVersionsAbove: sampleMaxId));
        failures.AddRange(halfStored.Select(p => "after the run: " + p));

        var summary = $"{provider}, seed {seed} (replay with WIJKBEELD_FUZZ_SEED={seed}): {sent} requests in {clock.Elapsed.TotalSeconds:F1} s; " +
                      $"accepted {accepted}, refused {sent - accepted} ({refusedByKestrel} by Kestrel before the app: NUL in the path); final rows {counts}.\n" +
                      string.Join(", ", tally.Select(t => $"{t.Key}: {t.Value}"));
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Assert.True(sent >= 1000, $"Only {sent} requests sent.");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {sent} requests went wrong. {summary}\n\n{string.Join("\n", failures.Take(40))}");
    }

    string sampleAreas = "";
    int accepted;
    int refusedByKestrel;

    /// <summary>Null when the answer is right for the request and the rows; otherwise what is wrong.</summary>
    string? Judge(FuzzCase fuzz, HttpResponseMessage response, int status, string body, RowCounts before, RowCounts after,
        int sampleAreaCount, List<int> live, List<int> deleted)
    {
        if (status >= 500)
        {
            return "server error";
        }
        var isAccepted = fuzz.IsForm
            ? status == 302 || (fuzz.Op == Op.FormAreaImport && status == 200)
            : status is >= 200 and < 300;
        if (isAccepted)
        {
            accepted++;
            return Accepted(fuzz, response, status, body, before, after, sampleAreaCount, live, deleted);
        }
        if (fuzz.IsForm && status == 200)
        {
            // A POST without a known handler renders the page; it must not have stored anything.
            return after == before ? null : $"a rendered page changed rows: {before} -> {after}";
        }
        if (status is < 400 or >= 500)
        {
            return "unexpected status";
        }
        if (after != before)
        {
            return $"refused, but rows changed: {before} -> {after}";
        }
        if (fuzz.RefusedByKestrel)
        {
            refusedByKestrel++;
            return status == 400 && body.Length == 0 ? null : "expected Kestrel's own 400";
        }
        if (fuzz.IsForm)
        {
            if (status is not (400 or 404 or 409))
            {
                return "a refused form should answer 400, 404 or 409";
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                return $"a refused form should answer with an HTML page, not {response.Content.Headers.ContentType}";
            }
            if (!body.Contains("<html lang=\"nl\"", StringComparison.Ordinal))
            {
                return "not the app's Dutch page";
            }
            if (body.Contains("Exception", StringComparison.Ordinal) || body.Contains("   at ", StringComparison.Ordinal))
            {
                return "the page shows an exception";
            }
            return null;
        }
        return ProblemTitles.Check(response, body);
    }

    static string? Accepted(FuzzCase fuzz, HttpResponseMessage response, int status, string body, RowCounts before, RowCounts after,
        int sampleAreaCount, List<int> live, List<int> deleted)
    {
        RowCounts expected;
        switch (fuzz.Op)
        {
            case Op.ApiCreate or Op.FormCreate:
                if (fuzz.Op == Op.ApiCreate && status != 201) return "a create should answer 201";
                expected = before.Plus(1, 1, 1);
                var created = fuzz.Op == Op.ApiCreate
                    ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32()
                    : int.Parse(response.Headers.Location!.OriginalString.Split('/', '#')[2], CultureInfo.InvariantCulture);
                live.Add(created);
                break;
            case Op.ApiUpdate or Op.ApiComment or Op.FormEdit or Op.FormComment:
                if (!fuzz.IsForm && status != 200) return "should answer 200";
                expected = before.Plus(0, 1, 1);
                break;
            case Op.ApiDelete or Op.FormDelete:
                if (!fuzz.IsForm && status != 204) return "a delete should answer 204";
                expected = before.Plus(0, 1, 1);
                var id = int.Parse(fuzz.Request.RequestUri!.AbsolutePath.Split('/')[fuzz.IsForm ? 2 : 3], NumberStyles.Integer, CultureInfo.InvariantCulture);
                live.Remove(id);
                deleted.Add(id);
                break;
            case Op.ImportGeoJson or Op.ImportCsv or Op.ImportMultipart:
                var rows = JsonDocument.Parse(body).RootElement.GetProperty("created").GetInt32();
                if (rows < 1) return "an import that stores nothing should be refused";
                expected = before.Plus(rows, rows, rows);
                break;
            case Op.AreaImport or Op.FormAreaImport:
                // Only the sample's areas can be accepted (the generator breaks codes, never changes them).
                expected = before with { Areas = sampleAreaCount };
                break;
            default:
                return "unknown operation";
        }
        return after == expected ? null : $"accepted, expected rows {expected}, found {after}";
    }

    static string Shorten(string s, int max) => s.Length <= max ? s : s[..max] + $"...({s.Length} chars)";
}
