using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticAssets;
using Scalar.AspNetCore;

namespace Wijkbeeld.Infrastructure.Web;

public static class WebExtensions
{
    public static WebApplicationBuilder AddWijkbeeldWeb(this WebApplicationBuilder builder)
    {
        // Serve the build's (pre-compressed, fingerprinted) assets in every environment, not only Development,
        // so `dotnet run` behaves like a published app.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.ConfigureFilter(new NoHandlerIsBadRequest());
                // Every page that imports or edits figures is for coordinators and administrators.
                o.Conventions.AuthorizeFolder("/Profile/Admin", Features.Accounts.Policies.Moderator);
            })
            .AddViewLocalization()
            // No form here uses jQuery's a[b] names; that binder throws (500) on a posted key like "a[".
            .AddMvcOptions(o =>
            {
                var jQuery = o.ValueProviderFactories.Where(f => f is Microsoft.AspNetCore.Mvc.ModelBinding.JQueryFormValueProviderFactory
                    or Microsoft.AspNetCore.Mvc.ModelBinding.JQueryQueryStringValueProviderFactory).ToList();
                jQuery.ForEach(f => o.ValueProviderFactories.Remove(f));
            });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Customize);
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<Data.WijkbeeldDb>();
        services.AddSingleton(TimeProvider.System);
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/geo+json", "text/csv", "image/svg+xml"]);
        });
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.MaxDepth = 32);
        return builder;
    }

    public static WebApplication UseWijkbeeldWeb(this WebApplication app)
    {
        // The API answers errors with problem details; people in a browser get a Dutch error page.
        app.UseWhen(c => IsApi(c), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/fout/500", StatusCodeSelector = StatusFor });
            pages.UseStatusCodePagesWithReExecute("/fout/{0}");
        });
        app.UseRouting();
        // Who is asking is known before the cache, the limits and the endpoints: the output cache never serves
        // a signed-in request (its default policy), and authorization runs before a cached answer could.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        // Static assets come pre-compressed from the build; compress only what is rendered per request.
        app.UseWhen(c => c.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null, b => b.UseResponseCompression());
        app.UseOutputCache();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("nl-NL"),
            SupportedCultures = [new CultureInfo("nl-NL")],
            SupportedUICultures = [new CultureInfo("nl-NL"), new CultureInfo("en")],
        });
        var tiles = app.Configuration.GetValue<string>("Map:TileUrl") ?? new Features.Map.MapOptions().TileUrl;
        var tileOrigin = Uri.TryCreate(tiles.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var tileUri)
            ? tileUri.GetLeftPart(UriPartial.Authority) : "";
        var contentSecurityPolicy = $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: {tileOrigin}; " +
            "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            // No inline script anywhere: scripts come from this site only. The API reference page brings its own inline setup.
            if (!context.Request.Path.StartsWithSegments("/api/docs"))
            {
                headers.ContentSecurityPolicy = contentSecurityPolicy;
            }
            await next();
        });
        app.UseBenchBaseline();
        app.MapStaticAssets();
        app.MapOpenApi();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Wijkbeeld API"));
        app.MapHealthChecks("/health");
        return app;
    }

    /// <summary>
    /// Only for <c>bench/run map</c>, off unless <c>Bench:StaticRoot</c> names a folder: its files as plain static files
    /// under <c>/bench/</c>, through this same server and middleware, as the baseline the map reads are measured
    /// against. A file NAME.br or NAME.gz is the GeoJSON answer as it went over the wire, sent with its Content-Encoding
    /// (so the compression middleware leaves it alone, as it leaves pre-compressed assets).
    /// </summary>
    static void UseBenchBaseline(this WebApplication app)
    {
        if (app.Configuration["Bench:StaticRoot"] is not { Length: > 0 } root)
        {
            return;
        }
        var types = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
        foreach (var ext in new[] { ".br", ".gz", ".geojson" })
        {
            types.Mappings[ext] = "application/geo+json; charset=utf-8";
        }
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/bench",
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetFullPath(root)),
            ContentTypeProvider = types,
            OnPrepareResponse = c =>
            {
                var ext = Path.GetExtension(c.File.Name);
                if (ext == ".br") c.Context.Response.Headers.ContentEncoding = "br";
                else if (ext == ".gz") c.Context.Response.Headers.ContentEncoding = "gzip";
            },
        });
    }

    /// <summary>
    /// A database that is down or busy is a temporary condition (503), not a bug (500): nothing was stored.
    /// A request body Kestrel refuses while a handler reads it (over the size limit, cut off) keeps its own 4xx.
    /// </summary>
    static int StatusFor(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode
        : exception is DbException or TimeoutException || exception.InnerException is DbException or TimeoutException
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status500InternalServerError;

    /// <summary>
    /// Reads a form body; null when it is malformed (no or a wrong multipart boundary, cut off, over a form limit),
    /// which is the client's mistake (400). A body over the request size limit still throws, and answers 413.
    /// </summary>
    public static async Task<IFormCollection?> ReadFormOrNullAsync(this HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && e is not BadHttpRequestException)
        {
            return null;
        }
    }

    /// <summary>
    /// A POST (or other non-GET) that a page has no handler for, such as POST / or ?handler=Unknown, is a bad request.
    /// Otherwise Razor Pages renders the page without running a handler, so without its data, and it fails (500).
    /// </summary>
    sealed class NoHandlerIsBadRequest : Microsoft.AspNetCore.Mvc.Filters.IPageFilter
    {
        public void OnPageHandlerSelected(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
        {
            var method = context.HttpContext.Request.Method;
            if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
            {
                context.Result = new Microsoft.AspNetCore.Mvc.BadRequestResult();
            }
        }

        public void OnPageHandlerExecuted(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutedContext context)
        {
        }
    }

    static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/health") ||
        context.Request.Path.StartsWithSegments("/openapi");
}
