using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Map;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features.Map;

/// <summary>
/// The in-memory cluster index gives the same answers as the database: on random views, zoom levels, filters
/// and audiences over a few thousand random items, and after saves through the API.
/// </summary>
public sealed class ClusterIndexTests
{
    const string DenHelder = "4.69,52.85,4.82,52.98";
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Random_views_filters_and_audiences_get_the_same_clusters_as_the_database(Provider provider)
    {
        if (provider == Provider.Postgres) PostgresGate.Require();
        using var app = new WijkbeeldApp(provider);
        var random = new Random(9);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbeeldDb>();
        var buurten = await db.Areas.Where(a => a.Level == AreaLevel.Neighbourhood).ToListAsync(Ct);
        var themes = Theme.Defaults.Select(t => t.Code).ToArray();
        for (var n = 0; n < 3000; n++)
        {
            var buurt = buurten[random.Next(buurten.Count)];
            var kind = ItemCatalog.Kinds[random.Next(ItemCatalog.Kinds.Count)];
            // Some items on a shared spot and on round coordinates: view edges land exactly on them.
            var (lon, lat) = random.Next(10) == 0
                ? (Math.Round(4.70 + random.Next(12) * 0.01, 2), Math.Round(52.86 + random.Next(12) * 0.01, 2))
                : (buurt.MinLongitude + random.NextDouble() * (buurt.MaxLongitude - buurt.MinLongitude),
                    buurt.MinLatitude + random.NextDouble() * (buurt.MaxLatitude - buurt.MinLatitude));
            db.Items.Add(new Item
            {
                Kind = kind.Kind, Title = $"Willekeurig {n}", Longitude = lon, Latitude = lat, MunicipalityCode = "GM0400",
                DistrictCode = buurt.ParentCode, NeighbourhoodCode = random.Next(20) == 0 ? null : buurt.Code,
                Status = kind.Statuses[random.Next(kind.Statuses.Count)],
                Visibility = (Visibility)random.Next(3), OrganisationId = random.Next(3) == 0 ? null : random.Next(1, 4),
                // A few contributions that wait for a coordinator: counted for nobody.
                Moderation = random.Next(25) == 0 ? ModerationState.Pending : ModerationState.Approved,
                Version = 1, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, IsDeleted = random.Next(30) == 0,
                Themes = themes.OrderBy(_ => random.Next()).Take(random.Next(3)).Select(t => new ItemTheme { ThemeCode = t }).ToList(),
            });
        }
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();
        // Written behind the app's back: rebuild, as after an area import.
        var index = app.Services.GetRequiredService<ClusterIndex>();
        index.Invalidate();

        var reader = scope.ServiceProvider.GetRequiredService<ItemReader>();
        var areaCodes = await db.Areas.Select(a => a.Code).ToListAsync(Ct);
        var ids = await db.Items.Select(i => i.Id).ToListAsync(Ct);
        var edges = await db.Items.Select(i => new { i.Longitude, i.Latitude }).Take(500).ToListAsync(Ct);
        ItemAudience[] audiences =
        [
            ItemAudience.Everyone, ItemAudience.Public, ItemAudience.Partner(), ItemAudience.Partner(1),
            ItemAudience.Partner(2), ItemAudience.Partner(99),
        ];
        var compared = 0;
        for (var round = 0; round < 400; round++)
        {
            var query = new ItemQuery
            {
                Bbox = RandomBbox(),
                Kind = random.Next(3) == 0 ? Pick(ItemCatalog.Kinds.Select(k => k.Code).ToArray(), 1 + random.Next(3)) : null,
                Theme = random.Next(6) == 0 ? Pick(themes, 1 + random.Next(2)) : null,
                Status = random.Next(8) == 0 ? Pick(ItemCatalog.AllStatuses.ToArray(), 1 + random.Next(4)) : null,
                Area = random.Next(8) == 0 ? areaCodes[random.Next(areaCodes.Count)] : null,
                Id = random.Next(15) == 0 ? ids.OrderBy(_ => random.Next()).Take(40).Select(i => i.ToString()).ToArray() : null,
            };
            var (filter, errors) = await reader.ParseAsync(query, Ct, defaultPageSize: ItemExport.MaxFeatures, maxPageSize: ItemExport.MaxFeatures);
            Assert.True(filter is not null, string.Join("; ", errors.SelectMany(e => e.Value)));
            var zoom = 8 + random.Next(11);
            var audience = audiences[random.Next(audiences.Length)];

            var actual = await index.QueryAsync(filter, zoom, audience, Ct);
            Assert.NotNull(actual);
            var expected = await ExpectedAsync(db, filter, zoom, audience);
            var context = $"round {round}: {query.ToQueryString()} zoom {zoom} audience {audience}";
            AssertSame(expected, actual.Clusters, context);
            Assert.Equal(expected.Sum(c => c.Count), actual.Total);
            if (audience == ItemAudience.Everyone)
            {
                // The database's own count and grouping (what text search still uses) agree too.
                Assert.Equal(await reader.CountAsync(filter, Ct), actual.Total);
                AssertSame(await reader.ClustersAsync(filter, ClusterIndex.CellDegrees(zoom), Ct), actual.Clusters, context + " (ClustersAsync)");
            }
            compared += actual.Clusters.Count;
        }
        Assert.True(compared > 2000, $"only {compared} clusters compared");

        string RandomBbox()
        {
            double Lon() => 4.68 + random.NextDouble() * 0.16;
            double Lat() => 52.84 + random.NextDouble() * 0.16;
            var (a, b, c, d) = (Lon(), Lat(), Lon(), Lat());
            if (random.Next(4) == 0)
            {
                // Edges exactly on items: the boundary counts as inside.
                var p = edges[random.Next(edges.Count)];
                var q = edges[random.Next(edges.Count)];
                (a, b, c, d) = (p.Longitude, p.Latitude, q.Longitude, q.Latitude);
            }
            return FormattableString.Invariant($"{Math.Min(a, c):R},{Math.Min(b, d):R},{Math.Max(a, c):R},{Math.Max(b, d):R}");
        }

        string[] Pick(string[] from, int count) => from.OrderBy(_ => random.Next()).Take(count).ToArray();
    }

