using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Werkagenda;

public static class WerkagendaEndpoints
{
    public static IServiceCollection AddWerkagendaFeature(this IServiceCollection services) =>
        services.AddScoped<WorkAgenda>().AddScoped<CaseReflection>().AddScoped<ConversationCards>();

    public static IEndpointRouteBuilder MapWerkagendaEndpoints(this IEndpointRouteBuilder routes)
    {
        // Every signed-in account reads the agendas it may see and places the sliders; writers change cases and actions.
        var api = routes.MapGroup("/api").WithTags("Werkagenda").RequireAuthorization(Policies.SignedIn);
        api.MapGet("/cases", async (WorkAgenda agenda, CancellationToken ct) => TypedResults.Ok(await agenda.ListAsync(ct)))
            .WithSummary("Casussen met hun lokale werkagenda (die u mag zien)");
        api.MapPost("/cases", async (CaseInput input, WorkAgenda agenda, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
            ToResult(await agenda.CreateAsync(input, ct), text, response, c => c.Version, c => $"/api/cases/{c.Id}"))
            .WithSummary("Nieuwe casus");
        api.MapGet("/cases/{id:int}", async (int id, WorkAgenda agenda, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
        {
            if (await agenda.GetAsync(id, ct) is not { } c) return Problems.NotFound(text);
            response.Headers.ETag = $"\"{c.Version}\"";
            return Results.Ok(c);
        }).WithSummary("Eén casus: situatie, reflectie, richting, schuivenrondes en SMART-acties (met ETag)");
        api.MapPut("/cases/{id:int}", async (int id, CaseInput input, [FromHeader(Name = "If-Match")] string? ifMatch, WorkAgenda agenda,
            IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
        {
            if (!ItemEndpoints.TryParseETag(ifMatch, out var expected))
            {
                return Problems.IfMatchRequired(text);
            }
            return ToResult(await agenda.UpdateAsync(id, expected, input, ct), text, response, c => c.Version);
        }).WithSummary("Casus wijzigen (met If-Match)");
        api.MapPost("/cases/{id:int}/rounds", async (int id, RoundInput input, WorkAgenda agenda, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
            ToResult(await agenda.AddRoundAsync(id, input, ct), text, response, null, r => $"/api/selfscan/{r.Id}"))
            .WithSummary("Nieuwe ronde van de vijf schuiven voor een casus");
        api.MapGet("/selfscan/{roundId:int}", async (int roundId, WorkAgenda agenda, IStringLocalizer<Texts> text, CancellationToken ct) =>
            await agenda.ResultAsync(roundId, ct) is { } result ? Results.Ok(result) : Problems.NotFound(text))
            .WithSummary("Uitkomst van een ronde: per schuif ieders nu en gewenst, spreiding, verschil en de vorige ronde");
        api.MapPut("/selfscan/{roundId:int}/answers", async (int roundId, AnswersInput input, WorkAgenda agenda, IStringLocalizer<Texts> text,
            HttpResponse response, CancellationToken ct) => ToResult(await agenda.SaveAnswersAsync(roundId, input, ct), text, response, null))
            .WithSummary("Mijn schuiven in deze ronde plaatsen (nu en gewenst, 1 tot 10, met waarom)");
        api.MapGet("/cases/{id:int}/actions", async (int id, WorkAgenda agenda, IStringLocalizer<Texts> text, CancellationToken ct) =>
            await agenda.ActionsOfAsync(id, ct) is { } actions ? Results.Ok(actions) : Problems.NotFound(text))
            .WithSummary("SMART-acties van een casus; overdue: deadline voorbij en niet klaar");
        api.MapGet("/cases/{id:int}/actions.csv", async (int id, WorkAgenda agenda, IStringLocalizer<Texts> text, CancellationToken ct) =>
            await agenda.GetAsync(id, ct) is { } c ? Results.Text(Csv(c, text), "text/csv; charset=utf-8", Encoding.UTF8) : Problems.NotFound(text))
            .WithSummary("De werkagenda van een casus als CSV");
        api.MapPost("/cases/{id:int}/actions", async (int id, ActionInput input, WorkAgenda agenda, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
            ToResult(await agenda.AddActionAsync(id, input, ct), text, response, a => a.Version, a => $"/api/actions/{a.Id}"))
            .WithSummary("Nieuwe SMART-actie: wat, wie, hoe, wanneer, meetbaar resultaat");
        api.MapGet("/actions/{id:int}", async (int id, WorkAgenda agenda, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
        {
            if (await agenda.ActionAsync(id, ct) is not { } a) return Problems.NotFound(text);
            response.Headers.ETag = $"\"{a.Version}\"";
            return Results.Ok(a);
        }).WithSummary("Eén SMART-actie (met ETag)");
        api.MapPut("/actions/{id:int}", async (int id, ActionInput input, [FromHeader(Name = "If-Match")] string? ifMatch, WorkAgenda agenda,
            IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
        {
            if (!ItemEndpoints.TryParseETag(ifMatch, out var expected))
            {
                return Problems.IfMatchRequired(text);
            }
            return ToResult(await agenda.UpdateActionAsync(id, expected, input, ct), text, response, a => a.Version);
        }).WithSummary("SMART-actie wijzigen, ook de status (met If-Match)");
        api.MapPost("/actions/{id:int}/notes", async (int id, NoteInput input, WorkAgenda agenda, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
            ToResult(await agenda.AddNoteAsync(id, input, ct), text, response, a => a.Version))
            .WithSummary("Voortgangsnotitie bij een actie");

        // The seven building blocks and social innovation of a case: readers of the case see them, its writers score them.
        api.MapGet("/cases/{id:int}/building-blocks", async (int id, CaseReflection reflection, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
            await reflection.BuildingBlocksAsync(id, ct) is { } b ? Ok(b, response, x => x.Version, null) : Problems.NotFound(text))
            .WithSummary("De zeven bouwstenen van een casus: aanwezig, deels of ontbreekt, met toelichting en knelpunt (met ETag)");
        api.MapPut("/cases/{id:int}/building-blocks", async (int id, BuildingBlocksInput input, [FromHeader(Name = "If-Match")] string? ifMatch,
            CaseReflection reflection, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
            ItemEndpoints.TryParseETag(ifMatch, out var expected)
                ? ToResult(await reflection.SaveBuildingBlocksAsync(id, expected, input, ct), text, response, b => b.Version)
                : Problems.IfMatchRequired(text))
            .WithSummary("De bouwstenen van een casus scoren (de hele set, met If-Match)");
        api.MapGet("/cases/{id:int}/social-innovation", async (int id, CaseReflection reflection, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
            await reflection.SocialInnovationAsync(id, ct) is { } i ? Ok(i, response, x => x.Version, null) : Problems.NotFound(text))
            .WithSummary("Sociale innovatie van een casus: nieuwe kennis, doen, kaderen en organiseren (met ETag)");
        api.MapPut("/cases/{id:int}/social-innovation", async (int id, SocialInnovationInput input, [FromHeader(Name = "If-Match")] string? ifMatch,
            CaseReflection reflection, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
            ItemEndpoints.TryParseETag(ifMatch, out var expected)
                ? ToResult(await reflection.SaveSocialInnovationAsync(id, expected, input, ct), text, response, i => i.Version)
                : Problems.IfMatchRequired(text))
            .WithSummary("Sociale innovatie van een casus vastleggen (de hele set, met If-Match)");

        // Conversation cards beside the exercises: everyone signed in draws them; coordinators edit the deck.
        var cards = routes.MapGroup("/api/conversation-cards").WithTags("Werkagenda").RequireAuthorization(Policies.SignedIn);
        cards.MapGet("", async (ConversationCards deck, CancellationToken ct) => TypedResults.Ok(await deck.ListAsync(ct)))
            .WithSummary("De gesprekskaarten (coördinatoren zien ook de verborgen kaarten)");
        cards.MapGet("/draw", async ([FromQuery(Name = "not")] int? skip, ConversationCards deck, IStringLocalizer<Texts> text, CancellationToken ct) =>
            await deck.DrawAsync(skip, ct) is { } card ? Results.Ok(card) : Problems.NotFound(text, text["Cards.NoCards"]))
            .WithSummary("Trek een kaart: een willekeurige gesprekskaart (not=id: een andere dan deze)");
        cards.MapGet("/{id:int}", async (int id, ConversationCards deck, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
            await deck.GetAsync(id, ct) is { } card ? Ok(card, response, c => c.Version, null) : Problems.NotFound(text))
            .WithSummary("Eén gesprekskaart (met ETag)");
        cards.MapPost("", async (ConversationCardInput input, ConversationCards deck, IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
            ToResult(await deck.AddAsync(input, ct), text, response, c => c.Version, c => $"/api/conversation-cards/{c.Id}"))
            .WithSummary("Gesprekskaart toevoegen (coördinator)");
        cards.MapPut("/{id:int}", async (int id, ConversationCardInput input, [FromHeader(Name = "If-Match")] string? ifMatch, ConversationCards deck,
            IStringLocalizer<Texts> text, HttpResponse response, CancellationToken ct) =>
            ItemEndpoints.TryParseETag(ifMatch, out var expected)
                ? ToResult(await deck.UpdateAsync(id, expected, input, ct), text, response, c => c.Version)
                : Problems.IfMatchRequired(text))
            .WithSummary("Gesprekskaart wijzigen of verbergen (active=false), met If-Match (coördinator)");
        return routes;
    }

    internal static IResult ToResult<T>(Result<T> result, IStringLocalizer text, HttpResponse response, Func<T, int>? version, Func<T, string>? created = null) =>
        result.Outcome switch
        {
            Outcome.Ok => Ok(result.Value!, response, version, created),
            Outcome.Invalid => Problems.Validation(text, result.Errors!),
            Outcome.NotFound => Problems.NotFound(text),
            Outcome.Forbidden => Problems.Status(text, StatusCodes.Status403Forbidden, text["Werkagenda.Error.Forbidden"]),
            _ => Problems.Status(text, StatusCodes.Status409Conflict, text["Werkagenda.Error.Conflict"],
                new Dictionary<string, object?> { ["currentVersion"] = result.CurrentVersion }),
        };

    static IResult Ok<T>(T value, HttpResponse response, Func<T, int>? version, Func<T, string>? created)
    {
        if (version is not null) response.Headers.ETag = $"\"{version(value)}\"";
        return created is null ? Results.Ok(value) : Results.Created(created(value), value);
    }

    /// <summary>One row per action; the case's situation, reflection and direction head the file (semicolons, as Dutch Excel reads them).</summary>
    public static string Csv(CaseDto c, IStringLocalizer text)
    {
        var b = new StringBuilder();
        void Row(params string[] cells) => b.Append(string.Join(';', cells.Select(Cell))).Append("\r\n");
        Row(text["Werkagenda.Case"], c.Title);
        Row(text["Werkagenda.Situation"], c.Situation);
        Row(text["Werkagenda.Reflection"], c.Reflection);
        foreach (var block in c.BuildingBlocks)
        {
            Row(text["Werkagenda.Blocks.Csv"], text["Werkagenda.Block." + block.Code], block.Score is null ? text["Werkagenda.NotScored"] : text["Werkagenda.BlockScore." + block.Score],
                block.Note, block.Obstacle);
        }
        foreach (var part in c.SocialInnovation)
        {
            Row(text["Werkagenda.Innovation.Csv"], text["Werkagenda.Innovation." + part.Code],
                part.Score is null ? text["Werkagenda.NotScored"] : text["Werkagenda.InnovationStage." + part.Score], part.Note);
        }
        Row(text["Werkagenda.Direction"], c.Direction);
        Row();
        Row(text["Werkagenda.Action.What"], text["Werkagenda.Action.Owner"], text["Werkagenda.Action.Partners"], text["Werkagenda.Action.How"],
            text["Werkagenda.Action.Deadline"], text["Werkagenda.Action.Result"], text["Werkagenda.Action.Status"], text["Werkagenda.Action.Overdue"],
            text["Werkagenda.Action.Notes"]);
        foreach (var a in c.Actions)
        {
            Row(a.What, a.Owner, a.Partners, a.How, a.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.MeasurableResult,
                text["Werkagenda.Status." + a.Status], a.Overdue ? text["Werkagenda.Yes"] : text["Werkagenda.No"],
                string.Join(" | ", a.Notes.Select(n => $"{n.At:yyyy-MM-dd} {n.Author}: {n.Text}")));
        }
        return b.ToString();
    }

    /// <summary>Quotes a cell when needed, and defuses spreadsheet formulas.</summary>
    static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
