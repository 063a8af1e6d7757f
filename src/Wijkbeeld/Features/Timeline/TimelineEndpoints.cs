using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Timeline;

public static class TimelineEndpoints
{
    public static IServiceCollection AddTimelineFeature(this IServiceCollection services)
    {
        services.AddScoped<TimelineRules>();
        services.AddScoped<TimelineReader>();
        services.AddScoped<TimelineService>();
        return services;
    }

    public static IEndpointRouteBuilder MapTimelineEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/timeline").WithTags("Timeline");
        api.MapGet("/{areaCode}", Get).WithSummary("De tijdlijn (behangrol) van een gebied: momenten en patronen, te filteren op thema en bron");
        api.MapPost("/{areaCode}/moments", CreateMoment).WithSummary("Moment toevoegen").RequireAuthorization(Policies.Writer);
        api.MapPut("/moments/{id:int}", UpdateMoment).WithSummary("Moment wijzigen (met If-Match)").RequireAuthorization(Policies.Writer);
        api.MapDelete("/moments/{id:int}", DeleteMoment).WithSummary("Moment verwijderen").RequireAuthorization(Policies.Writer);
        api.MapPost("/{areaCode}/patterns", CreatePattern).WithSummary("Patroon vastleggen bij momenten").RequireAuthorization(Policies.Writer);
        api.MapDelete("/patterns/{id:int}", DeletePattern).WithSummary("Patroon verwijderen").RequireAuthorization(Policies.Writer);
        return routes;
    }

    public static async Task<Results<Ok<TimelineDto>, ProblemHttpResult>> Get(
        string areaCode, string? theme, string? source, AreaIndex areas, TimelineReader reader, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var area = (await areas.GetAsync(ct)).Find(areaCode);
        return area is null ? Problems.NotFound(text, text["Timeline.AreaNotFound"]) : TypedResults.Ok(await reader.GetAsync(area, theme, source, ct));
    }

    public static async Task<Results<Created<MomentDto>, ValidationProblem, ProblemHttpResult>> CreateMoment(
        string areaCode, MomentInput input, AreaIndex areas, TimelineService timeline, HttpResponse response, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if ((await areas.GetAsync(ct)).Find(areaCode) is not { } area)
        {
            return Problems.NotFound(text, text["Timeline.AreaNotFound"]);
        }
        var (moment, errors) = await timeline.CreateMomentAsync(area.Code, input, ct);
        if (moment is null)
        {
            return Problems.Validation(text, errors);
        }
        response.Headers.ETag = moment.ETag;
        return TypedResults.Created($"/api/timeline/moments/{moment.Id}", moment);
    }

    public static async Task<Results<Ok<MomentDto>, ValidationProblem, ProblemHttpResult>> UpdateMoment(
        int id, MomentInput input, [FromHeader(Name = "If-Match")] string? ifMatch, WijkbeeldDb db, Viewer viewer, TimelineRules rules,
        HttpResponse response, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (!ItemEndpoints.TryParseETag(ifMatch, out var expected))
        {
            return Problems.IfMatchRequired(text);
        }
        var moment = await db.TimelineMoments.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (moment is null)
        {
            return Problems.NotFound(text);
        }
        if (!viewer.CanChange(moment.OrganisationId))
        {
            return Problems.Status(text, StatusCodes.Status403Forbidden, text["Timeline.NotYours"]);
        }
        if (moment.Version != expected)
        {
            return Problems.Status(text, StatusCodes.Status409Conflict, text["Problem.Conflict"],
                new Dictionary<string, object?> { ["current"] = TimelineReader.ToDto(moment) });
        }
        var errors = await rules.ApplyAsync(input, moment, ct);
        if (errors.Count > 0)
        {
            return Problems.Validation(text, errors);
        }
        if (!await db.TrySaveVersionAsync(moment, m => m.Version, expected, ct))
        {
            return Problems.Status(text, StatusCodes.Status409Conflict, text["Problem.Conflict"]);
        }
        var dto = TimelineReader.ToDto(moment);
        response.Headers.ETag = dto.ETag;
        return TypedResults.Ok(dto);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteMoment(int id, WijkbeeldDb db, Viewer viewer, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var moment = await db.TimelineMoments.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (moment is null) return Problems.NotFound(text);
        if (!viewer.CanChange(moment.OrganisationId)) return Problems.Status(text, StatusCodes.Status403Forbidden, text["Timeline.NotYours"]);
        db.TimelineMoments.Remove(moment);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Created<PatternDto>, ValidationProblem, ProblemHttpResult>> CreatePattern(
        string areaCode, PatternInput input, AreaIndex areas, TimelineService timeline, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if ((await areas.GetAsync(ct)).Find(areaCode) is not { } area)
        {
            return Problems.NotFound(text, text["Timeline.AreaNotFound"]);
        }
        var (pattern, errors) = await timeline.CreatePatternAsync(area.Code, input, ct);
        return pattern is null ? Problems.Validation(text, errors) : TypedResults.Created($"/api/timeline/{area.Code}", pattern);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeletePattern(int id, WijkbeeldDb db, Viewer viewer, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var pattern = await db.TimelinePatterns.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pattern is null) return Problems.NotFound(text);
        if (!viewer.CanChange(pattern.OrganisationId)) return Problems.Status(text, StatusCodes.Status403Forbidden, text["Timeline.NotYours"]);
        db.TimelinePatterns.Remove(pattern);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}

/// <summary>Stores moments and patterns, signed by the viewer and owned by their organisation.</summary>
public sealed class TimelineService(WijkbeeldDb db, Viewer viewer, TimelineRules rules)
{
    public async Task<(MomentDto? Moment, Dictionary<string, string[]> Errors)> CreateMomentAsync(string areaCode, MomentInput input, CancellationToken ct)
    {
        var moment = new Moment { AreaCode = areaCode };
        var errors = await rules.ApplyAsync(input, moment, ct);
        if (errors.Count > 0) return (null, errors);
        moment.OrganisationId = viewer.OrganisationId;
        moment.CreatedBy = viewer.Name ?? "";
        moment.CreatedAt = DateTime.UtcNow;
        moment.Version = 1;
        db.TimelineMoments.Add(moment);
        await db.SaveChangesAsync(ct);
        return (TimelineReader.ToDto(moment), errors);
    }

    public async Task<(PatternDto? Pattern, Dictionary<string, string[]> Errors)> CreatePatternAsync(string areaCode, PatternInput input, CancellationToken ct)
    {
        var pattern = new Pattern { AreaCode = areaCode };
        var errors = await rules.ApplyAsync(input, areaCode, pattern, ct);
        if (errors.Count > 0) return (null, errors);
        pattern.OrganisationId = viewer.OrganisationId;
        pattern.CreatedBy = viewer.Name ?? "";
        pattern.CreatedAt = DateTime.UtcNow;
        db.TimelinePatterns.Add(pattern);
        await db.SaveChangesAsync(ct);
        return (new PatternDto(pattern.Id, pattern.Text, pattern.Moments.Select(m => m.MomentId).Order().ToList(), pattern.Visibility.Code(),
            pattern.CreatedBy, pattern.CreatedAt), errors);
    }
}
