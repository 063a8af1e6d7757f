using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Wijkbeeld.Bench;

/// <summary>
/// The map baseline: a bare Kestrel app that serves files from one folder. The map benchmark stores each
/// GeoJSON response exactly as it came over the wire (already compressed); a file NAME.br or NAME.gz is sent
/// with Content-Encoding br or gzip, so the client gets the same bytes Wijkbeeld sent, without any work per request.
/// </summary>
static class StaticServer
{
    public static async Task RunAsync(string[] args)
    {
        string urls = "http://127.0.0.1:5098", root = Environment.CurrentDirectory;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--urls" && i + 1 < args.Length) urls = args[++i];
            else if (args[i] == "--root" && i + 1 < args.Length) root = Path.GetFullPath(args[++i]);
            else throw new UsageException($"static-server: unknown argument '{args[i]}'.");
        }
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".br"] = "application/geo+json";
        types.Mappings[".gz"] = "application/geo+json";
        types.Mappings[".geojson"] = "application/geo+json";
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            ContentTypeProvider = types,
            OnPrepareResponse = c =>
            {
                var ext = Path.GetExtension(c.File.Name);
                if (ext == ".br") c.Context.Response.Headers.ContentEncoding = "br";
                else if (ext == ".gz") c.Context.Response.Headers.ContentEncoding = "gzip";
            },
        });
        app.MapGet("/health", () => "ok");
        await app.RunAsync();
    }
}
