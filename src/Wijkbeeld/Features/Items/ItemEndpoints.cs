using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Privacy;
using Wijkbeeld.Infrastructure.Caching;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Items;

public static class ItemEndpoints
{
    public const long MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapItemEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Items");

        api.MapGet("/items", ListItems).WithName("ListItems").WithSummary("Items, gefilterd en per pagina").CacheOutput(ReadCache.Items);
        api.MapGet("/items/{id:int}", GetItem).WithName("GetItem").WithSummary("Eén item met zijn logboek").CacheOutput(ReadCache.Items);
        api.MapPost("/items", CreateItem).WithSummary("Nieuw item").WithRequestSizeLimit(MaxBodyBytes).RequireAuthorization(Policies.Writer);
        api.MapPut("/items/{id:int}", UpdateItem).WithSummary("Item wijzigen (met If-Match)").WithRequestSizeLimit(MaxBodyBytes)
            .RequireAuthorization(Policies.Writer);
        api.MapDelete("/items/{id:int}", DeleteItem).WithSummary("Item verwijderen (blijft in het logboek)").RequireAuthorization(Policies.Writer);
        api.MapPost("/items/{id:int}/comments", AddComment).WithSummary("Update aan het logboek toevoegen").WithRequestSizeLimit(MaxBodyBytes)
            .RequireAuthorization(Policies.Writer);
        api.MapGet("/items.geojson", ItemExport.GeoJson).WithSummary("Items als GeoJSON FeatureCollection (RFC 7946)").CacheOutput(ReadCache.Items);
        api.MapGet("/items.csv", ItemExport.Csv).WithSummary("Items als CSV").CacheOutput(ReadCache.Items);
        api.MapPost("/items/import", ItemImport.Handle).WithSummary("Items importeren uit GeoJSON of CSV (alles of niets)")
            .WithRequestSizeLimit(ItemImport.MaxBytes).DisableAntiforgery().RequireAuthorization(Policies.Moderator);
        return routes;
    }

    static RouteHandlerBuilder WithRequestSizeLimit(this RouteHandlerBuilder builder, long bytes) =>
        builder.WithMetadata(new RequestSizeLimitAttribute(bytes));

    public static async Task<Results<Ok<ItemPage>, ValidationProblem>> ListItems(
        [AsParameters] ItemQuery query, ItemReader reader, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (filter, errors) = await reader.ParseAsync(query, ct);
        return filter is null ? Problems.Validation(text, errors) : TypedResults.Ok(await reader.PageAsync(filter, ct));
    }

    public static async Task<Results<Ok<ItemDto>, ProblemHttpResult>> GetItem(
        int id, ItemReader reader, HttpResponse response, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var item = await reader.GetAsync(id, ct);
        if (item is null)
        {
            return Problems.NotFound(text);
        }
        response.Headers.ETag = item.ETag;
        return TypedResults.Ok(item);
    }

    public static async Task<Results<Created<ItemDto>, ValidationProblem>> CreateItem(
        ItemInput input, ItemRules rules, ItemService items, ItemReader reader, HttpResponse response,
        IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var check = await rules.ValidateAsync(input, null, ct);
        if (!check.IsValid)
        {
            return Problems.Validation(text, check.Errors);
        }
        var item = await items.CreateAsync(check.Item!, ct);
        // Read back what was stored: PostgreSQL keeps microseconds, so the in-memory times would differ from a later GET.
        var dto = (await reader.GetAsync(item.Id, ct))!;
        response.Headers.ETag = dto.ETag;
        return TypedResults.Created($"/api/items/{item.Id}", dto);
    }

    public static async Task<Results<Ok<ItemDto>, ValidationProblem, ProblemHttpResult>> UpdateItem(
        int id, ItemInput input, [FromHeader(Name = "If-Match")] string? ifMatch, ItemRules rules, ItemService items,
        ItemReader reader, HttpResponse response, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (!TryParseETag(ifMatch, out var expected))
        {
            return Problems.IfMatchRequired(text);
        }
        // An item this person may not see does not exist for them: 404 before any check of the body.
        if (!await reader.ExistsAsync(id, ct))
        {
            return Problems.NotFound(text);
        }
        var check = await rules.ValidateAsync(input, id, ct);
        if (!check.IsValid)
        {
            return Problems.Validation(text, check.Errors);
        }
        var result = await items.UpdateAsync(id, expected, check.Item!, ct);
        return await ToResultAsync(result, reader, response, text, ct);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteItem(
        int id, [FromHeader(Name = "If-Match")] string? ifMatch, ItemService items, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        int? expected = null;
        if (ifMatch is not null)
        {
            if (!TryParseETag(ifMatch, out var v))
            {
                return Problems.Status(text, StatusCodes.Status400BadRequest, text["Problem.IfMatchInvalid"]);
            }
            expected = v;
        }
        var result = await items.DeleteAsync(id, expected, ct);
        return result.Outcome switch
        {
            ChangeOutcome.Done => TypedResults.NoContent(),
            ChangeOutcome.NotFound => Problems.NotFound(text),
            ChangeOutcome.Forbidden => Forbidden(text),
            _ => Problems.Status(text, StatusCodes.Status409Conflict, text["Problem.Conflict"],
                new Dictionary<string, object?> { ["currentVersion"] = result.Item!.Version }),
        };
    }

    public static async Task<Results<Ok<ItemDto>, ValidationProblem, ProblemHttpResult>> AddComment(
        int id, CommentInput input, ItemService items, ItemReader reader, HttpResponse response,
        IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var comment = ItemRules.Clean(input.Text);
        var errors = new Dictionary<string, string[]>();
        if (comment is null) errors["text"] = [text["Error.CommentRequired"]];
        else if (comment.Length > ItemRules.DescriptionMaxLength) errors["text"] = [text["Error.TooLong", ItemRules.DescriptionMaxLength]];
        if (input.ConfirmPersonalData != true && errors.Count == 0) errors = PersonalDataRules.Check(text, [("text", comment)]);
        if (errors.Count > 0)
        {
            return Problems.Validation(text, errors);
        }
        var result = await items.CommentAsync(id, comment!, ct);
        return await ToResultAsync(result, reader, response, text, ct);
    }

    static async Task<Results<Ok<ItemDto>, ValidationProblem, ProblemHttpResult>> ToResultAsync(
        ChangeResult result, ItemReader reader, HttpResponse response, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case ChangeOutcome.NotFound:
                return Problems.NotFound(text);
            case ChangeOutcome.Forbidden:
                return Forbidden(text);
            case ChangeOutcome.Conflict:
                var current = await reader.GetAsync(result.Item!.Id, ct);
                return Problems.Status(text, StatusCodes.Status409Conflict, text["Problem.Conflict"],
                    new Dictionary<string, object?> { ["current"] = current });
            default:
                var dto = (await reader.GetAsync(result.Item!.Id, ct))!;
                response.Headers.ETag = dto.ETag;
                return TypedResults.Ok(dto);
        }
    }

    static ProblemHttpResult Forbidden(IStringLocalizer text) =>
        Problems.Status(text, StatusCodes.Status403Forbidden, text["Problem.NotYourItem"]);

    /// <summary>Accepts "3", "\"3\"" and W/"3" as version 3.</summary>
    public static bool TryParseETag(string? value, out int version)
    {
        version = 0;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var v = value.Trim();
        if (v.StartsWith("W/", StringComparison.Ordinal)) v = v[2..];
        return int.TryParse(v.Trim('"'), System.Globalization.NumberStyles.None, null, out version) && version > 0;
    }
}
