using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Robustness;

[Collection(RobustnessCollection.Name)]
public sealed class CrashSafetySqliteTests() : CrashSafetyTests(Provider.Sqlite);

[Collection(RobustnessCollection.Name)]
public sealed class CrashSafetyPostgresTests : CrashSafetyTests
{
    public CrashSafetyPostgresTests() : base(Provider.Postgres) => PostgresGate.Require();
}

/// <summary>
/// The real server in its own process, writing from several clients at once, killed with SIGKILL halfway: after a
/// restart on the same database every acknowledged write is there as acknowledged, and nothing is half-stored.
/// </summary>
public abstract class CrashSafetyTests(Provider provider)
{
    const int Creates = 1000;
    const int Clients = 8;
    const int KillAfterAcknowledged = 450;
    const int UpdateEvery = 5;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What a client was told was stored (or, for an unanswered request, what it tried to store).</summary>
    sealed record Write(int Id, string Title, string Description, double Latitude, int Version);

    [Fact]
    public async Task Every_acknowledged_write_survives_a_SIGKILL_and_none_is_half_stored()
    {
        using var database = new TestDatabase(provider);
        var tag = TestApps.UniqueTag();
        var acknowledged = new ConcurrentDictionary<int, Write>();
        var unanswered = new ConcurrentDictionary<int, Write>();
        var answered = new ConcurrentDictionary<string, int>();
        int next = -1, acknowledgedCreates = 0, acknowledgedUpdates = 0, failedRequests = 0;
        var killNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();

        int sampleMaxId;
        using (var first = await AppProcess.StartAsync(provider, database.ConnectionString))
        {
            await using (var db = database.Open())
            {
                sampleMaxId = await db.Items.IgnoreQueryFilters().MaxAsync(i => i.Id, Ct);
                if (provider == Provider.Sqlite)
                {
                    // What makes a killed process lose no committed write: the write-ahead log.
                    Assert.Equal("wal", (await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").ToListAsync(Ct)).Single());
                }
            }
            using var http = await first.FirstAdministratorAsync(provider, database.ConnectionString);

            async Task ClientAsync(int client)
            {
                var mine = new List<Write>();
                while (!killNow.Task.IsCompleted)
                {
                    var n = Interlocked.Increment(ref next);
                    if (n >= Creates) return;
                    var place = (n % 3) switch { 0 => Places.Centrum, 1 => Places.Willemsoord, _ => Places.Middelzand };
                    var item = NewItem.At(place, $"{tag} {n}") with { Description = $"Schrijver {client}, nummer {n}." };
                    HttpResponseMessage response;
                    try
                    {
                        response = await http.PostItemAsync(item);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref failedRequests);
                        return;
                    }
                    answered.AddOrUpdate(((int)response.StatusCode).ToString(), 1, (_, c) => c + 1);
                    if (response.StatusCode != HttpStatusCode.Created)
                    {
                        continue;
                    }
                    var created = await response.ReadOkAsync<ItemShape>(HttpStatusCode.Created);
                    var write = new Write(created.Id, item.Title!, item.Description!, item.Latitude!.Value, created.Version);
                    acknowledged[created.Id] = write;
                    mine.Add(write);
                    if (Interlocked.Increment(ref acknowledgedCreates) >= KillAfterAcknowledged)
                    {
                        killNow.TrySetResult();
                    }
                    if (n % UpdateEvery != 0) continue;

                    // An update of one of this client's own items: nobody else writes it, so its version is known.
                    var target = mine[n % mine.Count];
                    var change = new Write(target.Id, target.Title + " gewijzigd", target.Description + " Bijgewerkt.", place.Latitude, target.Version + 1);
                    unanswered[target.Id] = change;
                    try
                    {
                        response = await http.PutItemAsync(target.Id, item with { Title = change.Title, Description = change.Description }, $"\"{target.Version}\"");
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref failedRequests);
                        return;
                    }
                    answered.AddOrUpdate("PUT " + (int)response.StatusCode, 1, (_, c) => c + 1);
                    unanswered.TryRemove(target.Id, out _);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        acknowledged[target.Id] = change;
                        mine[mine.IndexOf(target)] = change;
                        Interlocked.Increment(ref acknowledgedUpdates);
                    }
                }
            }

            var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(() => ClientAsync(c), Ct)).ToList();
            await Task.WhenAny(killNow.Task, Task.WhenAll(clients));
            Assert.True(killNow.Task.IsCompleted, $"All clients stopped before the kill: {string.Join(", ", answered)}\n{first.RecentOutput}");
            first.Kill();
            await Task.WhenAll(clients);
        }
        var killedAfter = clock.Elapsed;

        // Restart on the same database.
        using var second = await AppProcess.StartAsync(provider, database.ConnectionString);
        using var client = await second.FirstAdministratorAsync(provider, database.ConnectionString);
        var wrong = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(acknowledged.Values, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (write, ct) =>
        {
            var response = await client.GetAsync($"/api/items/{write.Id}", ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                wrong.Add($"item {write.Id} ({write.Title}): {(int)response.StatusCode} after the restart");
                return;
            }
            var stored = await response.ReadOkAsync<ItemShape>();
            var matches = Matches(stored, write) || (unanswered.TryGetValue(write.Id, out var attempt) && Matches(stored, attempt));
            if (!matches)
            {
                wrong.Add($"item {write.Id}: acknowledged '{write.Title}' v{write.Version}, found '{stored.Title}' v{stored.Version}");
            }
            if (stored.Updates is not { } log || !log.Any(u => u.Type == "created"))
            {
                wrong.Add($"item {write.Id}: no 'created' line in its log");
            }
        });

        await using var check = database.Open();
        var halfStored = await check.FindHalfStoredAsync(Ct, checkVersionsAbove: sampleMaxId);
        var ours = await check.Items.IgnoreQueryFilters().Where(i => i.Title.StartsWith(tag)).Select(i => new { i.Id, i.Title }).ToListAsync(Ct);
        var storedButUnacknowledged = ours.Where(i => !acknowledged.ContainsKey(i.Id)).ToList();
        var anotherCreate = await client.PostItemAsync(NewItem.At(Places.Centrum, tag + " na de herstart"));

        var summary = $"{provider}: killed after {killedAfter.TotalSeconds:F1} s with {acknowledgedCreates} creates and {acknowledgedUpdates} updates " +
                      $"acknowledged ({failedRequests} requests cut off by the kill); after the restart {acknowledged.Count - wrong.Count} of " +
                      $"{acknowledged.Count} acknowledged items found as acknowledged, {storedButUnacknowledged.Count} more stored without an answer; " +
                      $"answers: {string.Join(", ", answered.OrderBy(a => a.Key).Select(a => $"{a.Key}: {a.Value}"))}";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);

        Assert.True(wrong.IsEmpty, $"{summary}\n{string.Join("\n", wrong.Take(30))}");
        Assert.True(halfStored.Count == 0, $"{summary}\nHalf-stored:\n{string.Join("\n", halfStored.Take(30))}");
        Assert.True(storedButUnacknowledged.Count <= Clients, $"{summary}\nMore unacknowledged items than requests in flight.");
        Assert.True(acknowledgedCreates >= KillAfterAcknowledged, summary);
        Assert.Equal(HttpStatusCode.Created, anotherCreate.StatusCode);
    }

    static bool Matches(ItemShape stored, Write write) =>
        stored.Title == write.Title && stored.Description == write.Description && stored.Version == write.Version &&
        Math.Abs(stored.Latitude - write.Latitude) < 1e-9;
}
