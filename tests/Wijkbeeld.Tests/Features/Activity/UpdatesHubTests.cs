using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features.Activity;

public sealed class UpdatesHubSqliteTests(SqliteServerApp app) : UpdatesHubTests(app), IClassFixture<SqliteServerApp>;

public sealed class UpdatesHubPostgresTests : UpdatesHubTests, IClassFixture<PostgresServerApp>
{
    public UpdatesHubPostgresTests(PostgresServerApp app) : base(app) => PostgresGate.Require();
}

/// <summary>
/// The live hub (/hubs/updates) with the .NET SignalR client against the real server (Kestrel), as another
/// application would follow the changes: what arrives, what does not, and when.
/// </summary>
public abstract class UpdatesHubTests(SharedApp shared) : AppTests(shared)
{
    /// <summary>How long a change may take to reach a client.</summary>
    static readonly TimeSpan Promise = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for a message that must not come, before looking for the one sent after it.</summary>
    static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    /// <summary>A live client of the app's real address (Kestrel).</summary>
    Task<LiveClient> ConnectAsync() => LiveClient.ConnectAsync(App.ClientOptions.BaseAddress, Ct);

    [Fact]
    public async Task Follow_returns_the_newest_sequence_number()
    {
        await Client.CreateItemAsync(NewItem.At(Places.Centrum, $"Volgnummer {TestApps.UniqueTag()}"));
        await using var live = await ConnectAsync();

        var latest = await live.FollowAsync("GM0400", Ct);

        Assert.Equal(await Client.LatestSequenceAsync(), latest);
        Assert.True(latest > 0);
        // Lower case and spaces are the same municipality.
        Assert.Equal(latest, await live.FollowAsync(" gm0400 ", Ct));
    }

    [Fact]
    public async Task Every_change_to_a_public_item_arrives_within_a_second_as_the_feed_has_it()
    {
        await using var live = await ConnectAsync();
        var followedAt = await live.FollowAsync("GM0400", Ct);
        var tag = TestApps.UniqueTag();

        var created = await TimedAsync(live, () => Client.CreateItemAsync(NewItem.At(Places.Willemsoord, $"Live {tag}") with { Kind = "gebeurtenis", Themes = ["cultuur"] }),
            c => c.Type == "created" && c.Title == $"Live {tag}");
        var item = created.Result;
        var updated = await TimedAsync(live, async () => await (await Client.PutItemAsync(item.Id, item.ToInput() with { Title = $"Live {tag} (verzet)" }, "\"1\"")).ReadOkAsync<ItemShape>(),
            c => c.Type == "updated" && c.ItemId == item.Id);
        var commented = await TimedAsync(live, async () => await (await Client.CommentAsync(item.Id, "Nu op zaterdag.")).ReadOkAsync<ItemShape>(),
            c => c.Type == "commented" && c.ItemId == item.Id);
        var deleted = await TimedAsync(live, async () => (await Client.DeleteItemAsync(item.Id)).StatusCode,
            c => c.Type == "deleted" && c.ItemId == item.Id);

        var changes = new[] { created.Change, updated.Change, commented.Change, deleted.Change };
        Assert.All(changes, c => Assert.True(c.Sequence > followedAt));
        Assert.Equal(changes.Select(c => c.Sequence).Order(), changes.Select(c => c.Sequence));
        Assert.Equal(
            ("gebeurtenis", "GM0400", Places.Willemsoord.DistrictCode, Places.Willemsoord.NeighbourhoodCode),
            (created.Change.Kind, created.Change.MunicipalityCode, created.Change.DistrictCode, created.Change.NeighbourhoodCode));
        Assert.Equal($"Live {tag} (verzet)", updated.Change.Title);
        Assert.Equal("Nu op zaterdag.", commented.Change.Summary);

        // What arrived live is what a client catching up from the feed reads: same numbers, same content
        // (the time to the microsecond: PostgreSQL stores no finer).
        var feed = await Client.ChangesSinceAsync(followedAt);
        Assert.Equal(feed.Select(e => new ChangeShape(e.Sequence, e.Type, e.ItemId, e.Kind, e.Title, e.Summary, ToMicroseconds(e.At),
            e.MunicipalityCode, e.DistrictCode, e.NeighbourhoodCode)), changes.Select(c => c with { At = ToMicroseconds(c.At) }));
        Assert.Equal(changes, live.Received);
    }

