using System.Globalization;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features.Field;

public sealed class DuplicateCheckSqliteTests(SqliteApp app) : DuplicateCheckTests(app), IClassFixture<SqliteApp>;

public sealed class DuplicateCheckPostgresTests : DuplicateCheckTests, IClassFixture<PostgresApp>
{
    public DuplicateCheckPostgresTests(PostgresApp app) : base(app) => PostgresGate.Require();
}

public sealed record NearbyShape(int RadiusMetres, IReadOnlyList<NearbyItemShape> Items);

public sealed record NearbyItemShape(int Id, string Kind, string Title, string Status, double Latitude, double Longitude,
    int DistanceMetres, int SupportCount);

public sealed record SupportShape(int ItemId, int SupportCount);

/// <summary>"Bedoelt u een van deze?": open items of the same kind nearby, and "steun dit" instead of a new item.</summary>
public abstract class DuplicateCheckTests(SharedApp shared) : AppTests(shared)
{
    const double MetresPerDegreeLatitude = 111_320;

    static string Nearby(double lat, double lon, string kind, int? radius = null) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/items/nearby?latitude={lat}&longitude={lon}&kind={kind}")
        + (radius is null ? "" : $"&radius={radius}");

    [Fact]
    public async Task Open_items_of_the_same_kind_within_75_metres_are_offered_nearest_first()
    {
        var p = Places.VliegveldDeKooy;
        var tag = TestApps.UniqueTag();
        var at40 = await Client.CreateItemAsync(new NewItem { Kind = "opgave", Title = "40 m " + tag, Latitude = p.Latitude + 40 / MetresPerDegreeLatitude, Longitude = p.Longitude });
        var at10 = await Client.CreateItemAsync(new NewItem { Kind = "opgave", Title = "10 m " + tag, Latitude = p.Latitude + 10 / MetresPerDegreeLatitude, Longitude = p.Longitude });
        var far = await Client.CreateItemAsync(new NewItem { Kind = "opgave", Title = "150 m " + tag, Latitude = p.Latitude - 150 / MetresPerDegreeLatitude, Longitude = p.Longitude });
        var otherKind = await Client.CreateItemAsync(new NewItem { Kind = "kracht", Title = "Andere soort " + tag, Latitude = p.Latitude, Longitude = p.Longitude });
        var done = await Client.CreateItemAsync(new NewItem { Kind = "opgave", Title = "Aangepakt " + tag, Latitude = p.Latitude, Longitude = p.Longitude });
        var put = await Client.PutItemAsync(done.Id, done.ToInput() with { Status = "aangepakt" }, $"\"{done.Version}\"");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var nearby = await (await Client.GetAsync(Nearby(p.Latitude, p.Longitude, "opgave"), Ct)).ReadOkAsync<NearbyShape>();

        Assert.Equal(75, nearby.RadiusMetres);
        var mine = nearby.Items.Where(i => i.Title.EndsWith(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal([at10.Id, at40.Id], mine.Select(i => i.Id));
        Assert.InRange(mine[0].DistanceMetres, 9, 11);
        Assert.InRange(mine[1].DistanceMetres, 39, 41);
        Assert.DoesNotContain(nearby.Items, i => i.Id == far.Id || i.Id == otherKind.Id || i.Id == done.Id);
        Assert.All(nearby.Items, i => Assert.Equal("opgave", i.Kind));

        var wider = await (await Client.GetAsync(Nearby(p.Latitude, p.Longitude, "opgave", radius: 200), Ct)).ReadOkAsync<NearbyShape>();
        Assert.Contains(wider.Items, i => i.Id == far.Id);
    }

    [Fact]
    public async Task Steun_dit_adds_one_supporter_and_the_comment_to_the_log_instead_of_an_item()
    {
        var p = Places.DeKooy;
        var item = await Client.CreateItemAsync(new NewItem { Kind = "signaal", Title = "Losse stoeptegels " + TestApps.UniqueTag(), Latitude = p.Latitude, Longitude = p.Longitude });
        var before = await App.StoredCountsAsync();

        var support = await (await Client.PostAsJsonAsync($"/api/items/{item.Id}/support", new { comment = "Hier struikel ik ook bijna" }, Ct))
            .ReadOkAsync<SupportShape>();
        var second = await (await Client.PostAsJsonAsync($"/api/items/{item.Id}/support", new { }, Ct)).ReadOkAsync<SupportShape>();

        Assert.Equal(1, support.SupportCount);
        Assert.Equal(2, second.SupportCount);
        var after = await App.StoredCountsAsync();
        Assert.Equal(before.Items, after.Items);
        Assert.Equal(before.Updates + 2, after.Updates);
        var log = (await Client.GetItemAsync(item.Id)).Updates!;
        Assert.Contains(log, u => u.Text == "Steunt dit (+1): Hier struikel ik ook bijna");
        Assert.Contains(log, u => u.Text == "Steunt dit (+1).");
        var nearby = await (await Client.GetAsync(Nearby(p.Latitude, p.Longitude, "signaal"), Ct)).ReadOkAsync<NearbyShape>();
        Assert.Equal(2, nearby.Items.Single(i => i.Id == item.Id).SupportCount);
    }

    [Fact]
    public async Task Steun_dit_sent_twice_with_one_key_counts_once()
    {
        var item = await Client.CreateItemAsync(NewItem.At(Places.DeKooy, "Eén keer steunen " + TestApps.UniqueTag()));
        var key = Guid.NewGuid().ToString();
        SupportShape last = null!;
        for (var i = 0; i < 2; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/items/{item.Id}/support") { Content = JsonContent.Create(new { }) };
            request.Headers.Add("Idempotency-Key", key);
            last = await (await Client.SendAsync(request, Ct)).ReadOkAsync<SupportShape>();
        }
        Assert.Equal(1, last.SupportCount);
        Assert.Single((await Client.GetItemAsync(item.Id)).Updates!, u => u.Text.StartsWith("Steunt dit", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/items/nearby?kind=kans", "location")]
    [InlineData("/api/items/nearby?latitude=52.9&longitude=4.76&kind=fiets", "kind")]
    [InlineData("/api/items/nearby?latitude=52.9&longitude=4.76&kind=kans&radius=5000", "radius")]
    [InlineData("/api/items/nearby?latitude=95&longitude=4.76&kind=kans", "location")]
    public async Task A_bad_duplicate_check_gets_a_Dutch_message(string url, string field)
    {
        var problem = await (await Client.GetAsync(url, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.True(problem.Errors!.ContainsKey(field), string.Join(", ", problem.Errors.Keys));
    }

    [Fact]
    public async Task Support_for_a_missing_item_or_with_a_too_long_comment_changes_nothing()
    {
        var missing = await App.AssertChangesNothingAsync(() => Client.PostAsJsonAsync("/api/items/999999/support", new { }, Ct));
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, "Niet gevonden");

        var item = await Client.CreateItemAsync(NewItem.At(Places.DeKooy, "Lang " + TestApps.UniqueTag()));
        var tooLong = await App.AssertChangesNothingAsync(() =>
            Client.PostAsJsonAsync($"/api/items/{item.Id}/support", new { comment = new string('a', 5000) }, Ct));
        var problem = await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.True(problem.Errors!.ContainsKey("comment"));
    }
}
