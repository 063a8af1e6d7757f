using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Items;

public sealed record ImportRowError(int Row, string Field, string Message);

public sealed record ItemImportReport(int RowsRead, int Created, IReadOnlyList<ImportRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Imports items from GeoJSON or CSV: every row is checked with the item rules; one bad row stores nothing.</summary>
public sealed class ItemImport(ItemRules rules, ItemService items, IStringLocalizer<Texts> text)
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int MaxRows = 10_000;

    public static async Task<IResult> Handle(HttpRequest request, ItemImport import, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        Stream body;
        string? name = null;
        string? contentType = request.ContentType;
        if (request.HasFormContentType)
        {
            if (await request.ReadFormOrNullAsync(ct) is not { } form)
            {
                return Problems.Status(text, StatusCodes.Status400BadRequest, text["Problem.Detail.400"]);
            }
            var file = form.Files.FirstOrDefault();
            if (file is null)
            {
                return Problems.Status(text, StatusCodes.Status400BadRequest, text["Import.NoFile"]);
            }
            body = file.OpenReadStream();
            name = file.FileName;
            contentType = file.ContentType;
        }
        else
        {
            body = request.Body;
        }
        var format = DetectFormat(contentType, name);
        if (format is null)
        {
            return Problems.Status(text, StatusCodes.Status415UnsupportedMediaType, text["Import.UnknownFormat"]);
        }
        await using var _ = body;
        // ?confirmPersonalData=true: the importer checked that the flagged personal data may be stored (AVG).
        var confirm = string.Equals(request.Query["confirmPersonalData"], "true", StringComparison.OrdinalIgnoreCase);
        var report = await import.ImportAsync(body, format.Value, ct, confirm);
        return report.Succeeded
            ? TypedResults.Ok(report)
            : Problems.Status(text, StatusCodes.Status400BadRequest, text["Import.Failed", report.Errors.Count],
                new Dictionary<string, object?> { ["rowsRead"] = report.RowsRead, ["created"] = 0, ["rowErrors"] = report.Errors });
    }

    public enum Format { GeoJson, Csv }

    public static Format? DetectFormat(string? contentType, string? fileName)
    {
        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (type is "application/geo+json" or "application/json" || ext is ".geojson" or ".json") return Format.GeoJson;
        if (type is "text/csv" or "application/csv" || ext == ".csv") return Format.Csv;
        return null;
    }

    public async Task<ItemImportReport> ImportAsync(Stream stream, Format format, CancellationToken ct, bool confirmPersonalData = false)
    {
        List<(int Row, ItemInput Input)> rows;
        try
        {
            rows = format == Format.GeoJson ? await ReadGeoJsonAsync(stream, ct) : await ReadCsvAsync(stream);
        }
        catch (ImportFormatException e)
        {
            return new ItemImportReport(0, 0, [new ImportRowError(e.Row, "", e.Message)]);
        }

        var errors = new List<ImportRowError>();
        var valid = new List<ValidItem>();
        foreach (var (row, input) in rows)
        {
            var check = await rules.ValidateAsync(input with { ConfirmPersonalData = confirmPersonalData }, null, ct);
            if (check.IsValid)
            {
                valid.Add(check.Item!);
            }
            else
            {
                errors.AddRange(check.Errors.SelectMany(e => e.Value.Select(m => new ImportRowError(row, e.Key, m))));
            }
        }
        if (errors.Count > 0)
        {
            return new ItemImportReport(rows.Count, 0, errors);
        }

        // One SaveChanges is one transaction: all rows or none.
        foreach (var item in valid)
        {
            items.Add(item, ItemUpdateType.Imported);
        }
        await items.SaveAndPublishAsync(ct);
        return new ItemImportReport(rows.Count, valid.Count, []);
    }

    sealed class ImportFormatException(int row, string message) : Exception(message)
    {
        public int Row { get; } = row;
    }

    async Task<List<(int, ItemInput)>> ReadGeoJsonAsync(Stream stream, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { MaxDepth = 32 }, ct);
        }
        catch (JsonException e)
        {
            throw new ImportFormatException(0, text["Import.BadJson", e.Message]);
        }
        using var _ = document;
        var row = 0;
        try
        {
            return ReadFeatures(document.RootElement, ref row);
        }
        catch (InvalidOperationException e)
        {
            // A string with invalid UTF-8 or broken UTF-16 (a lone surrogate such as \ud800) cannot be read as text.
            throw new ImportFormatException(row, text["Import.BadJson", e.Message]);
        }
    }

    List<(int, ItemInput)> ReadFeatures(JsonElement root, ref int row)
    {
        if (root.ValueKind != JsonValueKind.Object || Str(root, "type") != "FeatureCollection" ||
            !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new ImportFormatException(0, text["Import.NotFeatureCollection"]);
        }
        if (features.GetArrayLength() == 0)
        {
            throw new ImportFormatException(0, text["Import.Empty"]);
        }
        CheckRowCount(features.GetArrayLength());
        var rows = new List<(int, ItemInput)>();
        foreach (var feature in features.EnumerateArray())
        {
            row++;
            if (feature.ValueKind != JsonValueKind.Object || Str(feature, "type") != "Feature")
            {
                throw new ImportFormatException(row, text["Import.NotFeature"]);
            }
            double? lon = null, lat = null;
            if (feature.TryGetProperty("geometry", out var geometry) && geometry.ValueKind == JsonValueKind.Object &&
                Str(geometry, "type") == "Point" && geometry.TryGetProperty("coordinates", out var c) &&
                c.ValueKind == JsonValueKind.Array && c.GetArrayLength() >= 2 &&
                c[0].ValueKind == JsonValueKind.Number && c[1].ValueKind == JsonValueKind.Number)
            {
                lon = c[0].GetDouble();
                lat = c[1].GetDouble();
            }
            else
            {
                throw new ImportFormatException(row, text["Import.NotPoint"]);
            }
            var p = feature.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object ? props : default;
            rows.Add((row, new ItemInput
            {
                Kind = Str(p, "kind"),
                Title = Str(p, "title"),
                Description = Str(p, "description"),
                Longitude = lon,
                Latitude = lat,
                Themes = Themes(p),
                Status = Str(p, "status"),
                OwnerOrganisation = Str(p, "ownerOrganisation"),
                Contact = Str(p, "contact"),
                Visibility = Str(p, "visibility"),
                Source = Str(p, "source"),
            }));
        }
        return rows;
    }

    static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    static IReadOnlyList<string> Themes(JsonElement props)
    {
        if (props.ValueKind != JsonValueKind.Object || !props.TryGetProperty("themes", out var themes)) return [];
        return themes.ValueKind switch
        {
            JsonValueKind.Array => themes.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList(),
            JsonValueKind.String => SplitThemes(themes.GetString()),
            _ => [],
        };
    }

    static IReadOnlyList<string> SplitThemes(string? value) =>
        (value ?? "").Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    // Reads asynchronously: ASP.NET Core refuses synchronous reads of a request body.
    async Task<List<(int, ItemInput)>> ReadCsvAsync(Stream stream)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            BadDataFound = null,
            MissingFieldFound = null,
        };
        var rows = new List<(int, ItemInput)>();
        try
        {
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
            using var csv = new CsvReader(reader, config);
            if (!await csv.ReadAsync() || !csv.ReadHeader())
            {
                throw new ImportFormatException(0, text["Import.EmptyCsv"]);
            }
            var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
            var missing = new[] { "kind", "title", "latitude", "longitude" }.Where(h => !header.Contains(h)).ToList();
            if (missing.Count > 0)
            {
                throw new ImportFormatException(1, text["Import.MissingColumns", string.Join(", ", missing)]);
            }
            string? Field(string name) => header.Contains(name.ToLowerInvariant()) ? csv.GetField(name.ToLowerInvariant()) : null;
            while (await csv.ReadAsync())
            {
                var row = csv.Parser.Row;
                CheckRowCount(rows.Count + 1);
                rows.Add((row, new ItemInput
                {
                    Kind = Field("kind"),
                    Title = Field("title"),
                    Description = Field("description"),
                    Latitude = Number(Field("latitude")),
                    Longitude = Number(Field("longitude")),
                    Themes = SplitThemes(Field("themes")),
                    Status = Field("status"),
                    OwnerOrganisation = Field("ownerOrganisation"),
                    Contact = Field("contact"),
                    Visibility = Field("visibility"),
                    Source = Field("source"),
                }));
            }
        }
        catch (Exception e) when (e is CsvHelperException or DecoderFallbackException)
        {
            throw new ImportFormatException(0, text["Import.BadCsv"]);
        }
        if (rows.Count == 0)
        {
            throw new ImportFormatException(0, text["Import.EmptyCsv"]);
        }
        return rows;
    }

    /// <summary>Accepts a decimal point or a Dutch decimal comma; anything else becomes "missing".</summary>
    static double? Number(string? value) =>
        double.TryParse(value?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    void CheckRowCount(int count)
    {
        if (count > MaxRows)
        {
            throw new ImportFormatException(0, text["Import.TooManyRows", MaxRows]);
        }
    }
}
