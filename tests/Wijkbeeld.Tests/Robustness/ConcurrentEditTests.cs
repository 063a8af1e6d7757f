using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Activity;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Robustness;

[Collection(RobustnessCollection.Name)]
public sealed class ConcurrentEditSqliteTests() : ConcurrentEditTests(Provider.Sqlite);

[Collection(RobustnessCollection.Name)]
public sealed class ConcurrentEditPostgresTests : ConcurrentEditTests
{
    public ConcurrentEditPostgresTests() : base(Provider.Postgres) => PostgresGate.Require();
}

/// <summary>
/// Twenty clients change the same item at the same moment, each with the same If-Match: exactly one wins each
/// round, the others are told 409 (never 500), and the version and the log count exactly the accepted changes.
/// </summary>
public abstract class ConcurrentEditTests(Provider provider)
{
    const int Clients = 20;
    const int Rounds = 6;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Of_twenty_simultaneous_edits_with_the_same_version_exactly_one_wins()
    {
        using var app = new WijkbeeldApp(provider);
        app.UseKestrel(0);
        app.StartServer();
        var clients = Enumerable.Range(0, Clients)
            .Select(_ => new HttpClient(new SocketsHttpHandler()) { BaseAddress = app.ClientOptions.BaseAddress })
            .ToList();
        var account = await app.CreateAccountAsync(Roles.Professional);
        foreach (var client in clients)
        {
            await client.SignInAsync(account);
        }
        try
        {
            var tag = TestApps.UniqueTag();
            var item = await clients[0].CreateItemAsync(NewItem.At(Places.Centrum, tag));
            // Open every client's connection first, so the edits leave together.
            await Task.WhenAll(clients.Select(c => c.GetAsync($"/api/items/{item.Id}", Ct)));

            var version = item.Version;
            var unavailable = 0;
            var winners = new List<string>();
            for (var round = 1; round <= Rounds; round++)
            {
                var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var expected = version;
                var edits = clients.Select((client, k) => Task.Run(async () =>
                {
                    var title = $"{tag} ronde {round} klant {k}";
                    await start.Task;
                    var response = await client.PutItemAsync(item.Id, item.ToInput() with { Title = title, Status = "verkend" }, $"\"{expected}\"");
                    return (Title: title, Response: response, Body: await response.Content.ReadAsStringAsync(Ct));
                }, Ct)).ToList();
                start.SetResult();
                var results = await Task.WhenAll(edits);

                var statuses = results.GroupBy(r => (int)r.Response.StatusCode).ToDictionary(g => g.Key, g => g.Count());
                var described = $"round {round}: " + string.Join(", ", statuses.Select(s => $"{s.Value}x {s.Key}"));
                Assert.True(statuses.Keys.All(s => s is 200 or 409 or 503), described);
                Assert.True(statuses.GetValueOrDefault(200) == 1, "Exactly one edit must win; " + described);
                unavailable += statuses.GetValueOrDefault(503);
                foreach (var (_, response, body) in results.Where(r => r.Response.StatusCode != HttpStatusCode.OK))
                {
                    Assert.Null(ProblemTitles.Check(response, body));
                    if (response.StatusCode == HttpStatusCode.Conflict)
                    {
                        // The refusal carries the version that won, so the client can show it.
                        var current = JsonSerializer.Deserialize<ProblemShape>(body, JsonSerializerOptions.Web)!.Current;
                        Assert.True(current?.Version == expected + 1, $"{described}; 409 with current version {current?.Version}");
                    }
                }
                var winner = results.Single(r => r.Response.StatusCode == HttpStatusCode.OK);
                Assert.Equal($"\"{expected + 1}\"", winner.Response.ETag());
                winners.Add(winner.Title);
                version = expected + 1;
            }

            var stored = await clients[0].GetItemAsync(item.Id);
            Assert.Equal(item.Version + Rounds, stored.Version);
            Assert.Equal(winners[^1], stored.Title);
            var (edited, updated) = await app.WithDbAsync(async db => (
                await db.ItemUpdates.CountAsync(u => u.ItemId == item.Id && u.Type == ItemUpdateType.Edited, Ct),
                await db.ItemChanges.CountAsync(c => c.ItemId == item.Id && c.Type == ChangeType.Updated, Ct)));
            Assert.Equal(Rounds, edited);
            Assert.Equal(Rounds, updated);
            Assert.Equal(Rounds, stored.Updates!.Count(u => u.Type == "edited"));
            Assert.Empty(await app.WithDbAsync(db => db.FindHalfStoredAsync(Ct)));

            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{provider}: {Rounds} rounds of {Clients} simultaneous edits: {Rounds} won, {Rounds * (Clients - 1) - unavailable} got 409, {unavailable} got 503.");
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}
