using Microsoft.Playwright;
using Wijkbeeld.Tests.Features.Support;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// Two instances of the app, A and B, on two Kestrel ports, sharing one PostgreSQL database and a private
/// redis-server as the SignalR backplane (<c>Realtime:Redis</c>): what happens on one reaches the viewers of the other.
/// Started by the first test that needs it, after the PostgreSQL and redis-server gates.
/// </summary>
public sealed class SeveralServersFixture : IAsyncLifetime
{
    readonly SemaphoreSlim starting = new(1, 1);
    RedisServer? redis;
    WijkbeeldApp? first;
    WijkbeeldApp? second;
    IPlaywright? playwright;
    IBrowser? browser;

    public WijkbeeldApp A => first ?? throw new InvalidOperationException("Not started.");
    public WijkbeeldApp B => second ?? throw new InvalidOperationException("Not started.");
    public IBrowser Browser => browser ?? throw new InvalidOperationException("Not started.");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>Skips (locally) or fails (CI) without PostgreSQL or redis-server; otherwise starts everything once.</summary>
    public async Task StartAsync()
    {
        PostgresGate.Require();
        RedisServer.Require();
        await starting.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (browser is not null)
            {
                return;
            }
            redis = await RedisServer.StartAsync(TestContext.Current.CancellationToken);
            var realtime = new Dictionary<string, string?> { ["Realtime:Redis"] = redis.Endpoint };
            // A creates the database, migrates it and loads the sample; then B joins the same database.
            first = Start(new WijkbeeldApp(Provider.Postgres, realtime));
            second = Start(WijkbeeldApp.SharingDatabaseOf(first, realtime));
            playwright = await Playwright.CreateAsync();
            browser = await BrowserFixture.LaunchChromiumAsync(playwright);
        }
        finally
        {
            starting.Release();
        }
    }

    static WijkbeeldApp Start(WijkbeeldApp app)
    {
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
        // B first: A owns the database and drops it.
        if (second is not null)
        {
            await second.DisposeAsync();
        }
        if (first is not null)
        {
            await first.DisposeAsync();
        }
        if (redis is not null)
        {
            await redis.DisposeAsync();
        }
        starting.Dispose();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class SeveralServersTests(SeveralServersFixture servers) : IClassFixture<SeveralServersFixture>, IAsyncDisposable
{
    readonly List<IBrowserContext> contexts = [];

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_map_on_server_B_shows_an_item_added_and_then_changed_on_server_A_within_a_second()
    {
        await servers.StartAsync();
        var apiA = await servers.A.CreateClientAsAsync(Roles.Professional);
        var place = Places.DonkereDuinen;
        var moved = place.Nearby();
        var tag = TestApps.UniqueTag();
        var title = $"Strandhuisje {tag}";
        Assert.Equal(servers.A.ClientOptions.BaseAddress.Host, servers.B.ClientOptions.BaseAddress.Host);
        Assert.NotEqual(servers.A.ClientOptions.BaseAddress.Port, servers.B.ClientOptions.BaseAddress.Port);

        var context = await BrowserFixture.NewContextAsync(servers.Browser, servers.B.ClientOptions.BaseAddress, BrowserFixture.Phone, phone: true);
        contexts.Add(context);
        var onB = await LiveBrowserTest.GotoLiveAsync(await context.NewPageAsync(), LiveBrowserTest.MapPath(place));
        await LiveBrowserTest.WaitForMapViewAsync(onB);

        ItemShape item = null!;
        await LiveBrowserTest.ExpectLiveAfterAsync("toegevoegd op A, gezien op B", [onB], LiveBrowserTest.MarkerAndRowShown,
            new { title, lat = place.Latitude, lon = place.Longitude }, async () =>
            {
                item = await apiA.CreateItemAsync(NewItem.At(place, title) with { Kind = "voorziening" });
                return LiveWatch.Now();
            });
        await LiveBrowserTest.ExpectLiveAfterAsync("gewijzigd op A, gezien op B", [onB], LiveBrowserTest.MarkerAndRowChanged,
            new { title = title + " (verplaatst)", lat = moved.Latitude, lon = moved.Longitude, oldTitle = title }, async () =>
            {
                var edit = item.ToInput() with { Title = title + " (verplaatst)", Latitude = moved.Latitude, Longitude = moved.Longitude };
                await (await apiA.PutItemAsync(item.Id, edit, "\"1\"")).ReadOkAsync<ItemShape>();
                return LiveWatch.Now();
            });
        await Expect(onB.Locator("#live-announcer")).ToHaveTextAsync($"{BrowserFixture.DutchText(servers.B.Services, "Live.Updated")}: {title} (verplaatst)");
        // B reads the same database: its own API has the change too.
        Assert.Equal(title + " (verplaatst)", (await servers.B.CreateClient().GetItemAsync(item.Id)).Title);
    }

    [Fact]
    public async Task A_live_client_on_one_server_receives_the_public_changes_made_on_the_other()
    {
        await servers.StartAsync();
        var apiA = await servers.A.CreateClientAsAsync(Roles.Professional);
        var apiB = await servers.B.CreateClientAsAsync(Roles.Professional);
        await using var onB = await LiveClient.ConnectAsync(servers.B.ClientOptions.BaseAddress, Ct);
        await using var onA = await LiveClient.ConnectAsync(servers.A.ClientOptions.BaseAddress, Ct);
        var tag = TestApps.UniqueTag();

        // One database: both servers know the same newest change.
        var latest = await onB.FollowAsync("GM0400", Ct);
        Assert.Equal(latest, await onA.FollowAsync("GM0400", Ct));
        Assert.Equal(latest, await apiA.LatestSequenceAsync());

        // Partners-only on A: not sent to the public on B; then a public item on A arrives on B within a second, alone.
        await apiA.CreateItemAsync(NewItem.At(Places.Centrum, $"Alleen partners {tag}") with { Visibility = "partners" });
        var fromA = await apiA.CreateItemAsync(NewItem.At(Places.Centrum, $"Van A {tag}"));
        var respondedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var (change, receivedAt) = await onB.WaitForAsync(c => c.ItemId == fromA.Id, TimeSpan.FromSeconds(10), Ct);
        AssertWithinPromise(respondedAt, receivedAt, "A → B");
        Assert.Equal(("created", fromA.Title, "GM0400"), (change.Type, change.Title, change.MunicipalityCode));
        Assert.True(change.Sequence > latest);
        Assert.Equal([fromA.Id], onB.Received.Select(c => c.ItemId));

        // And the other way round.
        var fromB = await apiB.CreateItemAsync(NewItem.At(Places.Willemsoord, $"Van B {tag}"));
        respondedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        (change, receivedAt) = await onA.WaitForAsync(c => c.ItemId == fromB.Id, TimeSpan.FromSeconds(10), Ct);
        AssertWithinPromise(respondedAt, receivedAt, "B → A");
        Assert.Equal([fromA.Id, fromB.Id], onA.Received.Select(c => c.ItemId));
    }

    static void AssertWithinPromise(long respondedAt, long receivedAt, string what)
    {
        var delay = receivedAt > respondedAt ? System.Diagnostics.Stopwatch.GetElapsedTime(respondedAt, receivedAt) : TimeSpan.Zero;
        TestContext.Current.TestOutputHelper?.WriteLine($"{what}: {delay.TotalMilliseconds:0} ms");
        Assert.True(delay < LiveWatch.Promise, $"{what}: the change arrived {delay.TotalMilliseconds:0} ms after the response.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }
}
