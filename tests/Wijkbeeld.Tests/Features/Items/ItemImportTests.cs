using System.Net.Http.Headers;
using System.Text;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features.Items;

public sealed class ItemImportSqliteTests(SqliteApp app) : ItemImportTests(app), IClassFixture<SqliteApp>;

public sealed class ItemImportPostgresTests : ItemImportTests, IClassFixture<PostgresApp>
{
    public ItemImportPostgresTests(PostgresApp app) : base(app) => PostgresGate.Require();
}

/// <summary>POST /api/items/import: GeoJSON or CSV, all rows or none.</summary>
public abstract class ItemImportTests(SharedApp shared) : AppTests(shared)
{
    const string ImportUrl = "/api/items/import";

    Task<HttpResponseMessage> ImportAsync(string content, string mediaType) =>
        Client.PostAsync(ImportUrl, TestApps.Body(content, mediaType), Ct);

    Task<HttpResponseMessage> ImportBytesAsync(byte[] content, string mediaType) =>
        Client.PostAsync(ImportUrl, new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } }, Ct);

    Task<HttpResponseMessage> UploadAsync(string fileName, string content, string mediaType)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content)) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } };
        return Client.PostAsync(ImportUrl, new MultipartFormDataContent { { file, "file", fileName } }, Ct);
    }

    /// <summary>Imports and checks the report; returns the imported items found by the tag in their titles.</summary>
    async Task<IReadOnlyList<ItemShape>> ImportOkAsync(Func<Task<HttpResponseMessage>> send, string tag, int rows)
    {
        var before = await App.StoredCountsAsync();
        var report = await (await send()).ReadOkAsync<ItemImportReportShape>();
        Assert.Equal((rows, rows), (report.RowsRead, report.Created));
        Assert.Empty(report.Errors);
        Assert.Equal(before.Items + rows, (await App.StoredCountsAsync()).Items);
        var items = await Client.AllItemsAsync($"?q={tag}");
        Assert.Equal(rows, items.Count);
        return items.OrderBy(i => i.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>Imports a file that must be refused as a whole and returns the problem.</summary>
    async Task<ProblemShape> ImportRefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var response = await App.AssertChangesNothingAsync(send);
        return await response.AssertProblemAsync(status, status == HttpStatusCode.BadRequest ? DutchTitles.BadRequest : DutchTitles.UnsupportedType);
    }

    [Theory]
    [InlineData("application/geo+json")]
    [InlineData("application/json")]
    public async Task GeoJSON_creates_every_feature_in_its_buurt(string mediaType)
    {
        var tag = TestApps.UniqueTag();
        var file = GeoJsonSamples.FeatureCollection(
        [
            GeoJsonSamples.ItemFeature(NewItem.At(Places.Centrum, $"A {tag}") with { Kind = "voorziening", Themes = ["ouderen", "zorg-welzijn"] }),
            GeoJsonSamples.ItemFeature(NewItem.At(Places.Middelzand, $"B {tag}") with { Kind = "gebeurtenis", Status = "geweest", Visibility = "partners" }),
            GeoJsonSamples.ItemFeature(NewItem.At(Places.NieuwDenHelderCentrum, $"C {tag}") with { Kind = "signaal", Themes = [] }),
        ]);

        var items = await ImportOkAsync(() => ImportAsync(file.ToJsonString(), mediaType), tag, rows: 3);

        Assert.Equal([Places.Centrum.NeighbourhoodCode, Places.Middelzand.NeighbourhoodCode, Places.NieuwDenHelderCentrum.NeighbourhoodCode],
            items.Select(i => i.Neighbourhood?.Code));
        Assert.Equal(["voorziening", "gebeurtenis", "signaal"], items.Select(i => i.Kind));
        Assert.Equal(["actief", "geweest", "nieuw"], items.Select(i => i.Status));
        Assert.Equal(["ouderen", "zorg-welzijn"], items[0].Themes);
        Assert.Equal("partners", items[1].Visibility);
        Assert.Equal(Places.Middelzand.Latitude, items[1].Latitude);
        var log = Assert.Single((await Client.GetItemAsync(items[0].Id)).Updates!);
        Assert.Equal("imported", log.Type);
    }

    [Fact]
    public async Task CSV_with_commas_creates_every_row()
    {
        var tag = TestApps.UniqueTag();
        var csv = $""""
            kind,title,description,latitude,longitude,themes,status,visibility,ownerOrganisation
            kans,A {tag},"Beschrijving, met een komma en ""aanhalingstekens""",52.954,4.758,jeugd;ouderen,verkend,openbaar,Buurtteam
            signaal,B {tag},,52.88,4.767,,,,
            """";

        var items = await ImportOkAsync(() => ImportAsync(csv, "text/csv"), tag, rows: 2);

        Assert.Equal("Beschrijving, met een komma en \"aanhalingstekens\"", items[0].Description);
        Assert.Equal(["jeugd", "ouderen"], items[0].Themes);
        Assert.Equal(("verkend", "openbaar", "Buurtteam"), (items[0].Status, items[0].Visibility, items[0].OwnerOrganisation));
        Assert.Equal(Places.Centrum.NeighbourhoodCode, items[0].Neighbourhood?.Code);
        Assert.Equal(("nieuw", "openbaar", ""), (items[1].Status, items[1].Visibility, items[1].Description));
        Assert.Equal(Places.Middelzand.NeighbourhoodCode, items[1].Neighbourhood?.Code);
    }

    [Fact]
    public async Task CSV_from_a_Dutch_spreadsheet_with_semicolons_and_decimal_commas_creates_every_row()
    {
        var tag = TestApps.UniqueTag();
        var csv = $"""
            Kind;Title;Latitude;Longitude;Themes
            initiatief;A {tag};52,9335;4,735;wonen
            kracht;B {tag};52,96;4,771;
            """;

        var items = await ImportOkAsync(() => ImportAsync(csv, "text/csv"), tag, rows: 2);

        Assert.Equal((52.9335, 4.735), (items[0].Latitude, items[0].Longitude));
        Assert.Equal(Places.NieuwDenHelderCentrum.NeighbourhoodCode, items[0].Neighbourhood?.Code);
        Assert.Equal(["wonen"], items[0].Themes);
        Assert.Equal(Places.Willemsoord.NeighbourhoodCode, items[1].Neighbourhood?.Code);
    }

    [Theory]
    [InlineData("items.csv", "application/octet-stream", "csv")]
    [InlineData("items.geojson", "application/octet-stream", "geojson")]
    [InlineData("export", "text/csv", "csv")]
    public async Task A_file_uploaded_as_a_form_is_recognised_by_name_or_type(string fileName, string mediaType, string format)
    {
        var tag = TestApps.UniqueTag();
        var content = format == "csv"
            ? $"kind,title,latitude,longitude\nkans,A {tag},52.954,4.758\n"
            : GeoJsonSamples.FeatureCollection([GeoJsonSamples.ItemFeature(NewItem.At(Places.Centrum, $"A {tag}"))]).ToJsonString();

        await ImportOkAsync(() => UploadAsync(fileName, content, mediaType), tag, rows: 1);
    }

    [Fact]
    public async Task One_bad_feature_among_good_ones_stores_nothing_and_reports_its_row()
    {
        var tag = TestApps.UniqueTag();
        var file = GeoJsonSamples.FeatureCollection(
        [
            GeoJsonSamples.ItemFeature(NewItem.At(Places.Centrum, $"A {tag}")),
            GeoJsonSamples.ItemFeature(new NewItem { Title = $"B {tag}", Latitude = Places.AmsterdamLatitude, Longitude = Places.AmsterdamLongitude }),
            GeoJsonSamples.ItemFeature(NewItem.At(Places.Middelzand, $"C {tag}")),
            GeoJsonSamples.ItemFeature(NewItem.At(Places.Middelzand, "") with { Kind = "fiets" }),
        ]);

        var problem = await ImportRefusedAsync(() => ImportAsync(file.ToJsonString(), "application/geo+json"));

        Assert.Equal(4, problem.RowsRead);
        Assert.Equal(0, problem.Created);
        Assert.Equal([(2, "location"), (4, "kind"), (4, "title")], problem.RowErrors!.Select(e => (e.Row, e.Field)).Order());
        Assert.All(problem.RowErrors!, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.Contains("3 fout(en)", problem.Detail);
        Assert.Equal(0, (await Client.ListItemsAsync($"?q={tag}")).Total);
    }

    [Fact]
    public async Task One_bad_CSV_row_among_good_ones_stores_nothing_and_reports_its_line()
    {
        var tag = TestApps.UniqueTag();
        var csv = $"""
            kind,title,latitude,longitude,themes
            kans,A {tag},52.954,4.758,jeugd
            kans,B {tag},52.954,4.758,onbekend-thema
            kans,C {tag},52.954,4.758,
            """;

        var problem = await ImportRefusedAsync(() => ImportAsync(csv, "text/csv"));

        var error = Assert.Single(problem.RowErrors!);
        Assert.Equal((3, "themes"), (error.Row, error.Field));
        Assert.Contains("onbekend-thema", error.Message);
        Assert.Equal(0, (await Client.ListItemsAsync($"?q={tag}")).Total);
    }

    public static TheoryData<string, string> MalformedFiles => new()
    {
        { "application/geo+json", "dit is geen json" },
        { "application/geo+json", """{"type": "FeatureCollection", "features": [""" },
        { "application/geo+json", """{"type": "Feature", "geometry": null, "properties": {}}""" },
        { "application/geo+json", """{"type": "FeatureCollection", "features": {}}""" },
        { "application/geo+json", """[{"type": "FeatureCollection"}]""" },
        { "application/geo+json", """{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"kind": "kans", "title": "Lijn"}, "geometry": {"type": "LineString", "coordinates": [[4.75, 52.95], [4.76, 52.96]]}}]}""" },
        { "application/geo+json", """{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"kind": "kans", "title": "Zonder plek"}}]}""" },
        { "application/geo+json", """{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": ["4.75", "52.95"]}}]}""" },
        { "application/geo+json", """{"type": "FeatureCollection", "features": ["Feature"]}""" },
        { "text/csv", "" },
        { "text/csv", "kind,title,latitude,longitude\n" },
        { "text/csv", "soort,titel,breedte,lengte\nkans,Iets,52.95,4.75\n" },
        { "text/csv", "title,latitude\nIets,52.95\n" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public async Task A_malformed_file_is_refused_with_an_explanation(string mediaType, string content)
    {
        var problem = await ImportRefusedAsync(() => ImportAsync(content, mediaType));

        var error = Assert.Single(problem.RowErrors!);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public async Task A_CSV_that_is_not_UTF8_is_refused()
    {
        var latin1 = Encoding.Latin1.GetBytes("kind,title,latitude,longitude\nkans,Caf\u00e9 \u00e0 la carte,52.954,4.758\n");

        var problem = await ImportRefusedAsync(() => ImportBytesAsync(latin1, "text/csv"));

        Assert.Contains("UTF-8", Assert.Single(problem.RowErrors!).Message);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/vnd.ms-excel")]
    public async Task An_unknown_content_type_is_an_unsupported_media_type(string mediaType)
    {
        await ImportRefusedAsync(() => ImportAsync("kind,title,latitude,longitude\nkans,Iets,52.954,4.758\n", mediaType),
            HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_uploaded_file_of_unknown_type_is_an_unsupported_media_type()
    {
        await ImportRefusedAsync(() => UploadAsync("items.xlsx", "PK", "application/octet-stream"), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_form_without_a_file_is_refused()
    {
        var response = await App.AssertChangesNothingAsync(() =>
            Client.PostAsync(ImportUrl, new MultipartFormDataContent { { new StringContent("x"), "note" } }, Ct));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.BadRequest);
        Assert.Equal("Kies een bestand.", problem.Detail);
    }
}
