using System.Text.Json.Nodes;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features.Areas;

public sealed class AreaImportSqliteTests(SqliteApp app) : AreaImportTests(app), IClassFixture<SqliteApp>;

public sealed class AreaImportPostgresTests : AreaImportTests, IClassFixture<PostgresApp>
{
    public AreaImportPostgresTests(PostgresApp app) : base(app) => PostgresGate.Require();
}

/// <summary>
/// POST /api/areas/import with CBS/PDOK-style files. A successful import replaces the areas of the gemeente, so those
/// tests each start their own app; the refused files share the class's app, which must stay as it was.
/// </summary>
public abstract class AreaImportTests(SharedApp shared) : AppTests(shared)
{
    const string ImportUrl = "/api/areas/import";

    static Task<HttpResponseMessage> ImportAsync(HttpClient client, JsonNode file, string mediaType = "application/geo+json") =>
        ImportAsync(client, file.ToJsonString(), mediaType);

    static Task<HttpResponseMessage> ImportAsync(HttpClient client, string file, string mediaType) =>
        client.PostAsync(ImportUrl, TestApps.Body(file, mediaType), Ct);

    static async Task<AreaNodeShape> MunicipalityAsync(HttpClient client) =>
        Assert.Single(await (await client.GetAsync("/api/areas", Ct)).ReadOkAsync<List<AreaNodeShape>>());

