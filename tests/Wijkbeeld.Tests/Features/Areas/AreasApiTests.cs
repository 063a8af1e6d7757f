using System.Text.Json;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features.Areas;

/// <summary>Reading the sample gemeente, wijken and buurten of Den Helder (GM0400).</summary>
public sealed class AreasApiTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    async Task<AreaNodeShape> MunicipalityAsync() =>
        Assert.Single(await (await Client.GetAsync("/api/areas", Ct)).ReadOkAsync<List<AreaNodeShape>>());

    [Fact]
    public async Task The_hierarchy_nests_buurten_in_wijken_in_the_gemeente_by_CBS_code()
    {
        var gemeente = await MunicipalityAsync();

        Assert.Equal(("GM0400", "Den Helder", "gemeente", (string?)null), (gemeente.Code, gemeente.Name, gemeente.Level, gemeente.ParentCode));
        Assert.Equal(Enumerable.Range(0, 9).Select(n => $"WK04000{n}"), gemeente.Children.Select(w => w.Code));
        Assert.All(gemeente.Children, wijk =>
        {
            Assert.Equal(("wijk", "GM0400"), (wijk.Level, wijk.ParentCode));
            Assert.NotEmpty(wijk.Children);
            Assert.All(wijk.Children, buurt =>
            {
                Assert.Matches($"^BU{wijk.Code[2..]}\\d\\d$", buurt.Code);
                Assert.Equal(("buurt", wijk.Code), (buurt.Level, buurt.ParentCode));
                Assert.Empty(buurt.Children);
                Assert.True(Within(buurt.Bbox, wijk.Bbox), $"{buurt.Code} lies within {wijk.Code}");
            });
            Assert.True(Within(wijk.Bbox, gemeente.Bbox), $"{wijk.Code} lies within GM0400");
        });
        Assert.Equal(30, gemeente.Children.Sum(w => w.Children.Count));
        Assert.Contains(gemeente.Children.Single(w => w.Code == "WK040000").Children, b => b is { Code: "BU04000001", Name: "Centrum" });
        Assert.All(gemeente.SelfAndDescendants(), a => Assert.True(a.IsSample));
    }

    static bool Within(double[] inner, double[] outer) =>
        inner[0] >= outer[0] - 1e-9 && inner[1] >= outer[1] - 1e-9 && inner[2] <= outer[2] + 1e-9 && inner[3] <= outer[3] + 1e-9;

    [Fact]
    public async Task Every_item_is_counted_in_exactly_one_wijk()
    {
        var gemeente = await MunicipalityAsync();
        var total = (await Client.ListItemsAsync("?area=GM0400&pageSize=1")).Total;

        var perWijk = new List<int>();
        foreach (var wijk in gemeente.Children)
        {
            perWijk.Add((await Client.ListItemsAsync($"?area={wijk.Code}&pageSize=1")).Total);
        }

        Assert.Equal(total, perWijk.Sum());
        Assert.All(perWijk, n => Assert.True(n > 0));
    }

    [Theory]
    [InlineData("BU04000001")]
    [InlineData("bu04000001")]
    [InlineData(" BU04000001 ")]
    public async Task A_buurt_comes_with_its_polygon(string code)
    {
        var area = await (await Client.GetAsync($"/api/areas/{Uri.EscapeDataString(code)}", Ct)).ReadOkAsync<AreaDetailsShape>();

        Assert.Equal(("BU04000001", "Centrum", "buurt", "WK040000", true), (area.Code, area.Name, area.Level, area.ParentCode, area.IsSample));
        Assert.Equal([4.75, 52.95, 4.765, 52.958], area.Bbox);
        Assert.Equal("Polygon", area.Geometry.GetProperty("type").GetString());
        var ring = area.Geometry.GetProperty("coordinates")[0].EnumerateArray()
            .Select(p => (Lon: p[0].GetDouble(), Lat: p[1].GetDouble())).ToList();
        Assert.True(ring.Count >= 4);
        Assert.Equal(ring[0], ring[^1]);
        Assert.All(ring, p => Assert.True(p.Lon is >= 4.75 and <= 4.765 && p.Lat is >= 52.95 and <= 52.958, $"{p} is [lon, lat] in the bbox"));
    }

    [Fact]
    public async Task The_gemeente_polygon_is_the_union_of_its_wijken()
    {
        var gemeente = await (await Client.GetAsync("/api/areas/GM0400", Ct)).ReadOkAsync<AreaDetailsShape>();

        Assert.Equal(("gemeente", (string?)null), (gemeente.Level, gemeente.ParentCode));
        Assert.Contains(gemeente.Geometry.GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
        Assert.Equal([4.7055, 52.865, 4.8, 52.965], gemeente.Bbox);
    }

    [Theory]
    [InlineData("BU99999999")]
    [InlineData("Amsterdam")]
    public async Task An_unknown_code_is_a_Dutch_404(string code)
    {
        var response = await Client.GetAsync($"/api/areas/{code}", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, DutchTitles.NotFound);
        Assert.Equal($"Onbekende wijk of buurt: {code}.", problem.Detail);
    }

    [Fact]
    public async Task Boundaries_are_GeoJSON_of_every_wijk_and_buurt_and_cached_until_they_change()
    {
        var gemeente = await MunicipalityAsync();
        var response = await Client.GetAsync("/api/areas/boundaries.geojson", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var geoJson = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal("FeatureCollection", geoJson.GetProperty("type").GetString());
        var features = geoJson.GetProperty("features").EnumerateArray().ToList();
        var expected = gemeente.SelfAndDescendants().Skip(1).ToDictionary(a => a.Code);
        Assert.Equal(expected.Keys.Order(), features.Select(f => f.GetProperty("id").GetString()!).Order());
        foreach (var feature in features)
        {
            var properties = feature.GetProperty("properties");
            var area = expected[properties.GetProperty("code").GetString()!];
            Assert.Equal((area.Name, area.Level, area.ParentCode),
                (properties.GetProperty("name").GetString(), properties.GetProperty("level").GetString(), properties.GetProperty("parentCode").GetString()));
            Assert.Contains(feature.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
            var label = properties.GetProperty("label").EnumerateArray().Select(c => c.GetDouble()).ToArray();
            Assert.True(label[0] >= area.Bbox[0] && label[0] <= area.Bbox[2] && label[1] >= area.Bbox[1] && label[1] <= area.Bbox[3],
                $"The label of {area.Code} is [lon, lat] inside it.");
        }

        var again = new HttpRequestMessage(HttpMethod.Get, "/api/areas/boundaries.geojson");
        again.Headers.TryAddWithoutValidation("If-None-Match", response.ETag());
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(again, Ct)).StatusCode);
    }
}
