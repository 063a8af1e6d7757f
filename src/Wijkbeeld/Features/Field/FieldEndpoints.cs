using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Field;

public sealed record SupportInput
{
    public string? Comment { get; init; }
    public string? Author { get; init; }
}

public sealed record SupportResult(int ItemId, int SupportCount);

public sealed record NearbyResult(int RadiusMetres, IReadOnlyList<NearbyItem> Items);

/// <summary>Working in the field: the duplicate check, "steun dit", and the service worker script.</summary>
public static class FieldEndpoints
{
    public const int MaxRadiusMetres = 1000;
    /// <summary>Room for the fixed words around a supporter's comment in the log line.</summary>
    public const int SupportCommentMaxLength = ItemRules.DescriptionMaxLength - 100;

    public static IServiceCollection AddFieldFeature(this IServiceCollection services)
    {
        services.AddOptions<FieldOptions>().BindConfiguration("Field");
        services.AddScoped<DuplicateCheck>();
        services.AddHostedService<IdempotencyCleanup>();
        return services;
    }

    /// <summary>Idempotency runs after routing (so endpoint size limits apply) and before every API endpoint.</summary>
    public static WebApplication UseFieldFeature(this WebApplication app)
    {
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }

    public static IEndpointRouteBuilder MapFieldEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Field");
        // Nearby and support see only items the caller may see: the database's visibility filter applies.
        api.MapGet("/items/nearby", Nearby).WithName("NearbyItems")
            .WithSummary("Open items van dezelfde soort dichtbij een plek (controle op dubbele meldingen)");
        // Residents may support without an account, as they may contribute: with the same limit per address.
        api.MapPost("/items/{id:int}/support", Support).WithSummary("Steun een bestaand item (+1, met een optionele opmerking)")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ItemEndpoints.MaxBodyBytes))
            .RequireRateLimiting(Infrastructure.Web.RateLimits.Contributions);
        routes.MapGet("/sw.js", ServiceWorker).ExcludeFromDescription();
        return routes;
    }

    public static async Task<Results<Ok<NearbyResult>, ValidationProblem>> Nearby(
        double? latitude, double? longitude, string? kind, int? radius, DuplicateCheck check, IOptions<FieldOptions> options,
        IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (latitude is not (>= -90 and <= 90) || longitude is not (>= -180 and <= 180))
        {
            errors["location"] = [text["Field.Nearby.PlaceRequired"]];
        }
        if (!ItemCatalog.TryParseKind(kind, out var itemKind))
        {
            errors["kind"] = [text["Field.Nearby.KindRequired"]];
        }
        var metres = radius ?? options.Value.DuplicateRadiusMetres;
        if (metres is < 1 or > MaxRadiusMetres)
        {
            errors["radius"] = [text["Field.Nearby.Radius", MaxRadiusMetres]];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(text, errors);
        }
        var items = await check.FindAsync(itemKind, latitude!.Value, longitude!.Value, metres, ct);
        return TypedResults.Ok(new NearbyResult(metres, items));
    }

    public static async Task<Results<Ok<SupportResult>, ValidationProblem, ProblemHttpResult>> Support(
        int id, SupportInput? input, ItemService items, DuplicateCheck check, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var comment = ItemRules.Clean(input?.Comment);
        var author = ItemRules.Clean(input?.Author);
        var errors = new Dictionary<string, string[]>();
        if (comment is { Length: > SupportCommentMaxLength }) errors["comment"] = [text["Error.TooLong", SupportCommentMaxLength]];
        if (author is { Length: > ItemRules.ShortTextMaxLength }) errors["author"] = [text["Error.TooLong", ItemRules.ShortTextMaxLength]];
        if (errors.Count > 0)
        {
            return Problems.Validation(text, errors);
        }
        var result = await items.SupportAsync(id, comment, author, ct);
        if (result.Outcome == ChangeOutcome.NotFound)
        {
            return Problems.NotFound(text);
        }
        return TypedResults.Ok(new SupportResult(id, await check.SupportCountAsync(id, ct)));
    }

    static readonly Lazy<(string Script, string Version)> Worker = new(LoadWorker);

    /// <summary>
    /// The service worker, with a version that changes whenever any static asset of the build changes (the hash of
    /// the static assets manifest): a new version installs itself and drops the caches of the old one.
    /// </summary>
    static IResult ServiceWorker(HttpResponse response)
    {
        // Browsers check the worker script on every navigation (at most daily); no-cache makes them ask us.
        response.Headers.CacheControl = "no-cache";
        return TypedResults.Text(Worker.Value.Script, "text/javascript", Encoding.UTF8);
    }

    static (string, string) LoadWorker()
    {
        var assembly = typeof(FieldEndpoints).Assembly;
        using var stream = assembly.GetManifestResourceStream("Wijkbeeld.Features.Field.sw.js")
            ?? throw new InvalidOperationException("The service worker script is not embedded.");
        using var reader = new StreamReader(stream);
        var source = reader.ReadToEnd();
        var manifest = Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".staticwebassets.endpoints.json");
        var stamp = File.Exists(manifest) ? File.ReadAllBytes(manifest) : assembly.ManifestModule.ModuleVersionId.ToByteArray();
        var version = Convert.ToHexStringLower(SHA256.HashData([.. stamp, .. Encoding.UTF8.GetBytes(source)]))[..12];
        return (source.Replace("__VERSION__", version, StringComparison.Ordinal), version);
    }
}
