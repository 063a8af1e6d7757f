using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Contributions;

/// <summary>What a resident sends without an account. "Website" is a honeypot: people never see it, bots fill it in.</summary>
public sealed record ContributionInput(string? Kind, string? Title, string? Description, double? Latitude, double? Longitude, string? Website);

public sealed record ContributionReceipt(int Id, string Message);

public sealed record PendingContribution(int Id, string Kind, string Title, string Description, double Latitude, double Longitude,
    string? NeighbourhoodCode, DateTime CreatedAt, int Version);

public sealed record ModerationInput(string? Decision, string? Reason, int? TargetItemId, string? Title, string? Description, string? Kind);

public static class ContributionEndpoints
{
    /// <summary>The kinds a resident may add; facilities and events come from professionals.</summary>
    public static readonly ItemKind[] PublicKinds = [ItemKind.Opportunity, ItemKind.Challenge, ItemKind.Initiative, ItemKind.Strength, ItemKind.Signal];

    public static IEndpointRouteBuilder MapContributionEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Contributions");
        api.MapPost("/contributions", Contribute).WithSummary("Bijdrage van een bewoner (wacht op moderatie)")
            .WithMetadata(new RequestSizeLimitAttribute(ItemEndpoints.MaxBodyBytes)).RequireRateLimiting(RateLimits.Contributions);
        api.MapGet("/moderation", Queue).WithSummary("Bijdragen die wachten op moderatie").RequireAuthorization(Policies.Moderator);
        api.MapPost("/moderation/{id:int}", Decide).WithSummary("Goedkeuren, samenvoegen of afwijzen (met If-Match)")
            .RequireAuthorization(Policies.Moderator);
        return routes;
    }

    static async Task<Results<Accepted<ContributionReceipt>, ValidationProblem>> Contribute(
        ContributionInput input, Contributions contributions, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (item, errors) = await contributions.SubmitAsync(input, ct);
        return item is null
            ? Problems.Validation(text, errors)
            : TypedResults.Accepted((string?)null, new ContributionReceipt(item.Id, text["Contribution.Thanks"]));
    }

    static async Task<Ok<List<PendingContribution>>> Queue(WijkbeeldDb db, CancellationToken ct) =>
        TypedResults.Ok(await Contributions.PendingQuery(db).ToListAsync(ct));

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Decide(
        int id, ModerationInput input, [FromHeader(Name = "If-Match")] string? ifMatch, Contributions contributions,
        IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (!ItemEndpoints.TryParseETag(ifMatch, out var version))
        {
            return Problems.IfMatchRequired(text);
        }
        var (result, errors) = await contributions.DecideAsync(id, version, input, ct);
        if (errors.Count > 0) return Problems.Validation(text, errors);
        return result!.Outcome switch
        {
            ChangeOutcome.Done => TypedResults.NoContent(),
            ChangeOutcome.NotFound => Problems.NotFound(text),
            _ => Problems.Status(text, StatusCodes.Status409Conflict, text["Problem.Conflict"]),
        };
    }
}
