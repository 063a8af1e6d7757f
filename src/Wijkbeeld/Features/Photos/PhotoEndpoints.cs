using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Photos;

public static class PhotoEndpoints
{
    public static IServiceCollection AddPhotosFeature(this IServiceCollection services)
    {
        services.AddOptions<PhotoOptions>().BindConfiguration("Photos");
        services.AddScoped<PhotoStore>();
        return services;
    }

    public static IEndpointRouteBuilder MapPhotoEndpoints(this IEndpointRouteBuilder routes, IOptions<PhotoOptions> options)
    {
        var api = routes.MapGroup("/api").WithTags("Photos");
        // Photos come from people with an account who may write; anyone who may see the item sees its photos.
        api.MapPost("/items/{id:int}/photos", Upload).RequireAuthorization(Accounts.Policies.Writer)
            .WithSummary("Foto toevoegen: de body is het beeld zelf (image/jpeg, image/png of image/webp)")
            // Kestrel's own limit is a backstop just above ours, so the Dutch "too large" answer comes from us.
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(options.Value.MaxBytes + 64 * 1024));
        api.MapGet("/items/{id:int}/photos", List).WithSummary("Foto's van een item");
        api.MapGet("/photos/{id:guid}", Serve).WithName("GetPhoto").WithSummary("Eén foto (JPEG, zonder metadata)");
        return routes;
    }

    public static async Task<Results<Created<PhotoDto>, ProblemHttpResult>> Upload(
        int id, HttpRequest request, PhotoStore photos, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is null || !mediaType.StartsWith("image/", StringComparison.Ordinal))
        {
            return Problems.Status(text, StatusCodes.Status415UnsupportedMediaType, text["Photos.NotAnImage"]);
        }
        var result = await photos.AddAsync(id, request.Body, request.ContentLength, ct);
        return result.Refusal switch
        {
            PhotoRefusal.None => TypedResults.Created(result.Photo!.Url, PhotoDto.From(result.Photo)),
            PhotoRefusal.ItemNotFound => Problems.NotFound(text),
            PhotoRefusal.TooLarge => Problems.Status(text, StatusCodes.Status413PayloadTooLarge, result.Message!),
            PhotoRefusal.TooMany => Problems.Status(text, StatusCodes.Status409Conflict, result.Message!),
            _ => Problems.Status(text, StatusCodes.Status415UnsupportedMediaType, result.Message!),
        };
    }

    public static async Task<IResult> List(int id, PhotoStore photos, IStringLocalizer<Texts> text, CancellationToken ct) =>
        await photos.ForItemAsync(id, ct) is { } list ? TypedResults.Ok(list) : Problems.NotFound(text);

    public static async Task<IResult> Serve(Guid id, PhotoStore photos, HttpResponse response, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (photo, isPublic) = await photos.FindAsync(id, ct);
        var path = photo is null ? null : photos.PathOf(photo);
        if (path is null || !File.Exists(path))
        {
            return Problems.NotFound(text);
        }
        // A photo never changes once stored (a new photo gets a new id): cache it for a year; shared caches only keep public ones.
        response.Headers.CacheControl = (isPublic ? "public" : "private") + ", max-age=31536000, immutable";
        return TypedResults.PhysicalFile(path, "image/jpeg", entityTag: new EntityTagHeaderValue($"\"{photo!.Id:N}\""),
            enableRangeProcessing: true);
    }
}
