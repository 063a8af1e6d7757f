using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Wijkbeeld.Tests.Features.Support;

/// <summary>
/// A private redis-server (Debian's /usr/bin/redis-server) on a free loopback port, without persistence,
/// for the SignalR backplane between several app instances. Killed on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string ServerPath = "/usr/bin/redis-server";

    readonly Process process;
    readonly StringBuilder output = new();

    RedisServer(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>host:port, the value for <c>Realtime:Redis</c>.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>Skips the test when redis-server is missing, or fails it on CI (<c>CI=true</c>), like <see cref="PostgresGate"/>.</summary>
    public static void Require() => Gate.Require(
        File.Exists(ServerPath),
        $"{ServerPath} is missing: the tests with several servers must run on CI (.ci/run installs redis-server).",
        $"The tests with several servers need {ServerPath} (apt-get install -y redis-server).");

    public static async Task<RedisServer> StartAsync(CancellationToken ct)
    {
        Require();
        var port = FreePort();
        var start = new ProcessStartInfo(ServerPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes" })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{ServerPath} did not start.");
        var redis = new RedisServer(process, port);
        process.OutputDataReceived += (_, e) => redis.Log(e.Data);
        process.ErrorDataReceived += (_, e) => redis.Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await redis.WaitUntilReadyAsync(ct);
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
        return redis;
    }

    void Log(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    /// <summary>Waits until the server answers PING with PONG.</summary>
    async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with {process.ExitCode}: {Output}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, ct);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray(), ct);
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer, ct);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
            }
            if (deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"redis-server on port {Port} did not answer within 10 s: {Output}");
            }
            await Task.Delay(50, ct);
        }
    }

    string Output
    {
        get { lock (output) return output.ToString(); }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
