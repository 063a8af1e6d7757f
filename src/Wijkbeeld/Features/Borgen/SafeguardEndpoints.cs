using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Experiments;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Borgen;

public static class SafeguardEndpoints
{
    public static IServiceCollection AddBorgenFeature(this IServiceCollection services)
    {
        services.AddScoped<SafeguardRules>();
        services.AddScoped<SafeguardService>();
        return services;
    }

    public static IEndpointRouteBuilder MapBorgenEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Borgen");
        api.MapGet("/safeguards", List).WithSummary("Borgingen (successen vasthouden), met filter op gebied; 'overdue' zegt dat de bespreekdatum voorbij is");
        api.MapGet("/safeguards/{id:int}", Get).WithSummary("Eén borging");
        api.MapPost("/safeguards", Create).WithSummary("Borging vastleggen voor een experiment (besluit borgen) of een gedane actie").RequireAuthorization(Policies.Writer);
        api.MapPut("/safeguards/{id:int}", Update).WithSummary("Borging bijwerken (ook de volgende bespreekdatum), met If-Match").RequireAuthorization(Policies.Writer);
        api.MapDelete("/safeguards/{id:int}", Delete).WithSummary("Borging verwijderen").RequireAuthorization(Policies.Writer);
        return routes;
    }

    static async Task<Results<Ok<List<SafeguardDto>>, ValidationProblem>> List(string? area, SafeguardService safeguards, AreaIndex areas,
        IStringLocalizer<Texts> text, CancellationToken ct)
    {
        AreaInfo? found = null;
        if (!string.IsNullOrWhiteSpace(area) && (found = (await areas.GetAsync(ct)).Find(area.Trim())) is null)
        {
            return Problems.Validation(text, new Dictionary<string, string[]> { ["area"] = [text["Borgen.Error.Area"]] });
        }
        return TypedResults.Ok(await safeguards.ListAsync(found, ct));
    }

    static async Task<Results<Ok<SafeguardDto>, ProblemHttpResult>> Get(int id, SafeguardService safeguards, HttpResponse response,
        IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (await safeguards.GetAsync(id, ct) is not { } g) return Problems.NotFound(text);
        response.Headers.ETag = $"\"{g.Version}\"";
        return TypedResults.Ok(SafeguardDto.From(g, safeguards.Today));
    }

    static async Task<Results<Created<SafeguardDto>, ValidationProblem>> Create(SafeguardInput input, SafeguardService safeguards,
        HttpResponse response, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (g, errors) = await safeguards.CreateAsync(input, ct);
        if (g is null) return Problems.Validation(text, errors);
        response.Headers.ETag = $"\"{g.Version}\"";
        return TypedResults.Created($"/api/safeguards/{g.Id}", SafeguardDto.From(g, safeguards.Today));
    }

    static async Task<Results<Ok<SafeguardDto>, ValidationProblem, ProblemHttpResult>> Update(int id, SafeguardInput input,
        [FromHeader(Name = "If-Match")] string? ifMatch, SafeguardService safeguards, HttpResponse response, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        if (!ItemEndpoints.TryParseETag(ifMatch, out var expected))
        {
            return Problems.IfMatchRequired(text);
        }
        var (outcome, g, errors) = await safeguards.UpdateAsync(id, expected, input, ct);
        switch (outcome)
        {
            case Outcome.NotFound: return Problems.NotFound(text);
            case Outcome.Forbidden: return Problems.Status(text, StatusCodes.Status403Forbidden, text["Borgen.NotYours"]);
            case Outcome.Invalid: return Problems.Validation(text, errors);
            case Outcome.Conflict: return Problems.Status(text, StatusCodes.Status409Conflict, text["Problem.Conflict"]);
        }
        response.Headers.ETag = $"\"{g!.Version}\"";
        return TypedResults.Ok(SafeguardDto.From(g, safeguards.Today));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Delete(int id, SafeguardService safeguards, IStringLocalizer<Texts> text, CancellationToken ct) =>
        await safeguards.DeleteAsync(id, ct) switch
        {
            Outcome.NotFound => Problems.NotFound(text),
            Outcome.Forbidden => Problems.Status(text, StatusCodes.Status403Forbidden, text["Borgen.NotYours"]),
            _ => TypedResults.NoContent(),
        };
}
