using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Werkagenda;

namespace Wijkbeeld.Features.Koppelkansen;

public static class KoppelkansenEndpoints
{
    public static IServiceCollection AddKoppelkansenFeature(this IServiceCollection services) => services.AddScoped<Koppelkansen>();

    public static IEndpointRouteBuilder MapKoppelkansenEndpoints(this IEndpointRouteBuilder routes)
    {
        // Reading follows the items' visibility (the public sees koppelkansen of public items); writers link, coordinators add drivers.
        var api = routes.MapGroup("/api").WithTags("Koppelkansen");
        api.MapGet("/policy-drivers", async (Koppelkansen k, CancellationToken ct) => TypedResults.Ok(await k.DriversAsync(ct)))
            .WithSummary("Dragers van wijkvernieuwing (energietransitie, veilige wijk, gezonde wijk, klimaatadaptatie en eigen prioriteiten)");
        api.MapPost("/policy-drivers", async (DriverInput input, Koppelkansen k, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
            WerkagendaEndpoints.ToResult(await k.AddDriverAsync(input, ct), text, response, null, d => $"/api/policy-drivers/{d.Id}"))
            .RequireAuthorization(Policies.Moderator).WithSummary("Eigen prioriteit van de gemeente als drager toevoegen");
        api.MapGet("/link-opportunities", async (Koppelkansen k, CancellationToken ct) => TypedResults.Ok(await k.ListAsync(ct)))
            .WithSummary("Koppelkansen: items gekoppeld aan dragers, met de gecombineerde boodschap");
        api.MapPost("/link-opportunities", async (LinkInput input, Koppelkansen k, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
            WerkagendaEndpoints.ToResult(await k.AddAsync(input, ct), text, response, null, l => $"/api/link-opportunities/{l.Id}"))
            .RequireAuthorization(Policies.Writer).WithSummary("Item koppelen aan een of meer dragers met een boodschap in één zin");
        api.MapGet("/link-opportunities.geojson", async (Koppelkansen k, CancellationToken ct) =>
            Results.Text((await k.GeoJsonAsync(ct)).ToJsonString(), "application/geo+json"))
            .WithSummary("Koppelkansen als GeoJSON, voor de kaartlaag");
        api.MapGet("/link-opportunities/neighbourhoods", async (Koppelkansen k, CancellationToken ct) => TypedResults.Ok(await k.MeetingPointsAsync(ct)))
            .WithSummary("Per buurt de dragers van de koppelkansen; waar er twee of meer samenkomen");
        api.MapGet("/link-opportunities/suggestions", async (Koppelkansen k, CancellationToken ct) => TypedResults.Ok(await k.SuggestionsAsync(ct)))
            .WithSummary("Voorstellen: items dicht bij elkaar in één buurt waarvan de thema's verschillende dragers raken");
        return routes;
    }
}
