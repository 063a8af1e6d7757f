using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Stories;

public static class StoryEndpoints
{
    public static readonly string[] CsvColumns = ["id", "datum", "bron", "themas", "gebied", "gebiedsnaam", "verhaal", "breedtegraad", "lengtegraad", "zichtbaarheid"];

    public static IServiceCollection AddStoriesFeature(this IServiceCollection services)
    {
        services.AddScoped<StoryRules>();
        services.AddScoped<StoryReader>();
        services.AddScoped<StoryService>();
        return services;
    }

    public static IEndpointRouteBuilder MapStoryEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Stories");
        api.MapGet("/stories", List).WithSummary("Verhalen (verhalen ophalen), met filters op gebied, thema, bron en zoekwoord");
        api.MapGet("/stories/counts", Counts).WithSummary("Aantallen verhalen per thema en per bron, met dezelfde filters");
        api.MapGet("/stories/{id:int}", Get).WithSummary("Eén verhaal (met ETag)");
        api.MapGet("/stories.csv", Csv).WithSummary("Verhalen als CSV");
        api.MapPost("/stories", Create).WithSummary("Verhaal vastleggen").RequireAuthorization(Policies.Writer);
        api.MapPut("/stories/{id:int}", Update).WithSummary("Verhaal wijzigen (met If-Match)").RequireAuthorization(Policies.Writer);
        api.MapDelete("/stories/{id:int}", Delete).WithSummary("Verhaal verwijderen").RequireAuthorization(Policies.Writer);
        api.MapPost("/stories/submissions", Submit).WithSummary("Verhaal van een bewoner (zonder account; wacht op moderatie)")
            .WithMetadata(new RequestSizeLimitAttribute(ItemEndpoints.MaxBodyBytes)).RequireRateLimiting(RateLimits.Contributions);
        api.MapGet("/stories/moderation", Queue).WithSummary("Verhalen die wachten op moderatie").RequireAuthorization(Policies.Moderator);
        api.MapPost("/stories/{id:int}/moderation", Decide).WithSummary("Verhaal goedkeuren of afwijzen (met If-Match)").RequireAuthorization(Policies.Moderator);
        return routes;
    }

    public static async Task<Results<Ok<IReadOnlyList<StoryDto>>, ValidationProblem>> List(
        HttpRequest request, StoryReader reader, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (filter, errors) = await reader.ParseAsync(StoryQuery.Parse(request.Query), ct);
        return filter is null ? Problems.Validation(text, errors) : TypedResults.Ok(await reader.ListAsync(filter, ct));
    }

    public static async Task<Results<Ok<StoryCountsDto>, ValidationProblem>> Counts(
        HttpRequest request, StoryReader reader, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (filter, errors) = await reader.ParseAsync(StoryQuery.Parse(request.Query), ct);
        return filter is null ? Problems.Validation(text, errors) : TypedResults.Ok(await reader.CountAsync(filter, ct));
    }

    public static async Task<Results<Ok<StoryDto>, ProblemHttpResult>> Get(int id, StoryReader reader, HttpResponse response, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (await reader.GetAsync(id, ct) is not { } dto) return Problems.NotFound(text);
        response.Headers.ETag = dto.ETag;
        return TypedResults.Ok(dto);
    }

    public static async Task<IResult> Csv(HttpContext http, StoryReader reader, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (filter, errors) = await reader.ParseAsync(StoryQuery.Parse(http.Request.Query), ct);
        if (filter is null) return Problems.Validation(text, errors);
        var rows = await reader.ListAsync(filter, ct);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"wijkbeeld-verhalen.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), leaveOpen: true);
        // Escape leading =, +, - and @ so a spreadsheet never runs a cell as a formula.
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        foreach (var column in CsvColumns) csv.WriteField(column);
        await csv.NextRecordAsync();
        foreach (var s in rows)
        {
            object?[] row = [s.Id, s.Date, s.Source, string.Join(';', s.Themes), s.Area, s.AreaName, s.Text, s.Latitude, s.Longitude, s.Visibility];
            foreach (var field in row) csv.WriteField(field);
            await csv.NextRecordAsync();
        }
        return Results.Empty;
    }

    public static async Task<Results<Created<StoryDto>, ValidationProblem>> Create(
        StoryInput input, StoryService stories, Areas.AreaIndex areas, HttpResponse response, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (story, errors) = await stories.CreateAsync(input, ct);
        if (story is null) return Problems.Validation(text, errors);
        var dto = StoryReader.ToDto(story, await areas.GetAsync(ct));
        response.Headers.ETag = dto.ETag;
        return TypedResults.Created($"/api/stories/{story.Id}", dto);
    }

    public static async Task<Results<Ok<StoryDto>, ValidationProblem, ProblemHttpResult>> Update(
        int id, StoryInput input, [FromHeader(Name = "If-Match")] string? ifMatch, StoryService stories, StoryReader reader, Areas.AreaIndex areas,
        HttpResponse response, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (!ItemEndpoints.TryParseETag(ifMatch, out var expected))
        {
            return Problems.IfMatchRequired(text);
        }
        var (outcome, story, errors) = await stories.UpdateAsync(id, expected, input, ct);
        switch (outcome)
        {
            case StoryOutcome.NotFound: return Problems.NotFound(text);
            case StoryOutcome.Forbidden: return Problems.Status(text, StatusCodes.Status403Forbidden, text["Stories.NotYours"]);
            case StoryOutcome.Invalid: return Problems.Validation(text, errors);
            case StoryOutcome.Conflict:
                return Problems.Status(text, StatusCodes.Status409Conflict, text["Problem.Conflict"],
                    new Dictionary<string, object?> { ["current"] = await reader.GetAsync(id, ct) });
        }
        var dto = StoryReader.ToDto(story!, await areas.GetAsync(ct));
        response.Headers.ETag = dto.ETag;
        return TypedResults.Ok(dto);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(int id, StoryService stories, IStringLocalizer<Texts> text, CancellationToken ct) =>
        await stories.DeleteAsync(id, ct) switch
        {
            StoryOutcome.Done => TypedResults.NoContent(),
            StoryOutcome.Forbidden => Problems.Status(text, StatusCodes.Status403Forbidden, text["Stories.NotYours"]),
            _ => Problems.NotFound(text),
        };

    static async Task<Results<Accepted<StoryReceipt>, ValidationProblem>> Submit(
        StorySubmission input, StoryService stories, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (story, errors) = await stories.SubmitAsync(input, ct);
        return story is null ? Problems.Validation(text, errors) : TypedResults.Accepted((string?)null, new StoryReceipt(story.Id, text["Stories.Tell.Thanks"]));
    }

    static async Task<Ok<IReadOnlyList<PendingStoryDto>>> Queue(StoryReader reader, CancellationToken ct) => TypedResults.Ok(await reader.PendingAsync(ct));

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Decide(
        int id, StoryModerationInput input, [FromHeader(Name = "If-Match")] string? ifMatch, StoryService stories, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (!ItemEndpoints.TryParseETag(ifMatch, out var version))
        {
            return Problems.IfMatchRequired(text);
        }
        var (outcome, errors) = await stories.DecideAsync(id, version, input, ct);
        return outcome switch
        {
            StoryOutcome.Done => TypedResults.NoContent(),
            StoryOutcome.Invalid => Problems.Validation(text, errors),
            StoryOutcome.NotFound => Problems.NotFound(text),
            _ => Problems.Status(text, StatusCodes.Status409Conflict, text["Problem.Conflict"]),
        };
    }
}
