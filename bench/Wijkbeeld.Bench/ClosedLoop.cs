using System.Diagnostics;

namespace Wijkbeeld.Bench;

/// <summary>What a closed loop measured: latencies (ms) of the requests that ended after the warm-up.</summary>
sealed record LoopResult(List<double> Latencies, int Errors, string? FirstError, double Seconds, int Sent);

/// <summary>
/// Closed loop, used by the map and profile benchmarks: <paramref name="clients"/> clients each send their next request
/// when the previous body is read; none starts after the window; every request that ends after the warm-up counts
/// (also those still running when the window closed, which are waited for), so answers slower than the window still show.
/// </summary>
static class ClosedLoop
{
    public static async Task<LoopResult> RunAsync(HttpClient http, int clients, double warmupSeconds, double seconds,
        Func<int, Uri> url, CancellationToken ct)
    {
        var f = (double)Stopwatch.Frequency;
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmupSeconds * f);
        var end = measureFrom + (long)(seconds * f);
        var counter = 0;
        var errors = 0;
        string? firstError = null;
        var perWorker = await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var latencies = new List<double>();
            long lastDone = 0;
            var buffer = new byte[64 * 1024];
            while (Stopwatch.GetTimestamp() < end)
            {
                ct.ThrowIfCancellationRequested();
                var t = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(url(Interlocked.Increment(ref counter)), HttpCompletionOption.ResponseHeadersRead, ct);
                    await using var s = await response.Content.ReadAsStreamAsync(ct);
                    while (await s.ReadAsync(buffer, ct) > 0) { }
                    if (!response.IsSuccessStatusCode) throw new HttpRequestException($"status {(int)response.StatusCode}");
                }
                catch (Exception e) when (e is HttpRequestException or IOException || e is TaskCanceledException && !ct.IsCancellationRequested)
                {
                    if (Stopwatch.GetTimestamp() >= measureFrom) Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, e.Message, null);
                    continue;
                }
                var done = Stopwatch.GetTimestamp();
                if (done >= measureFrom) latencies.Add((done - t) * 1000 / f);
                lastDone = Math.Max(lastDone, done);
            }
            return (latencies, lastDone);
        }));
        var all = perWorker.SelectMany(l => l.latencies).ToList();
        var took = Math.Max(seconds, (perWorker.Max(l => l.lastDone) - measureFrom) / f);
        return new LoopResult(all, errors, firstError, took, counter);
    }
}
