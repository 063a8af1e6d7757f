using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Werkagenda;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Network;

public static class MeetingEndpoints
{
    public static IServiceCollection AddNetworkFeature(this IServiceCollection services) => services.AddScoped<Meetings>();

    public static IEndpointRouteBuilder MapNetworkEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/meetings").WithTags("Overleggen").RequireAuthorization(Policies.SignedIn);
        api.MapGet("/", async (Meetings meetings, CancellationToken ct) => TypedResults.Ok(await meetings.ListAsync(ct)))
            .WithSummary("Terugkerende overleggen: deelnemers, frequentie, uren per maand per deelnemer, doel, essentieel");
        api.MapPost("/", async (MeetingInput input, Meetings meetings, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
            WerkagendaEndpoints.ToResult(await meetings.AddAsync(input, ct), text, response, m => m.Version, m => $"/api/meetings/{m.Id}"))
            .WithSummary("Overleg toevoegen");
        api.MapGet("/{id:int}", async (int id, Meetings meetings, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
        {
            if (await meetings.GetAsync(id, ct) is not { } m) return Problems.NotFound(text);
            response.Headers.ETag = $"\"{m.Version}\"";
            return Results.Ok(m);
        }).WithSummary("Eén overleg (met ETag)");
        api.MapPut("/{id:int}", async (int id, MeetingInput input, [FromHeader(Name = "If-Match")] string? ifMatch, Meetings meetings,
            IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
            ItemEndpoints.TryParseETag(ifMatch, out var expected)
                ? WerkagendaEndpoints.ToResult(await meetings.UpdateAsync(id, expected, input, ct), text, response, m => m.Version)
                : Problems.IfMatchRequired(text))
            .WithSummary("Overleg wijzigen: naam, doel, frequentie, uren, essentieel en deelnemers (met If-Match)");
        api.MapDelete("/{id:int}", async (int id, Meetings meetings, IStringLocalizer<Texts> text, CancellationToken ct) =>
            await meetings.DeleteAsync(id, ct) switch
            {
                Outcome.Ok => Results.NoContent(),
                Outcome.Forbidden => Problems.Status(text, StatusCodes.Status403Forbidden, text["Werkagenda.Error.Forbidden"]),
                _ => Problems.NotFound(text),
            }).WithSummary("Overleg verwijderen");
        api.MapGet("/totals", async (string[]? drop, string[]? merge, Meetings meetings, IStringLocalizer<Texts> text, CancellationToken ct) =>
        {
            var list = await meetings.ListAsync(ct);
            var (changes, errors) = Meetings.ParseChanges(drop ?? [], merge ?? [], list.Select(m => m.Id).ToList(), text);
            return errors.Count > 0 ? (IResult)Problems.Validation(text, errors) : Results.Ok(meetings.ForViewer(Meetings.Totals(list, changes)));
        }).WithSummary("Uren per organisatie, en per persoon (coördinatoren: iedereen; anderen: alleen zichzelf), nu en na schrappen (drop=id) of samenvoegen (merge=id:inId)");
        return routes;
    }
}
