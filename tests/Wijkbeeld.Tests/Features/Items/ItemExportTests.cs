using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features.Items;

/// <summary>GeoJSON and CSV downloads of the same filtered set as GET /api/items.</summary>
public sealed class ItemExportTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    static readonly string[] CsvHeader =
    [
        "id", "kind", "title", "description", "latitude", "longitude", "neighbourhoodCode", "neighbourhood",
        "districtCode", "themes", "status", "ownerOrganisation", "contact", "visibility", "source", "createdAt", "updatedAt", "stale",
    ];

    async Task<JsonElement> GeoJsonAsync(string query)
    {
        var response = await Client.GetAsync("/api/items.geojson" + query, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }

    async Task<List<string[]>> CsvAsync(string query)
    {
        var response = await Client.GetAsync("/api/items.csv" + query, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        using var csv = new CsvParser(new StringReader(await response.Content.ReadAsStringAsync(Ct)), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (await csv.ReadAsync())
        {
            rows.Add(csv.Record!);
        }
        return rows;
    }

    [Theory]
    [InlineData("")]
    [InlineData("?kind=kans")]
    [InlineData("?area=WK040003&theme=jeugd")]
    [InlineData("?bbox=4.74,52.93,4.77,52.95&status=actief")]
    public async Task GeoJSON_is_an_RFC_7946_FeatureCollection_of_the_filtered_items(string query)
    {
        var items = await Client.AllItemsAsync(query);

        var geoJson = await GeoJsonAsync(query);

        Assert.Equal("FeatureCollection", geoJson.GetProperty("type").GetString());
        Assert.False(geoJson.TryGetProperty("crs", out _), "RFC 7946 has no crs member: coordinates are WGS84.");
        var features = geoJson.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(items.Count, features.Count);
        var byId = items.ToDictionary(i => i.Id);
        foreach (var feature in features)
        {
            Assert.Equal("Feature", feature.GetProperty("type").GetString());
            var item = byId[feature.GetProperty("id").GetInt32()];
            var geometry = feature.GetProperty("geometry");
            Assert.Equal("Point", geometry.GetProperty("type").GetString());
            var coordinates = geometry.GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToArray();
            Assert.Equal(2, coordinates.Length);
            Assert.Equal(item.Longitude, coordinates[0], 6);
            Assert.Equal(item.Latitude, coordinates[1], 6);
            var properties = feature.GetProperty("properties");
            Assert.Equal(item.Title, properties.GetProperty("title").GetString());
            Assert.Equal(item.Kind, properties.GetProperty("kind").GetString());
            Assert.Equal(item.Neighbourhood?.Code, properties.GetProperty("neighbourhoodCode").GetString());
            Assert.Equal(item.IsStale, properties.GetProperty("stale").GetBoolean());
            Assert.Equal($"/items/{item.Id}", properties.GetProperty("url").GetString());
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("?kind=opgave,signaal")]
    [InlineData("?q=buurthuis")]
    public async Task CSV_has_a_header_and_one_row_per_filtered_item(string query)
    {
        var items = await Client.AllItemsAsync(query);

        var rows = await CsvAsync(query);

        Assert.Equal(CsvHeader, rows[0]);
        Assert.Equal(items.Count, rows.Count - 1);
        Assert.All(rows, r => Assert.Equal(CsvHeader.Length, r.Length));
        var byId = items.ToDictionary(i => i.Id);
        foreach (var row in rows.Skip(1))
        {
            var item = byId[int.Parse(row[0], CultureInfo.InvariantCulture)];
            Assert.Equal(item.Kind, row[1]);
            Assert.Equal(SpreadsheetSafe(item.Title), row[2]);
            Assert.Equal(SpreadsheetSafe(item.Description), row[3]);
            Assert.Equal(item.Latitude, double.Parse(row[4], CultureInfo.InvariantCulture), 9);
            Assert.Equal(item.Longitude, double.Parse(row[5], CultureInfo.InvariantCulture), 9);
            Assert.Equal(item.Neighbourhood?.Code ?? "", row[6]);
            Assert.Equal(string.Join(';', item.Themes), row[9]);
            Assert.Equal(item.IsStale ? "ja" : "nee", row[17]);
        }
    }

    /// <summary>Other tests in this class leave formula-like titles behind; the export prefixes those with a quote.</summary>
    static string? SpreadsheetSafe(string? text) => text is [ '=' or '+' or '-' or '@' or '\t' or '\r', ..] ? "'" + text : text;

    [Fact]
    public async Task CSV_escapes_text_a_spreadsheet_would_run_as_a_formula()
    {
        var tag = TestApps.UniqueTag();
        string[] dangerous = [$"=HYPERLINK(\"https://example.com\";\"{tag}\")", $"+31 6 {tag}", $"-1+1 {tag}", $"@SUM(A1) {tag}"];
        foreach (var title in dangerous)
        {
            await Client.CreateItemAsync(new NewItem { Title = title, Description = "=1+1\nTweede regel, met \"aanhalingstekens\"" });
        }

        var rows = (await CsvAsync($"?q={tag}")).Skip(1).ToList();

        Assert.Equal(dangerous.Length, rows.Count);
        foreach (var title in dangerous)
        {
            var row = Assert.Single(rows, r => r[2].EndsWith(title, StringComparison.Ordinal));
            Assert.Equal("'" + title, row[2]);
            Assert.Equal("'=1+1\nTweede regel, met \"aanhalingstekens\"", row[3]);
        }
        Assert.All(rows.SelectMany(r => r), field => Assert.DoesNotMatch("^[=+@]", field));
    }

    [Fact]
    public async Task A_new_item_appears_in_both_exports_and_a_deleted_one_leaves_them()
    {
        var tag = TestApps.UniqueTag();
        var item = await Client.CreateItemAsync(NewItem.At(Places.Middelzand, $"Export {tag}"));

        var feature = Assert.Single((await GeoJsonAsync($"?q={tag}")).GetProperty("features").EnumerateArray());
        Assert.Equal([Places.Middelzand.Longitude, Places.Middelzand.Latitude],
            feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        Assert.Equal(item.Id.ToString(CultureInfo.InvariantCulture), Assert.Single((await CsvAsync($"?q={tag}")).Skip(1))[0]);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteItemAsync(item.Id)).StatusCode);
        Assert.Empty((await GeoJsonAsync($"?q={tag}")).GetProperty("features").EnumerateArray());
        Assert.Single(await CsvAsync($"?q={tag}"));
    }

    [Theory]
    [InlineData("/api/items.geojson?bbox=1,2")]
    [InlineData("/api/items.geojson?area=BU99999999")]
    [InlineData("/api/items.csv?kind=fiets")]
    [InlineData("/api/items.csv?pageSize=0")]
    public async Task An_invalid_filter_is_a_validation_problem_not_an_empty_file(string url)
    {
        var response = await Client.GetAsync(url, Ct);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);
    }
}
