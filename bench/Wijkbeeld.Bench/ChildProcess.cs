using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Wijkbeeld.Bench;

/// <summary>A server the benchmark started: its output tail, its memory, and a stop that always happens.</summary>
sealed class ChildProcess : IDisposable
{
    static readonly ConcurrentDictionary<int, ChildProcess> Running = new();

    static ChildProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();

    readonly Process process;
    readonly Queue<string> tail = new();
    int lines;

    public string Name { get; }
    public int Id => process.Id;
    public bool HasExited => process.HasExited;
    public int OutputLines => Volatile.Read(ref lines);

    ChildProcess(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment) info.Environment[k] = v;
        var process = new Process { StartInfo = info };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => child.Collect(e.Data);
        process.Start();
        Running[process.Id] = child;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    void Collect(string? line)
    {
        if (line is null) return;
        lock (tail)
        {
            lines++;
            tail.Enqueue(line);
            while (tail.Count > 40) tail.Dequeue();
        }
    }

    public IReadOnlyList<string> Tail()
    {
        lock (tail) return [.. tail];
    }

    /// <summary>Resident memory (VmRSS) in bytes, from /proc.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = line["VmRSS:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                return long.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException($"{Name}: no VmRSS in /proc/{process.Id}/status");
    }

    /// <summary>Polls <paramref name="url"/> until it answers 200, the process dies, or the time is up.</summary>
    public async Task WaitHealthyAsync(Uri url, TimeSpan limit, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new BenchException($"{Name} exited with code {process.ExitCode} before it was healthy.", Tail());
            }
            try
            {
                using var response = await http.GetAsync(url, ct);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(200, ct);
        }
        throw new BenchException($"{Name} was not healthy at {url} within {limit.TotalSeconds:0} s.", Tail());
    }

    /// <summary>SIGTERM, up to 10 s to shut down, then SIGKILL.</summary>
    public void Stop()
    {
        Running.TryRemove(process.Id, out _);
        try
        {
            if (process.HasExited) return;
            _ = Kill(process.Id, SigTerm);
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException) { }
        catch (SystemException e) when (e is System.ComponentModel.Win32Exception or NotSupportedException) { }
    }

    public void Dispose()
    {
        Stop();
        process.Dispose();
    }

    public static void StopAll()
    {
        foreach (var child in Running.Values) child.Stop();
    }

    /// <summary>A free TCP port on the loopback address.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int Kill(int pid, int signal);
}

sealed class BenchException(string message, IReadOnlyList<string>? serverOutput = null) : Exception(message)
{
    public IReadOnlyList<string> ServerOutput { get; } = serverOutput ?? [];
}
