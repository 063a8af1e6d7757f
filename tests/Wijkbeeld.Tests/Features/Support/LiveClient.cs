using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Wijkbeeld.Tests.Features.Support;

/// <summary>
/// A .NET SignalR client of /hubs/updates, as another app would use it: connects, follows a municipality and
/// collects every "change" it receives, with the time it arrived.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    public const string HubPath = "/hubs/updates";

    readonly HubConnection connection;
    readonly Channel<(ChangeShape Change, long ReceivedAt)> inbox = Channel.CreateUnbounded<(ChangeShape, long)>();
    readonly List<ChangeShape> received = [];

    LiveClient(HubConnection connection)
    {
        this.connection = connection;
        connection.On<ChangeShape>("change", change => inbox.Writer.TryWrite((change, Stopwatch.GetTimestamp())));
    }

    /// <summary>Every change read so far (by <see cref="NextAsync"/> or <see cref="WaitForAsync"/>), in arrival order.</summary>
    public IReadOnlyList<ChangeShape> Received => received;

    public static async Task<LiveClient> ConnectAsync(Uri server, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(server, HubPath)).Build();
        var client = new LiveClient(connection);
        await connection.StartAsync(ct);
        return client;
    }

    /// <summary>Follows a municipality; returns the newest sequence number the server knows.</summary>
    public Task<long> FollowAsync(string municipalityCode, CancellationToken ct) =>
        connection.InvokeAsync<long>("Follow", municipalityCode, ct);

    /// <summary>The next change, or null when none arrives within <paramref name="timeout"/>.</summary>
    public async Task<(ChangeShape Change, long ReceivedAt)?> NextAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(timeout);
        try
        {
            var next = await inbox.Reader.ReadAsync(wait.Token);
            received.Add(next.Change);
            return next;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Reads changes until one matches; fails when none does within <paramref name="timeout"/>. Returns it and when it arrived.</summary>
    public async Task<(ChangeShape Change, long ReceivedAt)> WaitForAsync(Func<ChangeShape, bool> match, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await NextAsync(timeout - clock.Elapsed, ct) is { } next && match(next.Change))
            {
                return next;
            }
        }
        Assert.Fail($"No matching change within {timeout.TotalSeconds:0.#} s. Received: {string.Join("; ", received)}");
        throw new UnreachableException();
    }

    /// <summary>Every change that arrives within <paramref name="period"/> (waits the whole period).</summary>
    public async Task<IReadOnlyList<ChangeShape>> DrainAsync(TimeSpan period, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var got = new List<ChangeShape>();
        while (clock.Elapsed < period && await NextAsync(period - clock.Elapsed, ct) is { } next)
        {
            got.Add(next.Change);
        }
        return got;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