    [Fact]
    public async Task Changes_to_items_for_partners_or_one_organisation_do_not_arrive()
    {
        await using var live = await ConnectAsync();
        await live.FollowAsync("GM0400", Ct);
        var tag = TestApps.UniqueTag();

        var partners = await Client.CreateItemAsync(NewItem.At(Places.Centrum, $"Partners {tag}") with { Visibility = "partners" });
        var organisation = await Client.CreateItemAsync(NewItem.At(Places.Centrum, $"Organisatie {tag}") with
        {
            Visibility = "organisatie", OwnerOrganisation = "Wijkteam",
        });
        await (await Client.PutItemAsync(partners.Id, partners.ToInput() with { Title = $"Partners {tag} (bijgewerkt)" }, "\"1\"")).ReadOkAsync<ItemShape>();
        await (await Client.CommentAsync(organisation.Id, "Intern.")).ReadOkAsync<ItemShape>();
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteItemAsync(partners.Id)).StatusCode);

        // Nothing within the time a change takes to arrive ...
        Assert.Empty(await live.DrainAsync(Quiet, Ct));
        // ... and a public change made after them arrives alone: the connection works, the others were never sent.
        var open = await Client.CreateItemAsync(NewItem.At(Places.Centrum, $"Openbaar {tag}"));
        var (change, _) = await live.WaitForAsync(c => c.ItemId == open.Id, Promise, Ct);
        Assert.Equal("created", change.Type);
        Assert.Equal([open.Id], live.Received.Select(c => c.ItemId));
    }

    [Fact]
    public async Task Follow_with_a_bad_municipality_code_is_refused_and_delivers_nothing()
    {
        await using var live = await ConnectAsync();

        foreach (var code in new[] { "Amsterdam", "", "0400", "GM", "WK040001", "BU04000101", "GM04000000001" })
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => live.FollowAsync(code, Ct));
            Assert.Contains("Onbekende gemeente.", refused.Message);
        }

        await Client.CreateItemAsync(NewItem.At(Places.Centrum, $"Niet voor mij {TestApps.UniqueTag()}"));
        Assert.Empty(await live.DrainAsync(Quiet, Ct));
        // The connection itself is still usable.
        Assert.True(await live.FollowAsync("GM0400", Ct) > 0);
    }

    [Fact]
    public async Task A_client_that_follows_nothing_receives_nothing()
    {
        await using var live = await ConnectAsync();

        await Client.CreateItemAsync(NewItem.At(Places.Centrum, $"Ongevolgd {TestApps.UniqueTag()}"));

        Assert.Empty(await live.DrainAsync(Quiet, Ct));
    }

    static DateTime ToMicroseconds(DateTime at) => new(at.Ticks - at.Ticks % 10, DateTimeKind.Utc);

    /// <summary>Runs a write and waits for its change; checks it arrived within the promise, counted from the write's response.</summary>
    async Task<(T Result, ChangeShape Change)> TimedAsync<T>(LiveClient live, Func<Task<T>> write, Func<ChangeShape, bool> match)
    {
        var result = await write();
        var respondedAt = Stopwatch.GetTimestamp();
        var (change, receivedAt) = await live.WaitForAsync(match, TimeSpan.FromSeconds(10), Ct);
        // It may even arrive before the response (the server sends it first); otherwise within the promise.
        var delay = receivedAt > respondedAt ? Stopwatch.GetElapsedTime(respondedAt, receivedAt) : TimeSpan.Zero;
        Assert.True(delay < Promise, $"The {change.Type} change arrived {delay.TotalMilliseconds:0} ms after the response.");
        TestContext.Current.TestOutputHelper?.WriteLine($"{change.Type}: {delay.TotalMilliseconds:0} ms");
        return (result, change);
    }
}
