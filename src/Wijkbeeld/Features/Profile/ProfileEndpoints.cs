using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Infrastructure.Caching;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Profile;

public sealed record ImportStatus(Guid Id, string FileName, string State, int Percent, int Done, int Total,
    IndicatorImportReport? Report, string? Error)
{
    public static ImportStatus From(ImportProgress p) => new(p.Id, p.FileName, p.State switch
    {
        ImportState.Done => "klaar", ImportState.Failed => "mislukt", _ => "bezig",
    }, p.Percent, p.Done, p.Total, p.Report, p.Error);
}

public sealed record IndicatorEdit(string? Label, string? Unit, bool? HigherIsBetter, string? Source, string? Description);

public static partial class ProfileEndpoints
{
    public static IEndpointRouteBuilder MapProfileEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Wijkprofiel");
        api.MapGet("/indicators", List).WithSummary("Alle indicatoren (CBS-kerncijfers en eigen) met hun jaren").CacheOutput(ReadCache.Indicators);
        api.MapGet("/indicators/{key}", Get).WithSummary("Eén indicator (met ETag om te wijzigen)");
        api.MapGet("/areas/{code}/indicators", AreaFigures).WithSummary("Cijfers van een wijk of buurt naast gemeente en Nederland")
            .CacheOutput(ReadCache.Indicators);
        api.MapGet("/areas/{code}/indicators.csv", AreaCsv).WithSummary("Cijfers van een wijk of buurt als CSV (alle jaren)")
            .CacheOutput(ReadCache.Indicators);
        api.MapGet("/indicators/{key}/values", Values).WithSummary("Waarden per gebied met klassen voor de kaart")
            .CacheOutput(ReadCache.Indicators);
        api.MapGet("/indicators/{key}/values.geojson", ValuesGeoJson).WithSummary("Waarden per gebied met klassen, als GeoJSON met grenzen")
            .CacheOutput(ReadCache.Indicators);

