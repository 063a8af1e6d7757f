using System.Diagnostics;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Robustness;

/// <summary>
/// PostgreSQL stops under a running server (a private instance, not the shared one): the app says so in Dutch with
/// 503, never 500, and recovers by itself when the database is back, with nothing acknowledged lost.
/// Needs root and the PostgreSQL server binaries; skipped without them, except on CI (CI=true), where it fails.
/// </summary>
[Collection(RobustnessCollection.Name)]
public sealed class DatabaseGoneTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_PostgreSQL_stops_the_app_answers_503_in_Dutch_and_recovers_by_itself()
    {
        var bin = PrivatePostgres.RequireBinaries();
        using var postgres = await PrivatePostgres.StartNewAsync(bin);
        using var server = await AppProcess.StartAsync(Provider.Postgres, postgres.ConnectionString);
        using var client = await server.FirstAdministratorAsync(Provider.Postgres, postgres.ConnectionString);
        var tag = TestApps.UniqueTag();

        var before = new List<ItemShape>();
        for (var i = 0; i < 5; i++)
        {
            before.Add(await client.CreateItemAsync(NewItem.At(Places.Willemsoord, $"{tag} voor de storing {i}")));
        }
        var changed = before[0];
        var edit = await client.PutItemAsync(changed.Id, changed.ToInput() with { Title = changed.Title + " gewijzigd" }, $"\"{changed.Version}\"");
        before[0] = await edit.ReadOkAsync<ItemShape>();
        Assert.Contains(before[0].Id, (await client.AllItemsAsync("?q=" + tag)).Select(i => i.Id));
        await client.GetPageAsync("/");

        await postgres.StopImmediateAsync();

        var health = await client.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync(Ct));

        var list = await client.GetAsync("/api/items", Ct);
        await list.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, DutchTitles.Unavailable);
        var create = await client.PostItemAsync(NewItem.At(Places.Centrum, tag + " tijdens de storing"));
        await create.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, DutchTitles.Unavailable);
        var update = await client.PutItemAsync(before[1].Id, before[1].ToInput() with { Title = "tijdens de storing" }, $"\"{before[1].Version}\"");
        await update.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, DutchTitles.Unavailable);

        var pages = new[] { "/", $"/items/{before[2].Id}", "/items/new" };
        foreach (var page in pages)
        {
            var html = Html.Text(await client.GetPageAsync(page, HttpStatusCode.ServiceUnavailable));
            Assert.Contains("Even niet beschikbaar", html);
            Assert.Contains("Er is niets verloren gegaan", html);
            Assert.DoesNotContain("Exception", html);
        }

        await postgres.StartAsync();

        // No restart of the app: it must find the database again by itself.
        var clock = Stopwatch.StartNew();
        var failuresWhileRecovering = new Dictionary<int, int>();
        while (true)
        {
            var healthy = await client.GetAsync("/health", Ct);
            var items = healthy.IsSuccessStatusCode ? await client.GetAsync("/api/items?q=" + tag, Ct) : healthy;
            if (items.IsSuccessStatusCode)
            {
                break;
            }
            Assert.True((int)items.StatusCode == 503, $"{(int)items.StatusCode} while recovering: {await items.Content.ReadAsStringAsync(Ct)}");
            failuresWhileRecovering[(int)items.StatusCode] = failuresWhileRecovering.GetValueOrDefault((int)items.StatusCode) + 1;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"Not recovered after a minute.\n{server.RecentOutput}");
            await Task.Delay(200, Ct);
        }
        var recoveredAfter = clock.Elapsed;

        Assert.Equal("Healthy", await client.GetStringAsync("/health", Ct));
        foreach (var item in before)
        {
            var stored = await client.GetItemAsync(item.Id);
            Assert.Equal(item.Title, stored.Title);
            Assert.Equal(item.Version, stored.Version);
        }
        Assert.Equal(before.Count, (await client.AllItemsAsync("?q=" + tag)).Count);
        await client.CreateItemAsync(NewItem.At(Places.Centrum, tag + " na de storing"));
        await client.GetPageAsync("/");

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"PostgreSQL stopped: /health, 3 API calls and {pages.Length} pages answered 503 (none 500). " +
            $"Recovered {recoveredAfter.TotalSeconds:F1} s after PostgreSQL came back, without a restart; 503 while recovering: " +
            $"{failuresWhileRecovering.GetValueOrDefault(503)}; all {before.Count} items acknowledged before the outage found unchanged.");
    }
}
