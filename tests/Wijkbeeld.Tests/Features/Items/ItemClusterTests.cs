using System.Text.Json;

using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features.Items;

/// <summary>Above the cluster threshold a map view gets counts per cell, not points.</summary>
public sealed class ItemClusterTests
{
    const string DenHelder = "4.69,52.85,4.82,52.98";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_view_with_more_items_than_the_threshold_gets_clusters_that_add_up_to_the_total(Provider provider)
    {
        if (provider == Provider.Postgres)
        {
            PostgresGate.Require();
        }
        using var app = new WijkbeeldApp(provider, new Dictionary<string, string?> { ["Map:ClusterThreshold"] = "10" });
        var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        using var clustered = JsonDocument.Parse(await client.GetStringAsync($"/api/items.geojson?bbox={DenHelder}&zoom=12", ct));
        var root = clustered.RootElement;
        Assert.True(root.GetProperty("clustered").GetBoolean());
        var total = root.GetProperty("totalMatched").GetInt32();
        Assert.True(total > 10);
        var features = root.GetProperty("features").EnumerateArray().ToList();
        Assert.InRange(features.Count, 1, total - 1);
        Assert.All(features, f => Assert.True(f.GetProperty("properties").GetProperty("cluster").GetBoolean()));
        Assert.Equal(total, features.Sum(f => f.GetProperty("properties").GetProperty("count").GetInt32()));

        // Without a zoom level (an export) the same request gets every point.
        using var points = JsonDocument.Parse(await client.GetStringAsync($"/api/items.geojson?bbox={DenHelder}", ct));
        Assert.False(points.RootElement.TryGetProperty("clustered", out _));
        Assert.Equal(total, points.RootElement.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task A_view_under_the_threshold_gets_points_and_a_bad_zoom_is_refused()
    {
        using var app = new WijkbeeldApp();
        var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        using var points = JsonDocument.Parse(await client.GetStringAsync($"/api/items.geojson?bbox={DenHelder}&zoom=13", ct));
        Assert.False(points.RootElement.TryGetProperty("clustered", out _));
        Assert.Equal(points.RootElement.GetProperty("totalMatched").GetInt32(), points.RootElement.GetProperty("features").GetArrayLength());

        var bad = await client.GetAsync($"/api/items.geojson?bbox={DenHelder}&zoom=99", ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }
}
