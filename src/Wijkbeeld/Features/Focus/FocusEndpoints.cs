using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Focus;

public sealed record FocusDto(
    int Id, string AreaCode, string Title, string Reason, IReadOnlyList<int> PatternIds, IReadOnlyList<int> StoryIds,
    IReadOnlyList<int> ObservationIds, string Visibility, string CreatedBy, DateTime CreatedAt, int Version)
{
    public string ETag => $"\"{Version}\"";

    public int LinkCount => PatternIds.Count + StoryIds.Count + ObservationIds.Count;
}

public enum FocusOutcome { Done, NotFound, Forbidden, Conflict, Invalid }

/// <summary>Reads focus themes with only the links the viewer may see.</summary>
public sealed class FocusReader(WijkbeeldDb db)
{
    public async Task<IReadOnlyList<FocusDto>> ListAsync(string? areaCode, CancellationToken ct)
    {
        var query = db.FocusThemes.AsNoTracking().Include(f => f.Patterns).Include(f => f.Stories).Include(f => f.Observations).AsSplitQuery();
        if (areaCode is not null) query = query.Where(f => f.AreaCode == areaCode);
        return await ToDtosAsync(await query.OrderBy(f => f.AreaCode).ThenBy(f => f.Id).ToListAsync(ct), ct);
    }

    public async Task<FocusDto?> GetAsync(int id, CancellationToken ct)
    {
        var row = await db.FocusThemes.AsNoTracking().Include(f => f.Patterns).Include(f => f.Stories).Include(f => f.Observations).AsSplitQuery()
            .FirstOrDefaultAsync(f => f.Id == id, ct);
        return row is null ? null : (await ToDtosAsync([row], ct))[0];
    }