    /// <summary>The oracle: the database's filter plus the visibility rule, grouped here by the documented cell rule.</summary>
    static async Task<List<ItemCluster>> ExpectedAsync(WijkbeeldDb db, ItemFilter filter, int zoom, ItemAudience audience)
    {
        var rows = await db.Items.AsNoTracking().Filter(filter)
            .Select(i => new { i.Longitude, i.Latitude, i.Visibility, i.OrganisationId }).ToListAsync(Ct);
        var cell = ClusterIndex.CellDegrees(zoom);
        return rows
            .Where(i => audience.SeesEverything || i.Visibility == Visibility.Public ||
                i.Visibility == Visibility.Partners && audience.SignedIn ||
                i.Visibility == Visibility.Organisation && audience.Organisation is { } own && ItemAudience.Key(i.OrganisationId) == own)
            .GroupBy(i => ((int)((i.Longitude + 180) / cell), (int)((i.Latitude + 90) / cell)))
            .Select(g => new ItemCluster(g.Count(), g.Average(i => i.Longitude), g.Average(i => i.Latitude)))
            .ToList();
    }

    static void AssertSame(IReadOnlyList<ItemCluster> expected, IReadOnlyList<ItemCluster> actual, string context)
    {
        static List<ItemCluster> Sorted(IEnumerable<ItemCluster> c) => c.OrderBy(x => Math.Round(x.Longitude, 7)).ThenBy(x => Math.Round(x.Latitude, 7)).ToList();
        var (e, a) = (Sorted(expected), Sorted(actual));
        Assert.True(e.Count == a.Count, $"{context}: {e.Count} clusters expected, {a.Count} found");
        for (var i = 0; i < e.Count; i++)
        {
            // Means agree far below the 10 cm (6 decimals) the GeoJSON is written with.
            Assert.True(e[i].Count == a[i].Count && Math.Abs(e[i].Longitude - a[i].Longitude) < 1e-9 && Math.Abs(e[i].Latitude - a[i].Latitude) < 1e-9,
                $"{context}: expected {e[i]}, found {a[i]}");
        }
    }

