using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Wijkbeeld.Bench;

/// <summary>
/// The baseline: a bare ASP.NET Core app with one SignalR hub that sends every message it gets to all clients.
/// Same transport, protocol and payload shape as Wijkbeeld's live updates, without the app around it.
/// </summary>
static class EchoServer
{
    public const string HubPath = "/hubs/echo";
    public const string Method = "echo";

    public static async Task RunAsync(string[] args)
    {
        var urls = "http://127.0.0.1:5099";
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--urls" && i + 1 < args.Length) urls = args[++i];
            else throw new UsageException($"echo-server: unknown argument '{args[i]}'.");
        }
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR();
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        app.MapHub<EchoHub>(HubPath);
        app.MapHealthChecks("/health");
        await app.RunAsync();
    }
}

sealed class EchoHub : Hub
{
    public Task Echo(ChangeMessage message) => Clients.All.SendAsync(EchoServer.Method, message);
}

/// <summary>The shape of Wijkbeeld's <c>change</c> message; the echo hub sends the same shape so the payloads compare.</summary>
sealed record ChangeMessage(
    long Sequence, string Type, int ItemId, string Kind, string Title, string Summary, DateTime At,
    string MunicipalityCode, string? DistrictCode, string? NeighbourhoodCode);
