using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Wijkbeeld.Tests.Robustness;

/// <summary>
/// The other fuzz test knows the item and area writes inside out; this one knows nothing and so reaches every write the
/// app has, today's and tomorrow's: every POST/PUT/PATCH/DELETE under /api read from the route table, and every form on
/// every page, each sent generated bad bodies (broken, deeply nested and oversized JSON, invalid UTF-8, wrong content types,
/// NaN and edge coordinates, markup and huge strings in every field a form has). Signed in as an administrator, so the
/// refusals are about the input, not the role. No answer may be a 5xx; a refusal changes no row in any table; an API
/// refusal is a problem with a Dutch title, a form refusal the app's Dutch page.
/// </summary>
[Collection(RobustnessCollection.Name)]
public sealed class EveryEndpointFuzzTests
{
    const int Seed = 20261205;
    const int MinimumRequests = 1000;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    // ASP.NET Core's English defaults: a refusal with one of these titles was not written for the people who read it.
    static readonly HashSet<string> EnglishTitles =
    [
        "Bad Request", "Unauthorized", "Forbidden", "Not Found", "Method Not Allowed", "Not Acceptable", "Conflict", "Gone",
        "Precondition Failed", "Unsupported Media Type", "Unprocessable Entity", "Too Many Requests", "Payload Too Large",
        "Request Entity Too Large", "Precondition Required", "An error occurred while processing your request.",
        "One or more validation errors occurred.",
    ];

    // Field names the API bodies of all features use, so that the generated bodies get past "unknown shape" now and then.
    static readonly string[] FieldNames =
    [
        "title", "description", "kind", "status", "themes", "latitude", "longitude", "visibility", "text", "name", "email",
        "role", "organisationId", "contact", "owner", "source", "code", "date", "startsAt", "endsAt", "areaCode", "answer",
        "answers", "value", "values", "question", "questions", "type", "features", "geometry", "coordinates", "reason",
        "frequency", "hours", "participants", "position", "now", "intended", "score", "message", "drivers", "itemId", "deadline",
    ];

    static readonly string[] RouteIds = ["1", "2", "3", "999999", "0", "-1", "2147483647"];
    static readonly string[] RouteStrings = ["GM0400", "WK040001", "BU04000101", "abc", "%3Cscript%3E", new('x', 300), "..%2F..%2Fetc"];

