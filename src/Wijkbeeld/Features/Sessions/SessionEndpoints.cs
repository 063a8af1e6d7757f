using System.Globalization;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Sessions;

public static class SessionEndpoints
{
    public const string JoinLimit = "session-join";

    public static IServiceCollection AddSessionsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SessionService>();
        services.AddScoped<SessionAccess>();
        // A whole room joins from one address (the venue's network): a generous limit per address, against code guessing.
        var perMinute = configuration.GetValue("RateLimits:SessionJoins", 120);
        services.AddRateLimiter(o => o.AddPolicy(JoinLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "onbekend",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })));
        return services;
    }

    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapHub<SessionHub>(SessionHub.Path);
        var api = routes.MapGroup("/api/sessions").WithTags("Sessions");
        var facilitator = api.MapGroup("").RequireAuthorization(Policies.Moderator);

        facilitator.MapGet("", async (SessionService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct))).WithSummary("Werksessies");
        facilitator.MapPost("", Create).WithSummary("Werksessie plannen (5W+H, programma, gebied)");
        facilitator.MapPost("/{id:int}/copy", async (int id, SessionService s, HttpContext http, IStringLocalizer<Texts> t, CancellationToken ct) =>
        {
            var r = await s.CopyAsync(id, Viewer.From(http.User).UserId, ct);
            return r.Ok ? Results.Created($"/api/sessions/{r.Value!.Id}", await s.GetAsync(r.Value.Id, ct)) : Problem(r, t);
        }).WithSummary("Werksessie kopiëren als sjabloon");
        facilitator.MapPost("/{id:int}/breakouts", (int id, BreakoutsInput input, SessionService s, IStringLocalizer<Texts> t, CancellationToken ct) =>
            Answer(s.CreateBreakoutsAsync(id, input.Count, ct), t)).WithSummary("Breakoutgroepen maken (tot dit aantal)");
        facilitator.MapPost("/{id:int}/breakouts/shuffle", (int id, SessionService s, IStringLocalizer<Texts> t, CancellationToken ct) =>
            Answer(s.ShuffleAsync(id, ct), t)).WithSummary("Iedereen willekeurig verdelen (hoogstens vijf per groep)");
        facilitator.MapPost("/{id:int}/members", (int id, AssignInput input, SessionService s, IStringLocalizer<Texts> t, CancellationToken ct) =>
            Answer(s.AssignAsync(id, input.ParticipantId ?? 0, input.Breakout, ct), t)).WithSummary("Deelnemer in een groep zetten");
        facilitator.MapPost("/{id:int}/timer", (int id, TimerInput input, SessionService s, IStringLocalizer<Texts> t, CancellationToken ct) =>
            Answer(s.TimerAsync(id, input.Minutes, ct), t)).WithSummary("Timer starten (0 = stoppen)");
        facilitator.MapPost("/{id:int}/part", (int id, PartMoveInput input, SessionService s, IStringLocalizer<Texts> t, CancellationToken ct) =>
            Answer(s.MoveToPartAsync(id, input.PartId, ct), t)).WithSummary("Naar een onderdeel van het programma");
        facilitator.MapPost("/{id:int}/close", (int id, SessionService s, IStringLocalizer<Texts> t, CancellationToken ct) =>
            Answer(s.CloseAsync(id, ct), t)).WithSummary("Sessie sluiten (de code werkt dan niet meer)");
        facilitator.MapPost("/{id:int}/reactions/{reaction:int}/pin", (int id, int reaction, PinInput input, SessionService s, IStringLocalizer<Texts> t, CancellationToken ct) =>
            Answer(s.PinAsync(id, reaction, input, ct), t)).WithSummary("Reactie vastpinnen of clusteren");
        facilitator.MapPost("/{id:int}/drafts/{draft:int}/merge", (int id, int draft, MergeInput input, SessionService s, IStringLocalizer<Texts> t, CancellationToken ct) =>
            Answer(s.MergeAsync(id, draft, input.IntoDraftId, ct), t)).WithSummary("Dubbele concepten samenvoegen");
        facilitator.MapPost("/{id:int}/publish", (int id, PublishInput input, SessionService s, IStringLocalizer<Texts> t, CancellationToken ct) =>
            Answer(s.PublishAsync(id, input, ct), t)).WithSummary("Concepten in één stap omzetten in items");
        facilitator.MapPost("/{id:int}/parked/{topic:int}/outcome", (int id, int topic, ParkedOutcomeInput input, SessionService s, IStringLocalizer<Texts> t, CancellationToken ct) =>
            Answer(s.ResolveParkedAsync(id, topic, input, ct), t)).WithSummary("Geparkeerd onderwerp: item of vervolgpunt");
        facilitator.MapGet("/{id:int}/report.csv", ReportCsv).WithSummary("Verslag als CSV");
        facilitator.MapGet("/{id:int}/qr.svg", Qr).WithSummary("QR-code van de deelnamelink");
        facilitator.MapGet("/{id:int}/prompt", DrawPrompt).WithSummary("Een reflectievraag trekken");

        api.MapPost("/join", Join).WithSummary("Meedoen met de code (met account of als gast met een naam)").RequireRateLimiting(JoinLimit);
        api.MapGet("/{id:int}", Get).WithSummary("De hele sessie: programma, groepen, concepten, geparkeerd, evaluatie");
        api.MapPost("/{id:int}/pick", Pick).WithSummary("Zelf een groep kiezen");
        api.MapPost("/{id:int}/reactions", (int id, TextInput input, SessionService s, SessionAccess a, HttpContext http, IStringLocalizer<Texts> t, CancellationToken ct) =>
            AsActor(id, a, http, t, ct, actor => s.ReactAsync(id, actor, input, ct))).WithSummary("Reactie in de inputronde");
        api.MapPost("/{id:int}/drafts", (int id, DraftInput input, SessionService s, SessionAccess a, HttpContext http, IStringLocalizer<Texts> t, CancellationToken ct) =>
            AsActor(id, a, http, t, ct, actor => s.AddDraftAsync(id, actor, input, ct))).WithSummary("Concept op de kaart van je groep");
        api.MapPut("/{id:int}/drafts/{draft:int}", UpdateDraft).WithSummary("Concept verplaatsen of wijzigen (met If-Match)");
        api.MapPost("/{id:int}/parked", (int id, ParkInput input, SessionService s, SessionAccess a, HttpContext http, IStringLocalizer<Texts> t, CancellationToken ct) =>
            AsActor(id, a, http, t, ct, actor => s.ParkAsync(id, actor, input, ct))).WithSummary("Onderwerp parkeren");
        api.MapPost("/{id:int}/evaluation", (int id, EvaluationInput input, SessionService s, SessionAccess a, HttpContext http, IStringLocalizer<Texts> t, CancellationToken ct) =>
            AsActor(id, a, http, t, ct, actor => s.EvaluateAsync(id, actor, input, ct))).WithSummary("Plus, min of interessant");

        var cards = routes.MapGroup("/api/prompt-cards").WithTags("Sessions").RequireAuthorization(Policies.Moderator);
        cards.MapGet("", async (WijkbeeldDb db, CancellationToken ct) => TypedResults.Ok(await db.SessionPromptCards.Where(c => c.Category == PromptCategories.Session).OrderBy(c => c.Id).ToListAsync(ct)))
            .WithSummary("De stapel reflectievragen");
        cards.MapPost("", SaveCard).WithSummary("Reflectievraag toevoegen");
        cards.MapPut("/{card:int}", SaveCard).WithSummary("Reflectievraag wijzigen of uitzetten");
        return routes;
    }

    static IResult Problem<T>(Outcome<T> r, IStringLocalizer t) =>
        r.Errors is { } errors ? Problems.Validation(t, errors)
        : r.Status == StatusCodes.Status409Conflict && r.Value is not null
            ? Problems.Status(t, r.Status, r.Error!, new Dictionary<string, object?> { ["current"] = r.Value })
            // A rule of the session (a full group, a draft already done) is 422 "Dit verzoek kan niet", with the reason.
            : Problems.Status(t, r.Status, r.Error!);

    static async Task<IResult> Answer<T>(Task<Outcome<T>> task, IStringLocalizer t)
    {
        var r = await task;
        if (!r.Ok) return Problem(r, t);
        return r.Status == StatusCodes.Status201Created ? Results.Json(r.Value, statusCode: 201) : Results.Ok(r.Value);
    }

    static async Task<IResult> AsActor<T>(int id, SessionAccess access, HttpContext http, IStringLocalizer<Texts> t, CancellationToken ct,
        Func<SessionActor, Task<Outcome<T>>> action)
    {
        var actor = await access.ResolveAsync(http, id, ct);
        return actor is null ? NotParticipant(t) : await Answer(action(actor), t);
    }

    static IResult NotParticipant(IStringLocalizer t) => Problems.Status(t, StatusCodes.Status403Forbidden, t["Sessions.Error.JoinFirst"]);

    static async Task<IResult> Create(SessionInput input, SessionService s, HttpContext http, IStringLocalizer<Texts> t, CancellationToken ct)
    {
        var r = await s.CreateAsync(input, Viewer.From(http.User).UserId, ct);
        return r.Ok ? Results.Created($"/api/sessions/{r.Value!.Id}", await s.GetAsync(r.Value.Id, ct)) : Problem(r, t);
    }

    static async Task<IResult> Join(JoinInput input, SessionService s, HttpContext http, IStringLocalizer<Texts> t, CancellationToken ct) =>
        await Answer(s.JoinAsync(input, http, ct), t);

    static async Task<IResult> Get(int id, SessionService s, SessionAccess a, HttpContext http, IStringLocalizer<Texts> t, CancellationToken ct)
    {
        var actor = await a.ResolveAsync(http, id, ct);
        if (actor is null) return NotParticipant(t);
        return Results.Ok(await s.GetAsync(id, ct));
    }

    static async Task<IResult> Pick(int id, AssignInput input, SessionService s, SessionAccess a, HttpContext http, IStringLocalizer<Texts> t, CancellationToken ct)
    {
        var actor = await a.ResolveAsync(http, id, ct);
        if (actor?.Participant is not { } p) return NotParticipant(t);
        return await Answer(s.AssignAsync(id, p.Id, input.Breakout, ct), t);
    }

    static async Task<IResult> UpdateDraft(int id, int draft, DraftInput input, [FromHeader(Name = "If-Match")] string? ifMatch,
        SessionService s, SessionAccess a, HttpContext http, IStringLocalizer<Texts> t, CancellationToken ct)
    {
        if (!ItemEndpoints.TryParseETag(ifMatch, out var version))
        {
            return Problems.IfMatchRequired(t);
        }
        return await AsActor(id, a, http, t, ct, actor => s.UpdateDraftAsync(id, draft, version, actor, input, ct));
    }

    static async Task<IResult> SaveCard(int? card, PromptCardInput input, WijkbeeldDb db, IStringLocalizer<Texts> t, CancellationToken ct)
    {
        var value = ItemRules.Clean(input.Text);
        if (value is null || value.Length > SessionLimits.ShortMax)
        {
            return Problems.Validation(t, new Dictionary<string, string[]> { ["text"] = [t["Sessions.Error.CardText", SessionLimits.ShortMax]] });
        }
        var entity = card is { } cardId ? await db.SessionPromptCards.FirstOrDefaultAsync(c => c.Id == cardId && c.Category == PromptCategories.Session, ct) : new PromptCard();
        if (entity is null) return Problems.NotFound(t);
        entity.Text = value;
        entity.Active = input.Active ?? true;
        if (entity.Id == 0) db.SessionPromptCards.Add(entity);
        await db.SaveChangesAsync(ct);
        return card is null ? Results.Json(entity, statusCode: 201) : Results.Ok(entity);
    }

    static async Task<IResult> DrawPrompt(int id, WijkbeeldDb db, IStringLocalizer<Texts> t, CancellationToken ct)
    {
        var cards = await db.SessionPromptCards.Where(c => c.Active && c.Category == PromptCategories.Session).ToListAsync(ct);
        return cards.Count == 0 ? Problems.NotFound(t, t["Sessions.Error.NoCards"])
            : Results.Ok(cards[System.Security.Cryptography.RandomNumberGenerator.GetInt32(cards.Count)]);
    }

    static async Task<IResult> Qr(int id, WijkbeeldDb db, HttpRequest request, IStringLocalizer<Texts> t, CancellationToken ct)
    {
        var code = await db.Sessions.Where(s => s.Id == id).Select(s => s.Code).FirstOrDefaultAsync(ct);
        if (code is null) return Problems.NotFound(t);
        return Results.Text(QrSvg(JoinLink(request, code)), "image/svg+xml");
    }

    public static string JoinLink(HttpRequest request, string code) => $"{request.Scheme}://{request.Host}/doe-mee?code={code}";

    public static string QrSvg(string link)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCoder.QRCodeGenerator.ECCLevel.M);
        return new QRCoder.SvgQRCode(data).GetGraphic(6);
    }

    static async Task<IResult> ReportCsv(int id, SessionService s, IStringLocalizer<Texts> t, CancellationToken ct)
    {
        var session = await s.GetAsync(id, ct);
        if (session is null) return Problems.NotFound(t);
        return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(SessionReport.Csv(session, t))).ToArray(),
            "text/csv; charset=utf-8", $"werksessie-{id}.csv");
    }
}