    [Fact]
    public async Task Saves_through_the_API_show_in_the_clusters_at_once()
    {
        using var app = new WijkbeeldApp(extraSettings: new Dictionary<string, string?> { ["Map:ClusterThreshold"] = "1" });
        var client = await app.CreateClientAsAsync(Roles.Administrator);
        var url = $"/api/items.geojson?bbox={DenHelder}&zoom=10";
        const string Old = "4.755,52.950,4.765,52.960", New = "4.725,52.895,4.735,52.905";
        var (before, oldBefore, newBefore) = (await TotalAsync(), await TotalAsync(bbox: Old), await TotalAsync(bbox: New));

        var created = await client.PostAsJsonAsync("/api/items", new
        {
            kind = "kans", title = "Clustertest", description = "Telt mee in de clusters.", latitude = 52.955, longitude = 4.760,
            themes = new[] { "jeugd" }, visibility = "organisatie", ownerOrganisation = "Buurtteam Noord",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        // Until accounts land the map counts every item, whatever its visibility.
        Assert.Equal(before + 1, await TotalAsync());
        Assert.Equal(oldBefore + 1, await TotalAsync(bbox: Old));
        // A theme filter is counted from memory too; text search (q) by the database: both see it.
        Assert.Equal(1, await TotalAsync("&theme=jeugd&kind=kans&q=Clustertest"));
        Assert.True(await TotalAsync("&theme=jeugd&kind=kans") >= 1);

        // Moved to Julianadorp: counted there, no longer at the old spot.
        using var move = new HttpRequestMessage(HttpMethod.Put, $"/api/items/{id}")
        {
            Content = JsonContent.Create(new
            {
                kind = "kans", title = "Clustertest", description = "Nu in Julianadorp.", latitude = 52.90, longitude = 4.73,
                visibility = "openbaar",
            }),
        };
        move.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.ToString());
        var moved = await client.SendAsync(move, Ct);
        Assert.True(moved.StatusCode == HttpStatusCode.OK, await moved.Content.ReadAsStringAsync(Ct));
        Assert.Equal(oldBefore, await TotalAsync(bbox: Old));
        Assert.Equal(newBefore + 1, await TotalAsync(bbox: New));
        Assert.Equal(before + 1, await TotalAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/items/{id}", Ct)).StatusCode);
        Assert.Equal(before, await TotalAsync());
        Assert.Equal(newBefore, await TotalAsync(bbox: New));

        async Task<int> TotalAsync(string extra = "", string bbox = DenHelder)
        {
            using var doc = JsonDocument.Parse(await client.GetStringAsync($"/api/items.geojson?bbox={bbox}&zoom=10{extra}", Ct));
            return doc.RootElement.GetProperty("totalMatched").GetInt32();
        }
    }

    [Fact]
    public async Task Another_instance_counts_an_item_saved_on_the_first_within_seconds()
    {
        var settings = new Dictionary<string, string?> { ["Map:ClusterThreshold"] = "1", ["Map:ClusterSyncSeconds"] = "0.2" };
        using var first = new WijkbeeldApp(extraSettings: settings);
        var account = await first.CreateAccountAsync(Roles.Administrator);
        var a = first.CreateClient();
        await a.SignInAsync(account);
        using var second = WijkbeeldApp.SharingDatabaseOf(first, settings);
        var b = second.CreateClient();
        await b.SignInAsync(account);
        var before = await TotalAsync(b);

        var created = await a.PostAsJsonAsync("/api/items", new
        {
            kind = "signaal", title = "Op de andere server", description = "Gezien door beide servers.", latitude = 52.955, longitude = 4.760,
            visibility = "openbaar",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // B learns of it from the change log (and drops what it cached before).
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await TotalAsync(b) != before + 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }
        Assert.Equal(before + 1, await TotalAsync(b));
        Assert.Equal(before + 1, await TotalAsync(a));

        static async Task<int> TotalAsync(HttpClient client)
        {
            using var doc = JsonDocument.Parse(await client.GetStringAsync($"/api/items.geojson?bbox={DenHelder}&zoom=10", Ct));
            return doc.RootElement.GetProperty("totalMatched").GetInt32();
        }
    }
}
