using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Map;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Items;

/// <summary>GeoJSON (RFC 7946) and CSV of the same filtered set as <c>GET /api/items</c>.</summary>
public static class ItemExport
{
    public const int MaxFeatures = 10_000;
    public const int SummaryLength = 160;

    public static readonly string[] CsvColumns =
    [
        "id", "kind", "title", "description", "latitude", "longitude", "neighbourhoodCode", "neighbourhood",
        "districtCode", "themes", "status", "ownerOrganisation", "contact", "visibility", "source", "createdAt", "updatedAt", "stale",
    ];

    /// <summary>
    /// The filtered items as points; with <c>zoom</c> and <c>bbox</c> (the map view) and more than
    /// <see cref="MapOptions.ClusterThreshold"/> items in view, clusters instead, so a browser never gets more than a few thousand features.
    /// </summary>
    public static async Task<IResult> GeoJson([AsParameters] ItemQuery query, [FromQuery(Name = "zoom")] string? zoom,
        AreaIndex areaIndex, ThemeCodes themeCodes, ClusterIndex clusters, IOptions<MapOptions> mapOptions, IStringLocalizer<Texts> text,
        HttpContext http, CancellationToken ct)
    {
        var (filter, errors) = await ItemReader.ParseAsync(query, areaIndex, themeCodes, text, ct, defaultPageSize: MaxFeatures, maxPageSize: MaxFeatures);
        int? zoomLevel = null;
        if (!string.IsNullOrWhiteSpace(zoom))
        {
            if (int.TryParse(zoom, NumberStyles.None, CultureInfo.InvariantCulture, out var z) && z <= 22) zoomLevel = z;
            else errors["zoom"] = [text["Error.NumberRange", 0, 22]];
        }
        if (filter is null || errors.Count > 0)
        {
            return Problems.Validation(text, errors);
        }
        // Only when the database is asked: cluster answers from the index need no DbContext.
        var reader = new Lazy<ItemReader>(() => http.RequestServices.GetRequiredService<ItemReader>());
        http.Response.ContentType = "application/geo+json; charset=utf-8";
        // Built in one pooled buffer and sent in one write (see PooledBufferWriter).
        using var body = new PooledBufferWriter();
        await using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        if (zoomLevel is { } level && filter.Bbox is not null)
        {
            // Counted for the person asking, as the database filter would: public, partners, own organisation.
            var audience = ItemAudience.Of(http.RequestServices.GetRequiredService<Accounts.Viewer>());
            // From memory; text search (q) still counts in the database.
            var indexed = await clusters.QueryAsync(filter, level, audience, ct);
            var total = indexed?.Total ?? await reader.Value.CountAsync(filter, ct);
            if (total > mapOptions.Value.ClusterThreshold)
            {
                if (indexed is not null && http.Features.Get<IOutputCacheFeature>() is { } outputCache)
                {
                    // Counted in memory in microseconds: storing every panned view would cost more than counting it
                    // again, and would fill the cache (and the server's memory) with views nobody asks for twice.
                    outputCache.Context.AllowCacheStorage = false;
                }
                var cells = indexed?.Clusters ?? await reader.Value.ClustersAsync(filter, ClusterIndex.CellDegrees(level), ct);
                await WriteClustersAsync(json, body, http.Response, total, cells, ct);
                return Results.Empty;
            }
        }
        var page = await reader.Value.PageAsync(filter, ct);
        json.WriteNumber("totalMatched", page.Total);
        json.WriteStartArray("features");
        foreach (var item in page.Items)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteNumber("id", item.Id);
            WritePoint(json, item.Longitude, item.Latitude);
            json.WriteStartObject("properties");
            json.WriteNumber("id", item.Id);
            json.WriteString("kind", item.Kind);
            json.WriteString("title", item.Title);
            json.WriteString("summary", Summary(item.Description));
            json.WriteString("status", item.Status);
            json.WriteString("neighbourhood", item.Neighbourhood?.Name);
            json.WriteString("neighbourhoodCode", item.Neighbourhood?.Code);
            json.WriteStartArray("themes");
            item.Themes.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteString("visibility", item.Visibility);
            json.WriteString("updatedAt", item.UpdatedAt);
            json.WriteBoolean("stale", item.IsStale);
            json.WriteString("url", $"/items/{item.Id}");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        await http.Response.Body.WriteAsync(body.WrittenMemory, ct);
        return Results.Empty;
    }

    /// <summary>An RFC 7946 Point geometry, [lon, lat] to about 10 cm.</summary>
    static void WritePoint(Utf8JsonWriter json, double longitude, double latitude)
    {
        json.WriteStartObject("geometry");
        json.WriteString("type", "Point");
        json.WriteStartArray("coordinates");
        json.WriteNumberValue(Math.Round(longitude, 6));
        json.WriteNumberValue(Math.Round(latitude, 6));
        json.WriteEndArray();
        json.WriteEndObject();
    }

    static async Task WriteClustersAsync(Utf8JsonWriter json, PooledBufferWriter body, HttpResponse response, int total, IReadOnlyList<ItemCluster> clusters, CancellationToken ct)
    {
        json.WriteNumber("totalMatched", total);
        json.WriteBoolean("clustered", true);
        json.WriteStartArray("features");
        foreach (var cluster in clusters)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            WritePoint(json, cluster.Longitude, cluster.Latitude);
            json.WriteStartObject("properties");
            json.WriteBoolean("cluster", true);
            json.WriteNumber("count", cluster.Count);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        await response.Body.WriteAsync(body.WrittenMemory, ct);
    }

    public static async Task<IResult> Csv([AsParameters] ItemQuery query, ItemReader reader, IStringLocalizer<Texts> text,
        HttpContext http, CancellationToken ct)
    {
        var (filter, errors) = await reader.ParseAsync(query, ct, defaultPageSize: MaxFeatures, maxPageSize: MaxFeatures);
        if (filter is null)
        {
            return Problems.Validation(text, errors);
        }
        var page = await reader.PageAsync(filter, ct);
        // A public download never holds contact details (they may name a person); partners see them.
        var withContact = http.RequestServices.GetRequiredService<Accounts.Viewer>().IsSignedIn;
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"wijkbeeld-items.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), leaveOpen: true);
        // Escape leading =, +, - and @ so a spreadsheet never runs a cell as a formula.
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        foreach (var column in CsvColumns)
        {
            csv.WriteField(column);
        }
        await csv.NextRecordAsync();
        foreach (var i in page.Items)
        {
            object?[] row =
            [
                i.Id, i.Kind, i.Title, i.Description, i.Latitude, i.Longitude, i.Neighbourhood?.Code, i.Neighbourhood?.Name,
                i.District?.Code, string.Join(';', i.Themes), i.Status, i.OwnerOrganisation, withContact ? i.Contact : null, i.Visibility, i.Source,
                i.CreatedAt.ToString("O"), i.UpdatedAt.ToString("O"), i.IsStale ? "ja" : "nee",
            ];
            foreach (var field in row)
            {
                csv.WriteField(field);
            }
            await csv.NextRecordAsync();
        }
        return Results.Empty;
    }

    public static string Summary(string description)
    {
        var firstLines = string.Join(' ', description.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(3));
        return firstLines.Length <= SummaryLength ? firstLines : firstLines[..(SummaryLength - 1)].TrimEnd() + "…";
    }
}
