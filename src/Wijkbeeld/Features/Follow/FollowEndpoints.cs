using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Follow;

public static class FollowEndpoints
{
    public static IEndpointRouteBuilder MapFollowEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/follows").WithTags("Follow").RequireAuthorization(Policies.SignedIn);
        api.MapGet("/", (Viewer viewer, Follows follows, CancellationToken ct) => follows.MineAsync(viewer.UserId!.Value, ct))
            .WithSummary("Wat ik volg");
        api.MapPost("/", Add).WithSummary("Een gebied, thema of item volgen (gebied/thema/item; dagelijks/wekelijks)");
        api.MapDelete("/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, Viewer viewer, Follows follows, IStringLocalizer<Texts> text, CancellationToken ct) =>
            await follows.RemoveAsync(viewer.UserId!.Value, id, ct) ? TypedResults.NoContent() : Problems.NotFound(text))
            .WithSummary("Niet meer volgen");
        return routes;
    }

    static async Task<Results<Created<FollowDto>, ValidationProblem>> Add(FollowInput input, Viewer viewer, Follows follows, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (follow, errors) = await follows.AddAsync(viewer.UserId!.Value, input, ct);
        if (follow is null) return Problems.Validation(text, errors);
        var dto = (await follows.MineAsync(viewer.UserId!.Value, ct)).Single(f => f.Id == follow.Id);
        return TypedResults.Created($"/api/follows/{follow.Id}", dto);
    }
}
