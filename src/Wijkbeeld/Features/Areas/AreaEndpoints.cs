using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Caching;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Areas;

public sealed record AreaNode(string Code, string Name, string Level, string? ParentCode, bool IsSample,
    double[] Bbox, IReadOnlyList<AreaNode> Children);

public sealed record AreaDetails(string Code, string Name, string Level, string? ParentCode, bool IsSample,
    double[] Bbox, JsonNode Geometry);

public static class AreaEndpoints
{
    public const long MaxImportBytes = 200 * 1024 * 1024;

    public static IEndpointRouteBuilder MapAreaEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/areas").WithTags("Areas");
        api.MapGet("/", Hierarchy).WithSummary("Gemeenten met hun wijken en buurten").CacheOutput(ReadCache.Areas);
        api.MapGet("/{code}", GetArea).WithSummary("Eén gebied met zijn grens (GeoJSON)").CacheOutput(ReadCache.Areas);
        api.MapGet("/boundaries.geojson", Boundaries).WithSummary("Grenzen van wijken en buurten als GeoJSON");
        api.MapPost("/import", Import).WithSummary("CBS/PDOK wijken-en-buurten GeoJSON importeren (vervangt de gebieden)")
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes)).DisableAntiforgery()
            .RequireAuthorization(Accounts.Policies.Moderator);
        return routes;
    }

    public static async Task<Ok<IReadOnlyList<AreaNode>>> Hierarchy(AreaIndex index, CancellationToken ct)
    {
        var map = await index.GetAsync(ct);
        var byParent = map.All.Where(a => a.ParentCode is not null).ToLookup(a => a.ParentCode!);
        AreaNode Node(AreaInfo a) => new(a.Code, a.Name, LevelCode(a.Level), a.ParentCode, a.IsSample, Bbox(a),
            byParent[a.Code].OrderBy(c => c.Code).Select(Node).ToList());
        IReadOnlyList<AreaNode> roots = map.All.Where(a => a.Level == AreaLevel.Municipality).OrderBy(a => a.Code).Select(Node).ToList();
        return TypedResults.Ok(roots);
    }

    public static async Task<Results<Ok<AreaDetails>, ProblemHttpResult>> GetArea(
        string code, WijkbeeldDb db, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var area = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == normalized, ct);
        if (area is null)
        {
            return Problems.NotFound(text, text["Error.AreaUnknown", code]);
        }
        return TypedResults.Ok(new AreaDetails(area.Code, area.Name, LevelCode(area.Level), area.ParentCode, area.IsSample,
            [area.MinLongitude, area.MinLatitude, area.MaxLongitude, area.MaxLatitude], JsonNode.Parse(area.Geometry)!));
    }

    /// <summary>Wijk and buurt polygons for the map, cached by the browser until the next import.</summary>
    public static async Task Boundaries(WijkbeeldDb db, HttpContext http, CancellationToken ct)
    {
        var areas = await db.Areas.AsNoTracking().Where(a => a.Level != AreaLevel.Municipality)
            .OrderBy(a => a.Code).ToListAsync(ct);
        var stamp = areas.Count == 0 ? "0" : areas.Max(a => a.ImportedAt).Ticks.ToString();
        var etag = $"\"{stamp}-{areas.Count}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "no-cache";
        if (http.Request.Headers.IfNoneMatch == etag)
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        http.Response.ContentType = "application/geo+json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.Body);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var a in areas)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", a.Code);
            json.WritePropertyName("geometry");
            json.WriteRawValue(a.Geometry, skipInputValidation: true);
            json.WriteStartObject("properties");
            json.WriteString("code", a.Code);
            json.WriteString("name", a.Name);
            json.WriteString("level", LevelCode(a.Level));
            json.WriteString("parentCode", a.ParentCode);
            json.WriteStartArray("label");
            json.WriteNumberValue(a.LabelLongitude);
            json.WriteNumberValue(a.LabelLatitude);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    public static async Task<IResult> Import(HttpRequest request, AreaImport import, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        Stream body = request.Body;
        if (request.HasFormContentType)
        {
            if (await request.ReadFormOrNullAsync(ct) is not { } form)
            {
                return Problems.Status(text, StatusCodes.Status400BadRequest, text["Problem.Detail.400"]);
            }
            if (form.Files.FirstOrDefault() is not { } file)
            {
                return Problems.Status(text, StatusCodes.Status400BadRequest, text["Import.NoFile"]);
            }
            body = file.OpenReadStream();
        }
        else if (request.ContentType?.Split(';')[0].Trim() is not ("application/geo+json" or "application/json"))
        {
            return Problems.Status(text, StatusCodes.Status415UnsupportedMediaType, text["AreaImport.WrongType"]);
        }
        try
        {
            return TypedResults.Ok(await import.ImportAsync(body, isSample: false, ct));
        }
        catch (AreaImportException e)
        {
            return Problems.Status(text, StatusCodes.Status400BadRequest, text["AreaImport.Failed"],
                new Dictionary<string, object?> { ["problems"] = e.Problems });
        }
    }

    public static string LevelCode(AreaLevel level) => level switch
    {
        AreaLevel.Municipality => "gemeente",
        AreaLevel.District => "wijk",
        _ => "buurt",
    };

    static double[] Bbox(AreaInfo a) => [a.Bounds.MinX, a.Bounds.MinY, a.Bounds.MaxX, a.Bounds.MaxY];
}