    async Task<IReadOnlyList<FocusDto>> ToDtosAsync(List<FocusTheme> rows, CancellationToken ct)
    {
        var patternIds = rows.SelectMany(f => f.Patterns.Select(l => l.PatternId)).Distinct().ToList();
        var storyIds = rows.SelectMany(f => f.Stories.Select(l => l.StoryId)).Distinct().ToList();
        var observationIds = rows.SelectMany(f => f.Observations.Select(l => l.ObservationId)).Distinct().ToList();
        // The query filters decide which linked rows this viewer may see.
        var patterns = (await db.TimelinePatterns.Where(p => patternIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var stories = (await db.Stories.Where(s => storyIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        var observations = (await db.Observations.Where(o => observationIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        return rows.Select(f => new FocusDto(f.Id, f.AreaCode, f.Title, f.Reason,
            f.Patterns.Select(l => l.PatternId).Where(patterns.Contains).Order().ToList(),
            f.Stories.Select(l => l.StoryId).Where(stories.Contains).Order().ToList(),
            f.Observations.Select(l => l.ObservationId).Where(observations.Contains).Order().ToList(),
            f.Visibility.Code(), f.CreatedBy, f.CreatedAt, f.Version)).ToList();
    }
}

/// <summary>Stores focus themes, signed by the viewer and owned by their organisation.</summary>
public sealed class FocusService(WijkbeeldDb db, Viewer viewer, FocusRules rules, AreaIndex areas, IStringLocalizer<Texts> text)
{
    public async Task<(FocusTheme? Focus, Dictionary<string, string[]> Errors)> CreateAsync(FocusInput input, CancellationToken ct)
    {
        var area = (await areas.GetAsync(ct)).Find(input.AreaCode);
        if (area is null) return (null, new() { ["areaCode"] = [text["Focus.Error.Area"]] });
        var focus = new FocusTheme { AreaCode = area.Code };
        var errors = await rules.ApplyAsync(input, area, focus, ct);
        if (errors.Count > 0) return (null, errors);
        focus.OrganisationId = viewer.OrganisationId;
        focus.CreatedBy = viewer.Name ?? "";
        focus.CreatedAt = DateTime.UtcNow;
        focus.Version = 1;
        db.FocusThemes.Add(focus);
        await db.SaveChangesAsync(ct);
        return (focus, errors);
    }

    /// <summary>The area of a focus theme never changes; an area code in the input is ignored.</summary>
    public async Task<(FocusOutcome Outcome, Dictionary<string, string[]> Errors)> UpdateAsync(int id, int expected, FocusInput input, CancellationToken ct)
    {
        var focus = await db.FocusThemes.Include(f => f.Patterns).Include(f => f.Stories).Include(f => f.Observations).AsSplitQuery()
            .FirstOrDefaultAsync(f => f.Id == id, ct);
        if (focus is null) return (FocusOutcome.NotFound, []);
        if (!viewer.CanChange(focus.OrganisationId)) return (FocusOutcome.Forbidden, []);
        if (focus.Version != expected) return (FocusOutcome.Conflict, []);
        var area = (await areas.GetAsync(ct)).Find(focus.AreaCode);
        if (area is null) return (FocusOutcome.NotFound, []);
        var errors = await rules.ApplyAsync(input, area, focus, ct);
        if (errors.Count > 0) return (FocusOutcome.Invalid, errors);
        return await db.TrySaveVersionAsync(focus, f => f.Version, expected, ct)
            ? (FocusOutcome.Done, errors)
            : (FocusOutcome.Conflict, []);
    }

    public async Task<FocusOutcome> DeleteAsync(int id, CancellationToken ct)
    {
        var focus = await db.FocusThemes.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (focus is null) return FocusOutcome.NotFound;
        if (!viewer.CanChange(focus.OrganisationId)) return FocusOutcome.Forbidden;
        db.FocusThemes.Remove(focus);
        await db.SaveChangesAsync(ct);
        return FocusOutcome.Done;
    }
}

public static class FocusEndpoints
{
    public static IServiceCollection AddFocusFeature(this IServiceCollection services)
    {
        services.AddScoped<FocusRules>();
        services.AddScoped<FocusReader>();
        services.AddScoped<FocusService>();
        return services;
    }

    public static IEndpointRouteBuilder MapFocusEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/focus").WithTags("Focus");
        api.MapGet("/", List).WithSummary("Focusthema's, van één gebied met ?area=");
        api.MapGet("/{id:int}", Get).WithSummary("Eén focusthema (met ETag)");
        api.MapPost("/", Create).WithSummary("Focusthema kiezen, met de patronen, verhalen en observaties waarop het rust").RequireAuthorization(Policies.Writer);
        api.MapPut("/{id:int}", Update).WithSummary("Focusthema wijzigen (met If-Match)").RequireAuthorization(Policies.Writer);
        api.MapDelete("/{id:int}", Delete).WithSummary("Focusthema verwijderen").RequireAuthorization(Policies.Writer);
        return routes;
    }

    static async Task<Results<Ok<IReadOnlyList<FocusDto>>, ProblemHttpResult>> List(
        string? area, AreaIndex areas, FocusReader reader, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        string? code = null;
        if (!string.IsNullOrWhiteSpace(area))
        {
            if ((await areas.GetAsync(ct)).Find(area) is not { } found) return Problems.NotFound(text, text["Focus.Error.Area"]);
            code = found.Code;
        }
        return TypedResults.Ok(await reader.ListAsync(code, ct));
    }

    static async Task<Results<Ok<FocusDto>, ProblemHttpResult>> Get(int id, FocusReader reader, HttpResponse response, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (await reader.GetAsync(id, ct) is not { } dto) return Problems.NotFound(text);
        response.Headers.ETag = dto.ETag;
        return TypedResults.Ok(dto);
    }

    static async Task<Results<Created<FocusDto>, ValidationProblem>> Create(
        FocusInput input, FocusService focus, FocusReader reader, HttpResponse response, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (created, errors) = await focus.CreateAsync(input, ct);
        if (created is null) return Problems.Validation(text, errors);
        var dto = (await reader.GetAsync(created.Id, ct))!;
        response.Headers.ETag = dto.ETag;
        return TypedResults.Created($"/api/focus/{dto.Id}", dto);
    }

    static async Task<Results<Ok<FocusDto>, ValidationProblem, ProblemHttpResult>> Update(
        int id, FocusInput input, [FromHeader(Name = "If-Match")] string? ifMatch, FocusService focus, FocusReader reader,
        HttpResponse response, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (!ItemEndpoints.TryParseETag(ifMatch, out var expected))
        {
            return Problems.IfMatchRequired(text);
        }
        var (outcome, errors) = await focus.UpdateAsync(id, expected, input, ct);
        switch (outcome)
        {
            case FocusOutcome.NotFound: return Problems.NotFound(text);
            case FocusOutcome.Forbidden: return Problems.Status(text, StatusCodes.Status403Forbidden, text["Focus.NotYours"]);
            case FocusOutcome.Invalid: return Problems.Validation(text, errors);
            case FocusOutcome.Conflict:
                return Problems.Status(text, StatusCodes.Status409Conflict, text["Problem.Conflict"],
                    new Dictionary<string, object?> { ["current"] = await reader.GetAsync(id, ct) });
        }
        var dto = (await reader.GetAsync(id, ct))!;
        response.Headers.ETag = dto.ETag;
        return TypedResults.Ok(dto);
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Delete(int id, FocusService focus, IStringLocalizer<Texts> text, CancellationToken ct) =>
        await focus.DeleteAsync(id, ct) switch
        {
            FocusOutcome.Done => TypedResults.NoContent(),
            FocusOutcome.Forbidden => Problems.Status(text, StatusCodes.Status403Forbidden, text["Focus.NotYours"]),
            _ => Problems.NotFound(text),
        };
}
