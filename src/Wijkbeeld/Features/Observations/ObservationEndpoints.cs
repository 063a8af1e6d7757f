using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Observations;

public sealed record GroupInput(string? Name);

public static class ObservationEndpoints
{
    public static readonly string[] CsvColumns =
        ["id", "datum", "dagdeel", "weekdag", "groep", "aantal", "wat", "signalen", "notitie", "buurt", "wijk", "breedtegraad", "lengtegraad", "zichtbaarheid"];

    public static IServiceCollection AddObservationsFeature(this IServiceCollection services)
    {
        services.AddScoped<ObservationRules>();
        services.AddScoped<ObservationReader>();
        services.AddScoped<ObservationService>();
        return services;
    }

    public static IEndpointRouteBuilder MapObservationEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Observations");
        api.MapGet("/observations", List).WithSummary("Observaties (buurt beleven), met filters op dagdeel, weekdag, groep, gebied en periode");
        api.MapGet("/observations/{id:int}", Get).WithSummary("Eén observatie");
        api.MapGet("/observations.geojson", GeoJson).WithSummary("Observaties als GeoJSON, voor de kaartlaag");
        api.MapGet("/observations.csv", Csv).WithSummary("Observaties als CSV");
        api.MapPost("/observations", Create).WithSummary("Observatie vastleggen").RequireAuthorization(Policies.Writer);
        api.MapDelete("/observations/{id:int}", Delete).WithSummary("Observatie verwijderen").RequireAuthorization(Policies.Writer);
        api.MapGet("/observations/groups", Groups).WithSummary("De lijst met groepen");
        api.MapPost("/observations/groups", AddGroup).WithSummary("Groep aan de lijst toevoegen").RequireAuthorization(Policies.Moderator);
        return routes;
    }

    public static async Task<Results<Ok<IReadOnlyList<ObservationDto>>, ValidationProblem>> List(
        HttpRequest request, ObservationReader reader, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (filter, errors) = await reader.ParseAsync(ObservationQuery.Parse(request.Query), ct);
        return filter is null ? Problems.Validation(text, errors) : TypedResults.Ok(await reader.ListAsync(filter, ct));
    }

    public static async Task<Results<Ok<ObservationDto>, ProblemHttpResult>> Get(int id, ObservationReader reader, IStringLocalizer<Texts> text, CancellationToken ct) =>
        await reader.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : Problems.NotFound(text);

    public static async Task<IResult> GeoJson(HttpRequest request, ObservationReader reader, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (filter, errors) = await reader.ParseAsync(ObservationQuery.Parse(request.Query), ct);
        if (filter is null)
        {
            return Problems.Validation(text, errors);
        }
        var rows = await reader.ListAsync(filter, ct);
        var collection = new
        {
            type = "FeatureCollection",
            features = rows.Select(o => new
            {
                type = "Feature",
                id = o.Id,
                geometry = new { type = "Point", coordinates = new[] { o.Longitude, o.Latitude } },
                properties = o,
            }),
        };
        return TypedResults.Json(collection, System.Text.Json.JsonSerializerOptions.Web, "application/geo+json");
    }

    public static async Task<IResult> Csv(HttpContext http, ObservationReader reader, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (filter, errors) = await reader.ParseAsync(ObservationQuery.Parse(http.Request.Query), ct);
        if (filter is null)
        {
            return Problems.Validation(text, errors);
        }
        var rows = await reader.ListAsync(filter, ct);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"wijkbeeld-observaties.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), leaveOpen: true);
        // Escape leading =, +, - and @ so a spreadsheet never runs a cell as a formula.
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        foreach (var column in CsvColumns)
        {
            csv.WriteField(column);
        }
        await csv.NextRecordAsync();
        foreach (var o in rows)
        {
            object?[] row =
            [
                o.Id, o.Date, o.PartOfDay, o.Weekday, o.Group, o.Count, o.Activity, string.Join(';', o.Signals), o.Notes,
                o.Neighbourhood, o.District, o.Latitude, o.Longitude, o.Visibility,
            ];
            foreach (var field in row)
            {
                csv.WriteField(field);
            }
            await csv.NextRecordAsync();
        }
        return Results.Empty;
    }

    public static async Task<Results<Created<ObservationDto>, ValidationProblem>> Create(
        ObservationInput input, ObservationRules rules, ObservationService observations, ObservationReader reader,
        IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (observation, errors) = await rules.ValidateAsync(input, ct);
        if (observation is null)
        {
            return Problems.Validation(text, errors);
        }
        var id = await observations.CreateAsync(observation, ct);
        return TypedResults.Created($"/api/observations/{id}", (await reader.GetAsync(id, ct))!);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(int id, WijkbeeldDb db, Viewer viewer, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var observation = await db.Observations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (observation is null)
        {
            return Problems.NotFound(text);
        }
        if (!viewer.CanChange(observation.OrganisationId))
        {
            return Problems.Status(text, StatusCodes.Status403Forbidden, text["Observations.NotYours"]);
        }
        db.Observations.Remove(observation);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IEnumerable<object>>> Groups(ObservationReader reader, CancellationToken ct) =>
        TypedResults.Ok((await reader.GroupsAsync(ct)).Select(g => (object)new { code = g.Code, name = g.Name }));

    public static async Task<Results<Created<object>, ValidationProblem>> AddGroup(
        GroupInput input, ObservationService observations, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (group, errors) = await observations.AddGroupAsync(input.Name, ct);
        return group is null ? Problems.Validation(text, errors) : TypedResults.Created("/api/observations/groups", (object)new { code = group.Code, name = group.Name });
    }
}
