using System.Diagnostics;
using System.Globalization;

namespace Wijkbeeld.Bench;

/// <summary>
/// One stretch of sends (warm-up, measurement or hold) and every client's receipt of each of them.
/// Each send carries a title "Bench {tag} {index}" so a receipt finds its send; all times are
/// <see cref="Stopwatch"/> timestamps of this process.
/// </summary>
sealed class Phase(string name, int clients, int capacity)
{
    const string Prefix = "Bench ";

    public string Name { get; } = name;
    public string Tag { get; } = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 3));
    public int Clients { get; } = clients;
    public int Capacity { get; } = capacity;

    /// <summary>Timestamp just before the send (0: not sent).</summary>
    public long[] Sent { get; } = new long[capacity];
    /// <summary>Timestamp when the POST (or the hub invocation) completed.</summary>
    public long[] Completed { get; } = new long[capacity];
    public bool[] Ok { get; } = new bool[capacity];
    /// <summary>Receipt timestamps, client-major: [client * Capacity + index]; 0 = not (yet) received.</summary>
    public long[] Received { get; } = new long[(long)clients * capacity];

    int received;
    int duplicates;
    int failures;
    string? firstFailure;

    public int ReceivedCount => Volatile.Read(ref received);
    public int Duplicates => Volatile.Read(ref duplicates);
    public int Failures => Volatile.Read(ref failures);
    public string? FirstFailure => firstFailure;
    public int OkCount => Ok.Count(ok => ok);
    public long ExpectedDeliveries => (long)OkCount * Clients;

    public string Title(int index) => $"{Prefix}{Tag} {index.ToString("D6", CultureInfo.InvariantCulture)}";

    /// <summary>Called from a client's message handler; false when the title is not one of this phase's.</summary>
    public bool Receive(int client, string? title, long timestamp)
    {
        // "Bench " + 6 hex + " " + 6 digits
        if (title is null || title.Length != Prefix.Length + 6 + 1 + 6 || !title.StartsWith(Prefix, StringComparison.Ordinal) ||
            !title.AsSpan(Prefix.Length, 6).SequenceEqual(Tag) ||
            !int.TryParse(title.AsSpan(Prefix.Length + 7), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ||
            index >= Capacity)
        {
            return false;
        }
        // A connection's handler runs one message at a time, so this slot has one writer.
        ref var slot = ref Received[(long)client * Capacity + index];
        if (slot != 0)
        {
            Interlocked.Increment(ref duplicates);
            return true;
        }
        slot = timestamp;
        Interlocked.Increment(ref received);
        return true;
    }

    public void Fail(string message)
    {
        Interlocked.Increment(ref failures);
        Interlocked.CompareExchange(ref firstFailure, message, null);
    }

    /// <summary>Waits until every client has every successful send, or the time is up.</summary>
    public async Task<bool> DrainAsync(TimeSpan limit, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        var expected = ExpectedDeliveries;
        while (ReceivedCount < expected && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50, ct);
        }
        return ReceivedCount >= expected;
    }

    public PhaseStats Stats()
    {
        var f = (double)Stopwatch.Frequency / 1000;
        var delays = new List<double>((int)Math.Min(ExpectedDeliveries, int.MaxValue));
        var first = new List<double>();
        var last = new List<double>();
        var send = new List<double>();
        long missing = 0;
        for (var i = 0; i < Capacity; i++)
        {
            if (Sent[i] != 0 && Completed[i] != 0)
            {
                send.Add((Completed[i] - Sent[i]) / f);
            }
            if (!Ok[i]) continue;
            long min = long.MaxValue, max = 0;
            for (var c = 0; c < Clients; c++)
            {
                var r = Received[(long)c * Capacity + i];
                if (r == 0)
                {
                    missing++;
                    continue;
                }
                delays.Add((r - Sent[i]) / f);
                min = Math.Min(min, r);
                max = Math.Max(max, r);
            }
            if (max != 0)
            {
                first.Add((min - Sent[i]) / f);
                last.Add((max - Sent[i]) / f);
            }
        }
        return new PhaseStats(
            Sends: Sent.Count(s => s != 0), OkSends: OkCount, Failures: Failures, FirstFailure: FirstFailure,
            Expected: ExpectedDeliveries, Missing: missing, Duplicates: Duplicates,
            Delay: Distribution.Of(delays), FirstReceipt: Distribution.Of(first), LastReceipt: Distribution.Of(last),
            SendTime: Distribution.Of(send));
    }
}

sealed record PhaseStats(
    int Sends, int OkSends, int Failures, string? FirstFailure, long Expected, long Missing, int Duplicates,
    Distribution Delay, Distribution FirstReceipt, Distribution LastReceipt, Distribution SendTime);

/// <summary>Percentiles (nearest rank) of a set of milliseconds.</summary>
sealed record Distribution(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static readonly Distribution Empty = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    public static Distribution Of(List<double> values)
    {
        if (values.Count == 0) return Empty;
        values.Sort();
        double At(double p) => values[Math.Clamp((int)Math.Ceiling(p * values.Count) - 1, 0, values.Count - 1)];
        return new(values.Count, At(0.50), At(0.95), At(0.99), values[^1], values.Average());
    }
}
