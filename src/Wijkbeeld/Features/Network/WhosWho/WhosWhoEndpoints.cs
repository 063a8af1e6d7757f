using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Werkagenda;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Network.WhosWho;

/// <summary>Who's who, the competence game and the network view: API for signed-in partners.</summary>
public static class WhosWhoEndpoints
{
    public static IServiceCollection AddWhosWhoFeature(this IServiceCollection services) =>
        services.AddScoped<NetworkMembers>().AddScoped<Competences>().AddScoped<NetworkGraph>();

    public static IEndpointRouteBuilder MapWhosWhoEndpoints(this IEndpointRouteBuilder routes)
    {
        var network = routes.MapGroup("/api/network").WithTags("Netwerk").RequireAuthorization(Policies.SignedIn);
        network.MapGet("/people", async (string? area, string? type, NetworkMembers members, CancellationToken ct) =>
            TypedResults.Ok(await members.ListAsync(area, type, ct)))
            .WithSummary("Wie is wie: professionals en organisaties per wijk of buurt (area=), of per best-person-type (type=)");
        network.MapGet("/people/{id:int}", async (int id, NetworkMembers members, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
        {
            if (await members.GetAsync(id, ct) is not { } m) return Problems.NotFound(text);
            response.Headers.ETag = $"\"{m.Version}\"";
            return Results.Ok(m);
        }).WithSummary("Eén persoon of organisatie (met ETag)");
        network.MapPost("/people", async (MemberInput input, NetworkMembers members, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
            ToResult(await members.CreateAsync(input, ct), text, response, m => m.Version, m => $"/api/network/people/{m.Id}"))
            .WithSummary("Persoon of organisatie toevoegen; telefoon en e-mail alleen met toestemming (contactConsent, consentDate)");
        network.MapPut("/people/{id:int}", async (int id, MemberInput input, [FromHeader(Name = "If-Match")] string? ifMatch, NetworkMembers members,
            IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
        {
            if (!ItemEndpoints.TryParseETag(ifMatch, out var expected))
            {
                return Problems.IfMatchRequired(text);
            }
            return ToResult(await members.UpdateAsync(id, expected, input, ct), text, response, m => m.Version);
        }).WithSummary("Persoon of organisatie wijzigen (met If-Match); zonder toestemming worden telefoon en e-mail gewist");
        network.MapDelete("/people/{id:int}", async (int id, NetworkMembers members, IStringLocalizer<Texts> text, CancellationToken ct) =>
            await members.DeleteAsync(id, ct) switch
            {
                Outcome.Ok => Results.NoContent(),
                Outcome.Forbidden => Problems.Status(text, StatusCodes.Status403Forbidden, text["Network.Error.Forbidden"]),
                _ => Problems.NotFound(text),
            }).WithSummary("Persoon of organisatie verwijderen");
        network.MapGet("/best-person-types", () => TypedResults.Ok(BestPersonTypes.All))
            .WithSummary("De best persons uit het werkboek: alledaagse doener, frontliniewerker, sociale ondernemer, bruggenbouwer, pionier, doordenker");
        network.MapGet("/graph", async (string? area, int? @case, NetworkGraph graph, IStringLocalizer<Texts> text, AreaIndex areas, CancellationToken ct) =>
        {
            if (!string.IsNullOrWhiteSpace(area) && (await areas.GetAsync(ct)).Find(area) is null)
            {
                return Problems.Validation(text, new Dictionary<string, string[]> { ["area"] = [text["Error.AreaUnknown", area]] });
            }
            return await graph.BuildAsync(area, @case, ct) is { } g ? Results.Ok(g) : Problems.NotFound(text);
        }).WithSummary("Wie werkt met wie rond een gebied (area=) of casus (case=): knopen en verbindingen");

        var competences = routes.MapGroup("/api/competences").WithTags("Competentiespel").RequireAuthorization(Policies.SignedIn);
        competences.MapGet("/", () => TypedResults.Ok(CompetenceCatalog.Categories.Select(c => new
        {
            c.Code, c.Name, Competences = CompetenceCatalog.All.Where(x => x.Category == c.Code).Select(x => new { x.Code, x.Name }),
        }))).WithSummary("De competenties van het competentiespel, per categorie");
        competences.MapGet("/mine", async (Competences game, CancellationToken ct) => TypedResults.Ok(new { codes = await game.MineAsync(ct), max = CompetenceCatalog.MaxPicks }))
            .WithSummary("Mijn sterkste competenties");
        competences.MapPut("/mine", async (PicksInput input, Competences game, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
            ToResult(await game.SaveMineAsync(input, ct), text, response, null))
            .WithSummary($"Mijn sterkste competenties kiezen (hoogstens 5): {{codes:[...]}}");
        competences.MapGet("/team", async (int? @case, bool? all, Competences game, IStringLocalizer<Texts> text, CancellationToken ct) =>
            await game.TeamAsync(@case, all == true, ct) is { } team ? Results.Ok(team) : Problems.NotFound(text))
            .WithSummary("Teamprofiel: aantallen per competentie, sterktes en gaten; met case= wat de casus vraagt (gedekt en ontbrekend); all=true alle organisaties");
        competences.MapGet("/cases/{id:int}", async (int id, Competences game, IStringLocalizer<Texts> text, CancellationToken ct) =>
            await game.NeedsAsync(id, ct) is { } codes ? Results.Ok(new { codes }) : Problems.NotFound(text))
            .WithSummary("De competenties die een casus vraagt");
        competences.MapPut("/cases/{id:int}", async (int id, CaseNeedsInput input, Competences game, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
            ToResult(await game.SaveNeedsAsync(id, input, ct), text, response, null))
            .WithSummary("Vastleggen welke competenties een casus vraagt: {codes:[...]}");
        return routes;
    }

    internal static IResult ToResult<T>(Result<T> result, IStringLocalizer text, HttpResponse response, Func<T, int>? version, Func<T, string>? created = null)
    {
        switch (result.Outcome)
        {
            case Outcome.Ok:
                if (version is not null) response.Headers.ETag = $"\"{version(result.Value!)}\"";
                return created is null ? Results.Ok(result.Value) : Results.Created(created(result.Value!), result.Value);
            case Outcome.Invalid: return Problems.Validation(text, result.Errors!);
            case Outcome.NotFound: return Problems.NotFound(text);
            case Outcome.Forbidden: return Problems.Status(text, StatusCodes.Status403Forbidden, text["Network.Error.Forbidden"]);
            default:
                return Problems.Status(text, StatusCodes.Status409Conflict, text["Werkagenda.Error.Conflict"],
                    new Dictionary<string, object?> { ["currentVersion"] = result.CurrentVersion });
        }
    }
}