    [Fact]
    public async Task Every_write_endpoint_and_form_refuses_bad_input_cleanly()
    {
        var clock = Stopwatch.StartNew();
        var rng = new Random(Seed);
        using var app = new WijkbeeldApp();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await SignInAsAdministratorAsync(app, client);

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null).ToList();
        var apiWrites = endpoints
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(IsWrite).Select(m => (Method: m, e.RoutePattern)))
            .DistinctBy(w => $"{w.Method} {w.RoutePattern.RawText}")
            .ToList();
        var pages = endpoints
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern).DistinctBy(p => p.RawText).ToList();
        Assert.NotEmpty(apiWrites);

        var forms = new List<(string Page, string Action, List<KeyValuePair<string, string>> Fields)>();
        foreach (var page in pages)
        {
            var url = Fill(page, rng);
            var response = await client.GetAsync(url, Ct);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var html = await response.Content.ReadAsStringAsync(Ct);
            forms.AddRange(PostForms(html, url).Select(f => (url, f.Action, f.Fields)));
        }

        var failures = new List<string>();
        var tally = new SortedDictionary<string, int>();
        var sent = 0;
        var fingerprint = await FingerprintAsync(app);
        var perEndpoint = Math.Max(8, (MinimumRequests + apiWrites.Count + forms.Count - 1) / Math.Max(1, apiWrites.Count + forms.Count));

        async Task SendAsync(string label, HttpRequestMessage request, bool isForm)
        {
            sent++;
            var what = $"{label} [{request.Content?.Headers.ContentType?.MediaType ?? "no body"}]";
            HttpResponseMessage response;
            string body;
            try
            {
                response = await client.SendAsync(request, Ct);
                body = await response.Content.ReadAsStringAsync(Ct);
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{what}: no response ({e.Message})");
                return;
            }
            var status = (int)response.StatusCode;
            tally[$"{status}"] = tally.GetValueOrDefault($"{status}") + 1;
            var after = await FingerprintAsync(app);
            var accepted = isForm ? status is 302 or 303 or (>= 200 and < 300) : status is >= 200 and < 400;
            var verdict = status >= 500 ? "server error"
                : accepted ? null
                : after.Changed(fingerprint) is { } changed ? $"refused, but it changed {changed}"
                : isForm ? JudgeFormRefusal(response, body)
                : JudgeProblem(response, body);
            if (verdict is not null)
            {
                failures.Add($"{what} -> {status}: {verdict}\n    body: {Shorten(body, 300)}");
            }
            fingerprint = after;
            // Some accepted writes sign the fuzzer out or take its role away (sign-out, account deletion, role change).
            if (accepted && !await IsAdministratorAsync(client))
            {
                await SignInAsAdministratorAsync(app, client);
                fingerprint = await FingerprintAsync(app);
            }
        }

        foreach (var (method, pattern) in apiWrites)
        {
            for (var i = 0; i < perEndpoint; i++)
            {
                var url = Fill(pattern, rng) + (rng.Next(4) == 0 ? BadQuery(rng) : "");
                var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = BadBody(rng, i) };
                if (rng.Next(3) == 0) request.Headers.TryAddWithoutValidation("If-Match", Pick(rng, ["\"1\"", "\"0\"", "W/\"x\"", "*", "\"999999999999\"", "1"]));
                await SendAsync($"{method} {url}", request, isForm: false);
            }
        }
        foreach (var (page, action, fields) in forms)
        {
            for (var i = 0; i < perEndpoint; i++)
            {
                var (content, what) = BadForm(rng, fields, i);
                await SendAsync($"form {action} (on {page}) {what}", new HttpRequestMessage(HttpMethod.Post, action) { Content = content }, isForm: true);
                // A fresh antiforgery token for the next one: a refused post may have been the one that carried it.
                var refreshed = await client.GetAsync(page, Ct);
                if (refreshed.StatusCode == HttpStatusCode.OK)
                {
                    var token = PostForms(await refreshed.Content.ReadAsStringAsync(Ct), page).SelectMany(f => f.Fields)
                        .FirstOrDefault(f => f.Key == "__RequestVerificationToken").Value;
                    if (token is not null)
                    {
                        fields.RemoveAll(f => f.Key == "__RequestVerificationToken");
                        fields.Add(KeyValuePair.Create("__RequestVerificationToken", token));
                    }
                }
                // Some pages write when shown (the account page makes an authenticator key on first view).
                fingerprint = await FingerprintAsync(app);
            }
        }

        var summary = $"seed {Seed}: {sent} requests to {apiWrites.Count} API writes and {forms.Count} forms on {pages.Count} pages " +
                      $"in {clock.Elapsed.TotalSeconds:F1} s; statuses: {string.Join(", ", tally.Select(t => $"{t.Key}: {t.Value}"))}";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Assert.True(sent >= MinimumRequests, $"Only {sent} requests sent. {summary}");
        Assert.True(forms.Count > 0, "No form found on any page: the page crawl is broken.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests went wrong. {summary}\n\n{string.Join("\n", failures.Take(40))}");
    }

    static bool IsWrite(string method) => method is "POST" or "PUT" or "PATCH" or "DELETE";

    static T Pick<T>(Random rng, IReadOnlyList<T> values) => values[rng.Next(values.Count)];

    static string Shorten(string s, int max) => s.Length <= max ? s : s[..max] + $"...({s.Length} chars)";

    static async Task SignInAsAdministratorAsync(WijkbeeldApp app, HttpClient client) =>
        await client.SignInAsync(await app.CreateAccountAsync(Roles.Administrator));

    static async Task<bool> IsAdministratorAsync(HttpClient client)
    {
        var session = await client.GetAsync("/api/session", Ct);
        return session.StatusCode == HttpStatusCode.OK
            && (await session.Content.ReadAsStringAsync(Ct)).Contains(Roles.Administrator, StringComparison.Ordinal);
    }

    /// <summary>A URL for a route: ids that exist, ids that don't, and codes with markup or path tricks.</summary>
    static string Fill(RoutePattern pattern, Random rng)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => parameter.ParameterPolicies.Any(p => p.Content is "int" or "long")
                        ? Pick(rng, RouteIds)
                        : parameter.ParameterPolicies.Any(p => p.Content == "guid") ? Guid.NewGuid().ToString() : Pick(rng, RouteStrings),
                    _ => "",
                });
            }
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    static string BadQuery(Random rng) => Pick(rng,
    [
        "?bbox=NaN,NaN,NaN,NaN", "?bbox=-180,-90,180,90&zoom=99", "?id=%FF%FE", "?q=" + new string('a', 5000), "?page=-1&pageSize=1000000",
        "?latitude=1e309&longitude=-1e309", "?since=9999999999999999999999", "?kind=%3Cscript%3E&status=%00",
    ]);

    /// <summary>One generated bad body; <paramref name="i"/> walks through every kind so each endpoint meets them all.</summary>
    static HttpContent? BadBody(Random rng, int i)
    {
        static HttpContent Raw(byte[] bytes, string mediaType)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
            return content;
        }
        static HttpContent Text(string text, string mediaType) => Raw(Encoding.UTF8.GetBytes(text), mediaType);
        return (i % 12) switch
        {
            0 => Text("{\"title\": \"afgebroken", "application/json"),
            1 => Text(new string('[', 5000) + new string(']', 5000), "application/json"),
            2 => Raw([.. "{\"title\":\""u8, 0xC3, 0x28, 0xFF, 0xFE, .. "\",\"text\":\"\xED\xA0\x80\"}"u8], "application/json"),
            3 => Text(RandomObject(rng, depth: 0), "application/json"),
            4 => Text(RandomObject(rng, depth: 0), Pick(rng, ["text/plain", "application/xml", "image/png", "application/x-www-form-urlencoded"])),
            5 => null,
            6 => Text(Pick(rng, ["null", "[]", "42", "\"tekst\"", "true", "{}", "{\"\":null}"]), "application/json"),
            7 => Text(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["title"] = "Bankje bij de haven", ["kind"] = "kans", ["text"] = "x",
                ["latitude"] = Pick(rng, [90.0000001, -90.5, 1e308, -0.0]), ["longitude"] = Pick(rng, [180.0000001, -181.0, 1e308, -0.0]),
            }), "application/json"),
            8 => Text("{\"latitude\":NaN,\"longitude\":Infinity,\"title\":\"x\"}", "application/json"),
            9 => Text("{\"title\":\"" + new string('a', 3_000_000) + "\"}", "application/json"),
            10 => Text(string.Join('&', FieldNames.Select(f => $"{f}={Uri.EscapeDataString(RandomString(rng))}")), "application/x-www-form-urlencoded"),
            _ => Multipart(rng),
        };
    }

    static HttpContent Multipart(Random rng)
    {
        var content = new MultipartFormDataContent();
        content.Add(new StringContent(RandomString(rng)), Pick(rng, FieldNames));
        var file = new ByteArrayContent(RandomNumberGenerator.GetBytes(rng.Next(1, 4096)));
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(Pick(rng, ["image/jpeg", "text/csv", "application/geo+json", "application/octet-stream"]));
        content.Add(file, Pick(rng, ["file", "photo", "upload", "bestand"]), Pick(rng, ["foto.jpg", "cijfers.csv", "gebieden.geojson", "../../x"]));
        return content;
    }

    static string RandomObject(Random rng, int depth)
    {
        var fields = Enumerable.Range(0, rng.Next(1, 8)).Select(_ => Pick(rng, FieldNames)).Distinct()
            .Select(name => $"\"{name}\":{RandomValue(rng, depth)}");
        return "{" + string.Join(',', fields) + "}";
    }

    static string RandomValue(Random rng, int depth) => rng.Next(depth < 3 ? 13 : 11) switch
    {
        0 => "null",
        1 => JsonSerializer.Serialize(RandomString(rng)),
        2 => Pick(rng, ["-1", "0", "2147483648", "-9223372036854775809", "1e400", "0.000000001", "90", "-180", "180.0001"]),
        3 => Pick(rng, ["true", "false"]),
        4 => "\"" + new string('ä', rng.Next(200, 20000)) + "\"",
        5 => "\"<script>alert(1)</script><img src=x onerror=alert(1)>\"",
        6 => Pick(rng, ["\"2026-02-30\"", "\"0001-01-01T00:00:00\"", "\"9999-12-31T23:59:59Z\"", "\"morgen\"", "\"\""]),
        7 => "\"   \"",
        8 => Pick(rng, ["\"openbaar\"", "\"partners\"", "\"organisatie\"", "\"kans\"", "\"beheerder\"", "\"lezer\"", "\"gepland\"", "\"ochtend\""]),
        9 => "[" + string.Join(',', Enumerable.Range(0, rng.Next(0, 5)).Select(_ => JsonSerializer.Serialize(RandomString(rng)))) + "]",
        10 => "\"\\u0000\\ud800 \\u202e omgekeerd\"",
        11 => RandomObject(rng, depth + 1),
        _ => "[" + RandomObject(rng, depth + 1) + "]",
    };

    static string RandomString(Random rng) => rng.Next(8) switch
    {
        0 => "",
        1 => new string('x', rng.Next(1000, 70000)),
        2 => "<b onmouseover=alert(1)>vet</b>",
        3 => "'; DROP TABLE \"Items\"; --",
        4 => "\u0000\u0001\u001f",
        5 => "NaN",
        6 => "☃ \U0001F600 \u202e",
        _ => "Een gewone zin van een bewoner.",
    };

    /// <summary>The page's own form with its fields broken in one of several ways (or without its antiforgery token).</summary>
    static (HttpContent Content, string What) BadForm(Random rng, List<KeyValuePair<string, string>> fields, int i)
    {
        var values = fields.ToList();
        string what;
        switch (i % 6)
        {
            case 0:
                values.RemoveAll(f => f.Key == "__RequestVerificationToken");
                what = "without its antiforgery token";
                break;
            case 1:
                values = values.Select(f => f.Key == "__RequestVerificationToken" ? f : KeyValuePair.Create(f.Key, RandomString(rng))).ToList();
                what = "every field a random string";
                break;
            case 2:
                values = values.Where(f => f.Key == "__RequestVerificationToken").ToList();
                what = "only the token";
                break;
            case 3:
                values = values.Select(f => f.Key == "__RequestVerificationToken" ? f
                    : KeyValuePair.Create(f.Key, Pick(rng, ["NaN", "-1", "1e309", "99999999999999999999", "2026-13-45", "180.5", "-90.5", ""]))).ToList();
                what = "numbers, dates and coordinates out of range";
                break;
            case 4:
                values.AddRange(FieldNames.Select(f => KeyValuePair.Create(f, RandomString(rng))));
                values.Add(KeyValuePair.Create("a[", "b"));
                values.Add(KeyValuePair.Create("Input.Id", "-5"));
                what = "extra and odd field names";
                break;
            default:
                values = values.Select(f => f.Key == "__RequestVerificationToken" ? f : KeyValuePair.Create(f.Key, f.Value + new string('y', 100_000))).ToList();
                what = "every field 100,000 characters longer";
                break;
        }
        return (new FormUrlEncodedContent(values), what);
    }

    static IEnumerable<(string Action, List<KeyValuePair<string, string>> Fields)> PostForms(string html, string pageUrl)
    {
        foreach (var chunk in html.Split("<form", StringSplitOptions.None).Skip(1))
        {
            var end = chunk.IndexOf("</form>", StringComparison.Ordinal);
            var formHtml = "<form" + (end < 0 ? chunk : chunk[..end]) + "</form>";
            HtmlForm form;
            try
            {
                form = HtmlForm.Parse(formHtml, pageUrl);
            }
            catch (Xunit.Sdk.XunitException)
            {
                continue; // not a POST form, or the header's sign-out button
            }
            // The action as the browser resolves it: relative to the page, with its query string.
            var action = form.Action.StartsWith('/') ? form.Action : pageUrl.Split('?')[0].TrimEnd('/') + "/" + form.Action;
            var fields = form.Fields.ToList();
            yield return (System.Net.WebUtility.HtmlDecode(action), fields);
        }
    }

    static string? JudgeFormRefusal(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status == 200)
        {
            return null; // the page again, with its error messages; nothing was stored (checked above)
        }
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            return body.Contains("<html lang=\"nl\"", StringComparison.Ordinal) && !body.Contains("   at ", StringComparison.Ordinal)
                ? null : "not the app's Dutch page, or it shows an exception";
        }
        return JudgeProblem(response, body);
    }

    static string? JudgeProblem(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (ProblemTitles.For(status).Count > 0)
        {
            return ProblemTitles.Check(response, body);
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"content type {response.Content.Headers.ContentType?.MediaType ?? "(none)"}, not application/problem+json";
        }
        try
        {
            var title = JsonDocument.Parse(body).RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
            return string.IsNullOrWhiteSpace(title) ? "a problem without a title"
                : EnglishTitles.Contains(title) ? $"the English default title '{title}'"
                : null;
        }
        catch (JsonException e)
        {
            return "problem body is not JSON: " + e.Message;
        }
    }

    /// <summary>A hash of every row of every table of the model, per table: what a refused request must leave as it was.</summary>
    static Task<Fingerprint> FingerprintAsync(WijkbeeldApp app) => app.WithDbAsync(async db =>
    {
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order().ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        var hashes = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(Ct);
            hashes[table] = await HashRowsAsync(reader);
        }
        return new Fingerprint(hashes);
    });

    static async Task<string> HashRowsAsync(DbDataReader reader)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(string.Join('\u001f', values.Select(v => v is byte[] b ? Convert.ToHexString(b) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
        }
        // Row order is not fixed without ORDER BY; the set of rows is what counts.
        foreach (var row in rows.Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(row + "\u001e"));
        }
        return $"{rows.Count}:{Convert.ToHexString(hash.GetHashAndReset())[..16]}";
    }

    sealed record Fingerprint(Dictionary<string, string> Tables)
    {
        public string? Changed(Fingerprint before)
        {
            var changed = Tables.Where(t => before.Tables.GetValueOrDefault(t.Key) != t.Value)
                .Select(t => $"{t.Key} ({before.Tables.GetValueOrDefault(t.Key)} -> {t.Value})").ToList();
            return changed.Count == 0 ? null : string.Join(", ", changed);
        }
    }
}