        // Imports and edits of indicators: coordinators and administrators.
        var admin = routes.MapGroup("/api/indicators").WithTags("Wijkprofiel beheer").DisableAntiforgery()
            .RequireAuthorization(Accounts.Policies.Moderator);
        admin.MapPost("/import/cbs", ImportCbs).WithSummary("CBS Kerncijfers wijken en buurten inlezen (CSV of OData JSON), op de achtergrond");
        admin.MapPost("/import/cbs/fetch", FetchCbs).WithSummary("Een CBS-tabel ophalen bij de OData-dienst van CBS en inlezen");
        admin.MapPost("/import/own", ImportOwn).WithSummary("Eigen indicatoren inlezen (CSV: gebiedscode;indicator;jaar;waarde;eenheid;bron)");
        admin.MapGet("/imports/{id:guid}", ImportStatusOf).WithSummary("Voortgang en verslag van een import");
        admin.MapPut("/{key}", Edit).WithSummary("Naam, eenheid, richting en bron van een indicator wijzigen (If-Match)");
        return routes;
    }

    public static async Task<Ok<IReadOnlyList<IndicatorSummary>>> List(IndicatorReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ListAsync(ct));

    public static async Task<Results<Ok<IndicatorSummary>, ProblemHttpResult>> Get(
        string key, IndicatorReader reader, HttpContext http, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (await reader.FindAsync(key, ct) is not { } indicator)
        {
            return Problems.NotFound(text, text["Profile.Error.UnknownIndicator", key]);
        }
        http.Response.Headers.ETag = ETag(indicator.Version);
        return TypedResults.Ok(indicator);
    }

    static string ETag(int version) => $"\"{version}\"";

    static bool TryYear(string? raw, out int? year)
    {
        year = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return true;
        }
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= IndicatorFiles.MinYear and <= 2100)
        {
            year = y;
            return true;
        }
        return false;
    }

    public static async Task<Results<Ok<AreaFigures>, ProblemHttpResult, ValidationProblem>> AreaFigures(
        string code, string? year, IndicatorReader reader, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (!TryYear(year, out var y))
        {
            return Problems.Validation(text, new Dictionary<string, string[]> { ["year"] = [text["Profile.Error.Year"]] });
        }
        return await reader.AreaAsync(code, y, ct) is { } figures
            ? TypedResults.Ok(figures)
            : Problems.NotFound(text, text["Error.AreaUnknown", code]);
    }

    public static async Task<IResult> AreaCsv(string code, IndicatorReader reader, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (await reader.AreaAsync(code, null, ct) is not { } figures)
        {
            return Problems.NotFound(text, text["Error.AreaUnknown", code]);
        }
        return Results.Text(ProfileCsv.Write(figures), "text/csv; charset=utf-8", Encoding.UTF8);
    }

    static string? Municipality(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();

    static bool TryChoroplethQuery(string? year, string? level, string? method, IStringLocalizer text,
        out int? y, out AreaLevel l, out ClassMethod m, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (!TryYear(year, out y))
        {
            errors["year"] = [text["Profile.Error.Year"]];
        }
        if (!IndicatorReader.TryParseLevel(level, out l))
        {
            errors["level"] = [text["Profile.Error.Level"]];
        }
        if (!IndicatorReader.TryParseMethod(method, out m))
        {
            errors["method"] = [text["Profile.Error.Method"]];
        }
        return errors.Count == 0;
    }

    public static async Task<Results<Ok<ChoroplethData>, ProblemHttpResult, ValidationProblem>> Values(
        string key, string? year, string? level, string? method, string? municipality, IndicatorReader reader, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (!TryChoroplethQuery(year, level, method, text, out var y, out var l, out var m, out var errors))
        {
            return Problems.Validation(text, errors);
        }
        return await reader.ValuesAsync(key, y, l, m, ct, Municipality(municipality)) is { } data
            ? TypedResults.Ok(data)
            : Problems.NotFound(text, text["Profile.Error.UnknownIndicator", key]);
    }

    public static async Task<IResult> ValuesGeoJson(string key, string? year, string? level, string? method, string? municipality,
        IndicatorReader reader, WijkbeeldDb db, HttpContext http, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (!TryChoroplethQuery(year, level, method, text, out var y, out var l, out var m, out var errors))
        {
            return Problems.Validation(text, errors);
        }
        if (await reader.ValuesAsync(key, y, l, m, ct, Municipality(municipality)) is not { } data)
        {
            return Problems.NotFound(text, text["Profile.Error.UnknownIndicator", key]);
        }
        var codes = data.Areas.Select(a => a.Code).ToList();
        var geometries = await db.Areas.AsNoTracking().Where(a => a.Level == l && codes.Contains(a.Code))
            .ToDictionaryAsync(a => a.Code, a => a.Geometry, ct);
        var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteString("indicator", data.Indicator.Key);
            json.WriteString("label", data.Indicator.Label);
            json.WriteString("unit", data.Indicator.Unit);
            if (data.Year is { } shown) json.WriteNumber("year", shown); else json.WriteNull("year");
            json.WriteString("level", data.Level);
            json.WriteString("method", data.Method);
            json.WritePropertyName("breaks");
            JsonSerializer.Serialize(json, data.Breaks);
            json.WritePropertyName("colors");
            JsonSerializer.Serialize(json, data.Colors);
            json.WriteStartArray("features");
            foreach (var a in data.Areas)
            {
                if (!geometries.TryGetValue(a.Code, out var geometry))
                {
                    continue;
                }
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteString("id", a.Code);
                json.WritePropertyName("geometry");
                json.WriteRawValue(geometry, skipInputValidation: true);
                json.WriteStartObject("properties");
                json.WriteString("code", a.Code);
                json.WriteString("name", a.Name);
                if (a.Value is { } v) json.WriteNumber("value", v); else json.WriteNull("value");
                json.WriteString("display", a.Value is { } d ? IndicatorReader.Format(d, data.Indicator.Decimals) : text["Profile.NoData"]);
                if (a.Class is { } c) json.WriteNumber("class", c); else json.WriteNull("class");
                json.WriteString("color", a.Color);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Results.Bytes(buffer.ToArray(), "application/geo+json; charset=utf-8");
    }

    // ---- imports (coordinators) ----

    sealed record Upload(Stream Data, string FileName, Stream? DataProperties) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Data.DisposeAsync();
            if (DataProperties is not null) await DataProperties.DisposeAsync();
        }
    }

    /// <summary>
    /// The uploaded file: a form (fields file and, for CBS JSON, dataProperties) or the body itself (JSON or CSV).
    /// Checks the size before reading anything.
    /// </summary>
    static async Task<(Upload?, IResult?)> ReadUploadAsync(HttpRequest request, long maxBytes, IStringLocalizer text, bool allowJson, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(text, maxBytes));
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
        if (request.HasFormContentType)
        {
            if (await request.ReadFormOrNullAsync(ct) is not { } form)
            {
                return (null, Problems.Status(text, StatusCodes.Status400BadRequest, text["Problem.Detail.400"]));
            }
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault(f => f.Name != "dataProperties");
            if (file is null || file.Length == 0)
            {
                return (null, Problems.Status(text, StatusCodes.Status400BadRequest, text["Import.NoFile"]));
            }
            var properties = form.Files.GetFile("dataProperties");
            return (new Upload(file.OpenReadStream(), file.FileName, properties is { Length: > 0 } ? properties.OpenReadStream() : null), null);
        }
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is not ("text/csv" or "text/plain" or "application/csv") && !(allowJson && type is "application/json"))
        {
            return (null, Problems.Status(text, StatusCodes.Status415UnsupportedMediaType, text[allowJson ? "Profile.Import.WrongType" : "Profile.Import.WrongTypeCsv"]));
        }
        // Buffered (in memory, on disk above 1 MB) so the reader can look at the start and read without blocking.
        request.EnableBuffering(1024 * 1024, maxBytes);
        await request.Body.DrainAsync(ct);
        request.Body.Position = 0;
        return (new Upload(request.Body, request.Query["fileName"].FirstOrDefault() ?? "upload", null), null);
    }

    static ProblemHttpResult TooLarge(IStringLocalizer text, long maxBytes) =>
        Problems.Status(text, StatusCodes.Status413PayloadTooLarge, text["Profile.Import.TooLarge", maxBytes / (1024 * 1024)]);

    static ProblemHttpResult ImportFailed(IStringLocalizer text, IndicatorImportException e) =>
        Problems.Status(text, StatusCodes.Status400BadRequest, text["Profile.Import.Failed"] + " " + string.Join(" ", e.Problems),
            new Dictionary<string, object?> { ["reasons"] = e.Problems });

    public static async Task<IResult> ImportCbs(HttpRequest request, string? year, IndicatorImport import, IOptions<ProfileOptions> options,
        IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (!TryYear(year, out var y))
        {
            return Problems.Validation(text, new Dictionary<string, string[]> { ["year"] = [text["Profile.Error.Year"]] });
        }
        var (upload, problem) = await ReadUploadAsync(request, options.Value.MaxImportBytes, text, allowJson: true, ct);
        if (upload is null)
        {
            return problem!;
        }
        await using var _ = upload;
        try
        {
            var parsed = await import.ReadCbsAsync(upload.Data, upload.FileName, y, upload.DataProperties, ct);
            var job = import.Start(parsed, upload.FileName);
            return TypedResults.Accepted($"/api/indicators/imports/{job.Id}", ImportStatus.From(job));
        }
        catch (IndicatorImportException e)
        {
            return ImportFailed(text, e);
        }
    }

    public static async Task<IResult> ImportOwn(HttpRequest request, IndicatorImport import, IOptions<ProfileOptions> options,
        IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (upload, problem) = await ReadUploadAsync(request, options.Value.MaxImportBytes, text, allowJson: false, ct);
        if (upload is null)
        {
            return problem!;
        }
        await using var _ = upload;
        try
        {
            var parsed = await import.ReadOwnAsync(upload.Data, ct);
            var job = import.Start(parsed, upload.FileName);
            return TypedResults.Accepted($"/api/indicators/imports/{job.Id}", ImportStatus.From(job));
        }
        catch (IndicatorImportException e)
        {
            return ImportFailed(text, e);
        }
    }

    [GeneratedRegex(@"^\d{5}[A-Z]{3}$")] private static partial Regex TableIdPattern();
    [GeneratedRegex(@"^GM\d{4}$")] private static partial Regex MunicipalityPattern();

    /// <summary>Fetches a table's rows for one gemeente (plus Nederland) and its DataProperties from the CBS OData API.</summary>
    public static async Task<IResult> FetchCbs(string? table, string? municipality, string? year, IndicatorImport import,
        IHttpClientFactory http, IOptions<ProfileOptions> options, AreaIndex areas, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var tableId = table?.Trim().ToUpperInvariant() ?? "";
        if (!TableIdPattern().IsMatch(tableId))
        {
            errors["table"] = [text["Profile.Error.Table"]];
        }
        var gm = municipality?.Trim().ToUpperInvariant()
            ?? (await areas.GetAsync(ct)).All.FirstOrDefault(a => a.Level == AreaLevel.Municipality)?.Code ?? "";
        if (!MunicipalityPattern().IsMatch(gm))
        {
            errors["municipality"] = [text["Profile.Error.Municipality"]];
        }
        if (!TryYear(year, out var y))
        {
            errors["year"] = [text["Profile.Error.Year"]];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(text, errors);
        }
        var number = gm[2..];
        var filter = $"startswith(WijkenEnBuurten,'GM{number}') or startswith(WijkenEnBuurten,'WK{number}') or startswith(WijkenEnBuurten,'BU{number}') or startswith(WijkenEnBuurten,'NL00')";
        var baseUrl = options.Value.CbsODataUrl.TrimEnd('/') + "/" + tableId;
        var client = http.CreateClient("cbs");
        try
        {
            var data = await client.GetByteArrayAsync($"{baseUrl}/TypedDataSet?$format=json&$filter={Uri.EscapeDataString(filter)}", ct);
            var properties = await client.GetByteArrayAsync($"{baseUrl}/DataProperties?$format=json", ct);
            var parsed = await import.ReadCbsAsync(new MemoryStream(data), tableId, y, new MemoryStream(properties), ct);
            var job = import.Start(parsed, $"{tableId} (CBS)");
            return TypedResults.Accepted($"/api/indicators/imports/{job.Id}", ImportStatus.From(job));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return Problems.Status(text, StatusCodes.Status502BadGateway, text["Profile.Import.CbsUnreachable", baseUrl]);
        }
        catch (IndicatorImportException e)
        {
            return ImportFailed(text, e);
        }
    }

    public static Results<Ok<ImportStatus>, ProblemHttpResult> ImportStatusOf(Guid id, ImportJobs jobs, IStringLocalizer<Texts> text) =>
        jobs.Find(id) is { } job ? TypedResults.Ok(ImportStatus.From(job)) : Problems.NotFound(text, text["Profile.Import.UnknownJob"]);

    public static async Task<IResult> Edit(string key, IndicatorEdit? edit, HttpRequest request, IndicatorEditor editor,
        IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var ifMatch = request.Headers.IfMatch.ToString().Trim();
        if (ifMatch.Length == 0)
        {
            return Problems.Status(text, StatusCodes.Status428PreconditionRequired, text["Problem.Detail.428"]);
        }
        if (!int.TryParse(ifMatch.Trim('"').Replace("W/", "", StringComparison.Ordinal).Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return Problems.Status(text, StatusCodes.Status412PreconditionFailed, text["Profile.Error.BadETag"]);
        }
        if (edit is null)
        {
            return Problems.Status(text, StatusCodes.Status400BadRequest, text["Problem.Detail.400"]);
        }
        var result = await editor.EditAsync(key, edit, version, ct);
        return result switch
        {
            { Errors.Count: > 0 } => Problems.Validation(text, result.Errors),
            { NotFound: true } => Problems.NotFound(text, text["Profile.Error.UnknownIndicator", key]),
            { Conflict: true } => Problems.Status(text, StatusCodes.Status409Conflict, text["Problem.Detail.409"],
                new Dictionary<string, object?> { ["current"] = result.Indicator }),
            _ => WithETag(result.Indicator!),
        };
    }

    static IResult WithETag(IndicatorSummary indicator) => new ETagged(indicator);

    sealed class ETagged(IndicatorSummary indicator) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.ETag = ETag(indicator.Version);
            return TypedResults.Ok(indicator).ExecuteAsync(http);
        }
    }
}