    [Fact]
    public async Task A_WGS84_file_replaces_the_areas_and_moves_items_to_their_new_buurt()
    {
        using var app = new WijkbeeldApp(Provider);
        var client = await app.CreateClientAsAsync(Roles.Administrator);
        var library = await client.FindItemAsync("Bibliotheek op Willemsoord");
        Assert.Equal("BU04000101", library.Neighbourhood?.Code);
        var boundaries = await client.GetAsync("/api/areas/boundaries.geojson", Ct);

        var report = await (await ImportAsync(client, TestWijk.Wgs84())).ReadOkAsync<AreaImportReportShape>();

        Assert.Equal(["GM0400"], report.Municipalities);
        Assert.Equal((1, 2, false), (report.Districts, report.Neighbourhoods, report.Reprojected));
        var gemeente = await MunicipalityAsync(client);
        Assert.Equal(("GM0400", "Den Helder", false), (gemeente.Code, gemeente.Name, gemeente.IsSample));
        var wijk = Assert.Single(gemeente.Children);
        Assert.Equal((TestWijk.Code, TestWijk.Name, false), (wijk.Code, wijk.Name, wijk.IsSample));
        Assert.Equal([TestWijk.NoordCode, TestWijk.ZuidCode], wijk.Children.Select(b => b.Code));
        Assert.Equal(["Testbuurt Noord", "Testbuurt Zuid"], wijk.Children.Select(b => b.Name));

        library = await client.GetItemAsync(library.Id);
        Assert.Equal(new AreaRefShape(TestWijk.NoordCode, "Testbuurt Noord"), library.Neighbourhood);
        Assert.Equal(new AreaRefShape(TestWijk.Code, TestWijk.Name), library.District);

        var items = await client.AllItemsAsync();
        string? ExpectedBuurt(ItemShape i) =>
            TestWijk.Noord.Contains(i.Latitude, i.Longitude) ? TestWijk.NoordCode : TestWijk.Zuid.Contains(i.Latitude, i.Longitude) ? TestWijk.ZuidCode : null;
        Assert.All(items, i => Assert.Equal(ExpectedBuurt(i), i.Neighbourhood?.Code));
        Assert.All(items, i => Assert.Equal("GM0400", i.MunicipalityCode));
        Assert.Equal(items.Count(i => ExpectedBuurt(i) is null), report.ItemsOutside);
        Assert.Equal(items.Count(i => ExpectedBuurt(i) is not null), report.ItemsReassigned);
        Assert.Contains(report.Warnings, w => w.Contains($"{report.ItemsOutside} items"));
        Assert.Equal(items.Count(i => ExpectedBuurt(i) == TestWijk.NoordCode), (await client.ListItemsAsync($"?area={TestWijk.NoordCode}")).Total);

        await (await client.GetAsync("/api/items?area=BU04000101", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);
        var stale = new HttpRequestMessage(HttpMethod.Get, "/api/areas/boundaries.geojson");
        stale.Headers.TryAddWithoutValidation("If-None-Match", boundaries.ETag());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale, Ct)).StatusCode);

        var created = await client.CreateItemAsync(NewItem.At(Places.Willemsoord, "Na de import"));
        Assert.Equal(TestWijk.NoordCode, created.Neighbourhood?.Code);
        await (await client.PostItemAsync(NewItem.At(Places.Middelzand, "Buiten de nieuwe buurten")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);
    }

    static JsonObject Noord() => TestWijk.Buurten(p => p)[0];

    static JsonObject Zuid() => TestWijk.Buurten(p => p)[1];

    public static TheoryData<string, string> InvalidFiles => new()
    {
        { "not JSON", "dit is geen json" },
        { "cut off", TestWijk.Wgs84().ToJsonString()[..200] },
        { "a list", "[]" },
        { "a single feature", Noord().ToJsonString() },
        { "no features", GeoJsonSamples.FeatureCollection([]).ToJsonString() },
        { "features not a list", """{"type": "FeatureCollection", "features": {}}""" },
        { "buurt without code", GeoJsonSamples.FeatureCollection([Noord().WithoutProperty("buurtcode"), Zuid()]).ToJsonString() },
        { "buurt with empty code", GeoJsonSamples.FeatureCollection([Noord().WithProperty("buurtcode", ""), Zuid()]).ToJsonString() },
        { "no codes at all", GeoJsonSamples.FeatureCollection([new JsonObject { ["type"] = "Feature", ["properties"] = new JsonObject { ["naam"] = "Ergens" }, ["geometry"] = Noord()["geometry"]!.DeepClone() }]).ToJsonString() },
        { "bad code format", GeoJsonSamples.FeatureCollection([Noord().WithProperty("buurtcode", "BU123"), Zuid()]).ToJsonString() },
        { "code of a wijk as buurtcode", GeoJsonSamples.FeatureCollection([Noord().WithProperty("buurtcode", "WK040099"), Zuid()]).ToJsonString() },
        { "duplicate codes", GeoJsonSamples.FeatureCollection([Noord(), Zuid().WithProperty("buurtcode", TestWijk.NoordCode)]).ToJsonString() },
        { "buurt without name", GeoJsonSamples.FeatureCollection([Noord().WithoutProperty("buurtnaam"), Zuid()]).ToJsonString() },
        { "point instead of polygon", GeoJsonSamples.FeatureCollection([Noord().WithGeometry(new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(4.77, 52.96) }), Zuid()]).ToJsonString() },
        { "no geometry", GeoJsonSamples.FeatureCollection([Noord().WithGeometry(null), Zuid()]).ToJsonString() },
        { "broken geometry", GeoJsonSamples.FeatureCollection([Noord().WithGeometry(new JsonObject { ["type"] = "Polygon", ["coordinates"] = "veel" }), Zuid()]).ToJsonString() },
        { "neither WGS84 nor RD", GeoJsonSamples.FeatureCollection(TestWijk.Buurten(p => (p.Lon * 1e6, p.Lat * 1e6))).ToJsonString() },
        { "only wijken", GeoJsonSamples.FeatureCollection([Noord().WithoutProperty("buurtcode").WithoutProperty("buurtnaam")]).ToJsonString() },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public async Task An_invalid_file_is_refused_and_the_areas_stay_as_they_were(string why, string file)
    {
        var before = await MunicipalityAsync(Client);

        var response = await App.AssertChangesNothingAsync(() => ImportAsync(Client, file, "application/geo+json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.BadRequest);
        Assert.True(problem.Problems is { Count: > 0 }, $"The refusal of a file with {why} says what is wrong.");
        Assert.All(problem.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        Assert.Equal("Het bestand is niet ingelezen. Er is niets veranderd.", problem.Detail);
        Assert.Equivalent(before, await MunicipalityAsync(Client), strict: true);
        Assert.Equal("BU04000101", (await Client.FindItemAsync("Bibliotheek op Willemsoord")).Neighbourhood?.Code);
    }

    [Fact]
    public async Task The_problem_names_the_feature_that_is_wrong()
    {
        var file = GeoJsonSamples.FeatureCollection([Noord(), Zuid().WithProperty("buurtcode", "BU04009")]);

        var problem = await (await ImportAsync(Client, file)).AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.BadRequest);

        var wrong = Assert.Single(problem.Problems!);
        Assert.Equal(2, wrong.Feature);
        Assert.Contains("BU04009", wrong.Message);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task A_file_of_another_type_is_an_unsupported_media_type(string mediaType)
    {
        var response = await App.AssertChangesNothingAsync(() => ImportAsync(Client, TestWijk.Wgs84().ToJsonString(), mediaType));
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, DutchTitles.UnsupportedType);
    }
}

/// <summary>Files in RD New (EPSG:28992), as PDOK serves them. Reprojection is arithmetic, the same on every database.</summary>
public sealed class AreaReprojectionTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_RD_New_file_is_reprojected_to_WGS84(bool declareCrs)
    {
        var amersfoort = RdNewApprox.FromWgs84(52.15517440, 5.38720621);
        Assert.Equal((155000.0, 463000.0), (Math.Round(amersfoort.X, 3), Math.Round(amersfoort.Y, 3)));
        using var app = new WijkbeeldApp();
        var client = await app.CreateClientAsAsync(Roles.Administrator);
        var file = TestWijk.RdNew(declareCrs);
        Assert.True(file["features"]![0]!["geometry"]!["coordinates"]![0]![0]![0]!.GetValue<double>() > 100_000, "The file has RD metres.");

        var response = await client.PostAsync("/api/areas/import", TestApps.Body(file.ToJsonString(), "application/json"), TestApps.Ct);
        var report = await response.ReadOkAsync<AreaImportReportShape>();

        Assert.True(report.Reprojected);
        Assert.Equal((1, 2), (report.Districts, report.Neighbourhoods));
        foreach (var (code, rect) in new[] { (TestWijk.NoordCode, TestWijk.Noord), (TestWijk.ZuidCode, TestWijk.Zuid) })
        {
            var area = await (await client.GetAsync($"/api/areas/{code}", TestApps.Ct)).ReadOkAsync<AreaDetailsShape>();
            // 0.0001 degree is about 7 to 11 metres.
            Assert.Equal(rect.West, area.Bbox[0], 0.0001);
            Assert.Equal(rect.South, area.Bbox[1], 0.0001);
            Assert.Equal(rect.East, area.Bbox[2], 0.0001);
            Assert.Equal(rect.North, area.Bbox[3], 0.0001);
        }
        Assert.Equal(TestWijk.NoordCode, (await client.FindItemAsync("Bibliotheek op Willemsoord")).Neighbourhood?.Code);
    }
}