/// <summary>The session report: programme, how many took part, outputs, parked topics and evaluation.</summary>
public static class SessionReport
{
    public static string Csv(SessionDto s, IStringLocalizer t)
    {
        var csv = new StringBuilder();
        void Row(params object?[] cells) => csv.Append(string.Join(';', cells.Select(Cell))).Append("\r\n");
        Row("onderdeel", "groep", "soort", "titel", "tekst", "door", "status", "item");
        Row("sessie", "", "", s.Title, s.What, "", "", "");
        Row("deelnemers", "", "", s.Breakouts.Sum(b => b.Members.Count) + s.Unassigned.Count, "", "", "", "");
        foreach (var p in s.Parts) Row("programma", "", p.Kind, p.Title, p.Minutes.ToString(CultureInfo.InvariantCulture) + " min", "", "", "");
        foreach (var d in s.Drafts) Row("uitkomst", d.Breakout, d.Kind, d.Title, d.Note, d.Author + (d.ByGuest ? " (gast)" : ""), d.State, d.ItemId);
        foreach (var p in s.Parked) Row("geparkeerd", p.Breakout, "", p.Text, "", p.Author, p.FollowUp ? "vervolgpunt" : p.ItemId is null ? "" : "item", p.ItemId);
        foreach (var e in s.Evaluation) Row("evaluatie", "", e.Column, e.Text, "", e.Author ?? "", "", "");
        return csv.ToString();
    }

    /// <summary>A cell that a spreadsheet never reads as a formula, quoted when needed.</summary>
    static string Cell(object? value)
    {
        var v = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        if (v.Length > 0 && "=+-@\t\r".Contains(v[0])) v = "'" + v;
        return v.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
    }
}
