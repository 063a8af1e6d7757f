using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features.Field;

public sealed class IdempotencySqliteTests(SqliteApp app) : IdempotencyTests(app), IClassFixture<SqliteApp>;

public sealed class IdempotencyPostgresTests : IdempotencyTests, IClassFixture<PostgresApp>
{
    public IdempotencyPostgresTests(PostgresApp app) : base(app) => PostgresGate.Require();
}

/// <summary>
/// The Idempotency-Key header on creates: what a phone's outbox relies on when it sends again after a dropped
/// connection. One key, one write, the same answer every time, also after a restart.
/// </summary>
public abstract class IdempotencyTests(SharedApp shared) : AppTests(shared)
{
    static HttpRequestMessage Post(string path, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }

    static string NewKey() => Guid.NewGuid().ToString();

    [Fact]
    public async Task The_same_create_sent_twice_with_one_key_makes_one_item_and_answers_the_same()
    {
        var tag = TestApps.UniqueTag();
        var key = NewKey();
        var item = NewItem.At(Places.Kooypunt, "Bankje " + tag);

        var first = await Client.SendAsync(Post("/api/items", item, key), Ct);
        var second = await Client.SendAsync(Post("/api/items", item, key), Ct);

        var created = await first.ReadOkAsync<ItemShape>(HttpStatusCode.Created);
        var replayed = await second.ReadOkAsync<ItemShape>(HttpStatusCode.Created);
        Assert.Equal(created.Id, replayed.Id);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.ETag(), second.ETag());
        Assert.Equal("true", Assert.Single(second.Headers.GetValues("Idempotent-Replayed")));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Single(await Client.AllItemsAsync("?q=" + tag));
    }

    [Fact]
    public async Task A_key_is_remembered_by_another_server_on_the_same_database_as_after_a_restart()
    {
        var tag = TestApps.UniqueTag();
        var key = NewKey();
        var item = NewItem.At(Places.Kooypunt, "Herstart " + tag);
        var account = await App.CreateAccountAsync(Roles.Professional);
        using var first = App.CreateClient();
        await first.SignInAsync(account);
        var created = await (await first.SendAsync(Post("/api/items", item, key), Ct)).ReadOkAsync<ItemShape>(HttpStatusCode.Created);

        // A second app instance has no memory of the first: only the database knows the key.
        using var restarted = WijkbeeldApp.SharingDatabaseOf(App);
        using var client = restarted.CreateClient();
        await client.SignInAsync(account);
        var before = await restarted.StoredCountsAsync();
        var replay = await client.SendAsync(Post("/api/items", item, key), Ct);

        Assert.Equal(created.Id, (await replay.ReadOkAsync<ItemShape>(HttpStatusCode.Created)).Id);
        Assert.Equal(before, await restarted.StoredCountsAsync());
    }

    [Fact]
    public async Task A_comment_sent_twice_with_one_key_is_added_once()
    {
        var item = await Client.CreateItemAsync(NewItem.At(Places.Kooypunt, "Reactie " + TestApps.UniqueTag()));
        var key = NewKey();

        var first = await Client.SendAsync(Post($"/api/items/{item.Id}/comments", new { text = "Lamp is kapot" }, key), Ct);
        var second = await Client.SendAsync(Post($"/api/items/{item.Id}/comments", new { text = "Lamp is kapot" }, key), Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var updates = (await Client.GetItemAsync(item.Id)).Updates!;
        Assert.Single(updates, u => u.Text == "Lamp is kapot");
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_refused_in_Dutch_and_changes_nothing()
    {
        var key = NewKey();
        await (await Client.SendAsync(Post("/api/items", NewItem.At(Places.Kooypunt, "Eerste " + TestApps.UniqueTag()), key), Ct))
            .ReadOkAsync<ItemShape>(HttpStatusCode.Created);

        var response = await App.AssertChangesNothingAsync(() =>
            Client.SendAsync(Post("/api/items", NewItem.At(Places.Kooypunt, "Ander verzoek"), key), Ct));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "Dit verzoek kan niet");
        Assert.Contains("al gebruikt voor een ander verzoek", problem.Detail);
    }

    [Theory]
    [InlineData("met spatie")]
    [InlineData("<101 characters>")]
    public async Task A_bad_key_is_refused_and_changes_nothing(string key)
    {
        if (key == "<101 characters>") key = new string('k', 101);
        var response = await App.AssertChangesNothingAsync(() =>
            Client.SendAsync(Post("/api/items", NewItem.At(Places.Kooypunt, "Slechte sleutel"), key), Ct));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "Het verzoek klopt niet");
        Assert.Contains("Idempotency-Key", problem.Detail);
    }

    [Fact]
    public async Task Requests_with_one_key_at_the_same_time_make_one_item()
    {
        var tag = TestApps.UniqueTag();
        var key = NewKey();
        var item = NewItem.At(Places.Kooypunt, "Tegelijk " + tag);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Client.SendAsync(Post("/api/items", item, key), Ct)));

        // Each answer is the item (first or replay) or "still busy, try again" (409 with Retry-After).
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.NotNull(response.Headers.RetryAfter);
        }
        var ids = new HashSet<int>();
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Conflict))
        {
            ids.Add((await response.ReadOkAsync<ItemShape>(HttpStatusCode.Created)).Id);
        }
        Assert.Single(ids);
        Assert.Single(await Client.AllItemsAsync("?q=" + tag));
    }

    [Fact]
    public async Task A_refused_create_is_replayed_as_refused_and_a_new_key_can_then_succeed()
    {
        var key = NewKey();
        var bad = new NewItem { Title = "" };
        var first = await Client.SendAsync(Post("/api/items", bad, key), Ct);
        var again = await Client.SendAsync(Post("/api/items", bad, key), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await again.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Without_a_key_nothing_changes_two_posts_make_two_items()
    {
        var tag = TestApps.UniqueTag();
        var item = NewItem.At(Places.Kooypunt, "Zonder sleutel " + tag);
        await Client.CreateItemAsync(item);
        await Client.CreateItemAsync(item);
        Assert.Equal(2, (await Client.AllItemsAsync("?q=" + tag)).Count);
    }

    [Fact]
    public async Task A_key_and_its_answer_are_kept_in_the_database()
    {
        var key = NewKey();
        await (await Client.SendAsync(Post("/api/items", NewItem.At(Places.Kooypunt, "Opgeslagen " + TestApps.UniqueTag()), key), Ct))
            .ReadOkAsync<ItemShape>(HttpStatusCode.Created);
        var stored = await App.WithDbAsync(db => db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Key == key, Ct));
        Assert.Equal(201, stored.StatusCode);
        Assert.NotNull(stored.CompletedAt);
    }

    [Fact]
    public async Task An_edit_sent_again_with_its_key_gets_its_own_answer_not_a_conflict()
    {
        var item = await Client.CreateItemAsync(NewItem.At(Places.Kooypunt, "Bewerken " + TestApps.UniqueTag()));
        var key = NewKey();
        HttpRequestMessage Put() => new(HttpMethod.Put, $"/api/items/{item.Id}")
        {
            Content = JsonContent.Create(item.ToInput() with { Title = item.Title + " (nieuw)" }),
            Headers = { { "If-Match", $"\"{item.Version}\"" }, { "Idempotency-Key", key } },
        };

        var first = await (await Client.SendAsync(Put(), Ct)).ReadOkAsync<ItemShape>();
        var again = await Client.SendAsync(Put(), Ct);

        // Without the key the second PUT would be refused (409): its If-Match is one version behind now.
        Assert.Equal(first.Version, (await again.ReadOkAsync<ItemShape>()).Version);
        Assert.Equal(item.Version + 1, (await Client.GetItemAsync(item.Id)).Version);
    }
}
