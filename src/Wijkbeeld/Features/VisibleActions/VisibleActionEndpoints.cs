using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Experiments;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Photos;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.VisibleActions;

public static class VisibleActionEndpoints
{
    public static readonly string[] CsvColumns =
        ["id", "gebied", "titel", "doel", "eigenaar", "partners", "datum", "status", "evaluatie", "breedtegraad", "lengtegraad", "zichtbaarheid"];

    public static IServiceCollection AddVisibleActionsFeature(this IServiceCollection services)
    {
        services.AddScoped<VisibleActionRules>();
        services.AddScoped<VisibleActionService>();
        return services;
    }

    public static IEndpointRouteBuilder MapVisibleActionEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("VisibleActions");
        api.MapGet("/visible-actions", List).WithSummary("Zichtbare acties, met filters op gebied, status en maand (jjjj-mm)");
        api.MapGet("/visible-actions.csv", Csv).WithSummary("Zichtbare acties als CSV (dezelfde filters)");
        api.MapGet("/visible-actions.geojson", GeoJson).WithSummary("Zichtbare acties met een plek, als GeoJSON voor de kaartlaag");
        api.MapGet("/visible-actions/{id:int}", Get).WithSummary("Eén zichtbare actie");
        api.MapPost("/visible-actions", Create).WithSummary("Zichtbare actie toevoegen").RequireAuthorization(Policies.Writer);
        api.MapPut("/visible-actions/{id:int}", Update).WithSummary("Zichtbare actie wijzigen (ook status en evaluatie), met If-Match").RequireAuthorization(Policies.Writer);
        api.MapDelete("/visible-actions/{id:int}", Delete).WithSummary("Zichtbare actie verwijderen").RequireAuthorization(Policies.Writer);
        var maxBytes = routes.ServiceProvider.GetRequiredService<IOptions<PhotoOptions>>().Value.MaxBytes;
        api.MapPut("/visible-actions/{id:int}/photo", UploadPhoto).RequireAuthorization(Policies.Writer)
            .WithSummary("Foto bij de evaluatie: de body is het beeld zelf (image/jpeg, image/png of image/webp); vervangt de vorige")
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes + 64 * 1024));
        api.MapGet("/visible-actions/{id:int}/photo", Photo).WithSummary("De foto bij de evaluatie (JPEG, zonder metadata)");
        return routes;
    }

    static async Task<Results<Ok<List<ActionDto>>, ValidationProblem>> List(string? area, string? status, string? month,
        VisibleActionService actions, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (filter, errors) = await actions.ParseAsync(area, status, month, ct);
        if (filter is null) return Problems.Validation(text, errors);
        return TypedResults.Ok((await actions.ListAsync(filter, ct)).Select(ActionDto.From).ToList());
    }

    static async Task<IResult> GeoJson(string? area, string? status, string? month, VisibleActionService actions, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (filter, errors) = await actions.ParseAsync(area, status, month, ct);
        if (filter is null) return Problems.Validation(text, errors);
        var rows = (await actions.ListAsync(filter, ct)).Where(a => a.Latitude is not null && a.Longitude is not null).Select(ActionDto.From);
        var collection = new
        {
            type = "FeatureCollection",
            features = rows.Select(a => new
            {
                type = "Feature", id = a.Id,
                geometry = new { type = "Point", coordinates = new[] { a.Longitude!.Value, a.Latitude!.Value } },
                properties = new { a.Id, a.Title, a.Goal, a.Owner, a.Date, a.Status, statusName = text["Actions.Status." + a.Status].Value, url = $"/acties/{a.Id}" },
            }),
        };
        return TypedResults.Json(collection, System.Text.Json.JsonSerializerOptions.Web, "application/geo+json");
    }

    static async Task<IResult> Csv(HttpContext http, string? area, string? status, string? month, VisibleActionService actions,
        IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (filter, errors) = await actions.ParseAsync(area, status, month, ct);
        if (filter is null) return Problems.Validation(text, errors);
        var rows = await actions.ListAsync(filter, ct);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"wijkbeeld-acties.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), leaveOpen: true);
        // Escape leading =, +, - and @ so a spreadsheet never runs a cell as a formula.
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        foreach (var column in CsvColumns) csv.WriteField(column);
        await csv.NextRecordAsync();
        foreach (var a in rows)
        {
            object?[] row =
            [
                a.Id, a.AreaCode, a.Title, a.Goal, a.Owner, string.Join("; ", VisibleActionRules.SplitPartners(a.Partners)),
                a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Status, a.Evaluation, a.Latitude, a.Longitude, a.Visibility.Code(),
            ];
            foreach (var field in row) csv.WriteField(field);
            await csv.NextRecordAsync();
        }
        return TypedResults.Empty;
    }

    static async Task<Results<Ok<ActionDto>, ProblemHttpResult>> Get(int id, VisibleActionService actions, HttpResponse response,
        IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (await actions.GetAsync(id, ct) is not { } action) return Problems.NotFound(text);
        response.Headers.ETag = $"\"{action.Version}\"";
        return TypedResults.Ok(ActionDto.From(action));
    }

    static async Task<Results<Created<ActionDto>, ValidationProblem>> Create(ActionInput input, VisibleActionService actions,
        HttpResponse response, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (action, errors) = await actions.CreateAsync(input, ct);
        if (action is null) return Problems.Validation(text, errors);
        response.Headers.ETag = $"\"{action.Version}\"";
        return TypedResults.Created($"/api/visible-actions/{action.Id}", ActionDto.From(action));
    }

    static async Task<Results<Ok<ActionDto>, ValidationProblem, ProblemHttpResult>> Update(int id, ActionInput input,
        [FromHeader(Name = "If-Match")] string? ifMatch, VisibleActionService actions, HttpResponse response, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (!ItemEndpoints.TryParseETag(ifMatch, out var expected))
        {
            return Problems.IfMatchRequired(text);
        }
        var (outcome, action, errors) = await actions.UpdateAsync(id, expected, input, ct);
        switch (outcome)
        {
            case Outcome.NotFound: return Problems.NotFound(text);
            case Outcome.Forbidden: return Problems.Status(text, StatusCodes.Status403Forbidden, text["Actions.NotYours"]);
            case Outcome.Invalid: return Problems.Validation(text, errors);
            case Outcome.Conflict: return Problems.Status(text, StatusCodes.Status409Conflict, text["Problem.Conflict"]);
        }
        response.Headers.ETag = $"\"{action!.Version}\"";
        return TypedResults.Ok(ActionDto.From(action));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Delete(int id, VisibleActionService actions, IStringLocalizer<Texts> text, CancellationToken ct) =>
        await actions.DeleteAsync(id, ct) switch
        {
            Outcome.NotFound => Problems.NotFound(text),
            Outcome.Forbidden => Problems.Status(text, StatusCodes.Status403Forbidden, text["Actions.NotYours"]),
            _ => TypedResults.NoContent(),
        };

    static async Task<Results<Ok<ActionDto>, ProblemHttpResult>> UploadPhoto(int id, HttpRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        VisibleActionService actions, HttpResponse response, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is null || !mediaType.StartsWith("image/", StringComparison.Ordinal))
        {
            return Problems.Status(text, StatusCodes.Status415UnsupportedMediaType, text["Photos.NotAnImage"]);
        }
        int? expected = null;
        if (ifMatch is not null)
        {
            if (!ItemEndpoints.TryParseETag(ifMatch, out var v)) return Problems.IfMatchRequired(text);
            expected = v;
        }
        var (outcome, action, refused) = await actions.SetPhotoAsync(id, expected, request.Body, ct);
        switch (outcome)
        {
            case Outcome.NotFound: return Problems.NotFound(text);
            case Outcome.Forbidden: return Problems.Status(text, StatusCodes.Status403Forbidden, text["Actions.NotYours"]);
            case Outcome.Conflict: return Problems.Status(text, StatusCodes.Status409Conflict, text["Problem.Conflict"]);
            case Outcome.Invalid:
                var status = refused!.Refusal == PhotoRefusal.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status415UnsupportedMediaType;
                return Problems.Status(text, status, refused.Message!);
        }
        response.Headers.ETag = $"\"{action!.Version}\"";
        return TypedResults.Ok(ActionDto.From(action));
    }

    static async Task<IResult> Photo(int id, VisibleActionService actions, PhotoStore photos, HttpResponse response, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var action = await actions.GetAsync(id, ct);
        if (action?.PhotoId is not { } photoId || photos.ExistingPath(photoId) is not { } path) return Problems.NotFound(text);
        // The address carries the photo's id (?v=), so a new photo is a new address; only public actions go into shared caches.
        response.Headers.CacheControl = (action.Visibility == Visibility.Public ? "public" : "private") + ", max-age=31536000, immutable";
        return TypedResults.PhysicalFile(path, "image/jpeg");
    }
}
