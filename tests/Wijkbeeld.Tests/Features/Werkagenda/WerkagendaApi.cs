using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Werkagenda;

namespace Wijkbeeld.Tests.Features.Werkagenda;

/// <summary>Calls of the werkagenda API for tests, and the row counts that "nothing changed" is checked against.</summary>
public static class WerkagendaApi
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly string[] SliderCodes =
        ["positionering-intern", "proces-binnen-gemeente", "proces-met-bewoners", "bestuur-en-politiek", "communicatie"];

    public static async Task<CaseDto> CreateCaseAsync(this HttpClient client, string title, string visibility = "partners", string? area = null) =>
        await (await client.PostAsJsonAsync("/api/cases", new { title, situation = "Veel losse initiatieven.", visibility, areaCode = area }, Ct))
            .ReadOkAsync<CaseDto>(HttpStatusCode.Created);

    public static async Task<RoundDto> StartRoundAsync(this HttpClient client, int caseId, string name) =>
        await (await client.PostAsJsonAsync($"/api/cases/{caseId}/rounds", new { name }, Ct)).ReadOkAsync<RoundDto>(HttpStatusCode.Created);

    /// <summary>Places all five sliders at the same now and intended positions.</summary>
    public static async Task<ScanResult> PlaceAllAsync(this HttpClient client, int roundId, int now, int intended, string reason = "Zo zie ik het.") =>
        await (await client.PutAsJsonAsync($"/api/selfscan/{roundId}/answers",
            new { answers = SliderCodes.Select(s => new { slider = s, now, intended, reason }) }, Ct)).ReadOkAsync<ScanResult>();

    public static async Task<ActionDto> AddActionAsync(this HttpClient client, int caseId, string what, string deadline, string status = "open") =>
        await (await client.PostAsJsonAsync($"/api/cases/{caseId}/actions", new
        {
            what, owner = "Wijkcoördinator Noord", partners = "Welzijn, corporatie", how = "Twee bijeenkomsten", deadline,
            measurableResult = "Tien bewoners doen mee", status,
        }, Ct)).ReadOkAsync<ActionDto>(HttpStatusCode.Created);

    /// <summary>Scores three building blocks of a new case (version 1): one present, one partly, one missing with its obstacle.</summary>
    public static async Task<BuildingBlocksDto> PutBuildingBlocksAsync(this HttpClient client, int caseId)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/cases/{caseId}/building-blocks")
        {
            Content = JsonContent.Create(new
            {
                blocks = new[]
                {
                    new { code = "maatschappelijke-urgentie", score = "aanwezig", note = "Veel signalen over eenzaamheid.", obstacle = "" },
                    new { code = "vertrouwen", score = "deels", note = "Bewoners kennen het wijkteam nog weinig.", obstacle = "" },
                    new { code = "middelen", score = "ontbreekt", note = "Geen procesgeld.", obstacle = "Acties blijven liggen na de eerste bijeenkomst." },
                },
            }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        return await (await client.SendAsync(request, Ct)).ReadOkAsync<BuildingBlocksDto>();
    }

    public sealed record Counts(int Cases, int Rounds, int Answers, int Actions, int Notes);

    public static Task<Counts> WerkagendaCountsAsync(this WijkbeeldApp app) => app.WithDbAsync(async db => new Counts(
        await db.WorkCases.CountAsync(Ct), await db.SelfScanRounds.CountAsync(Ct), await db.SliderAnswers.CountAsync(Ct),
        await db.AgendaActions.CountAsync(Ct), await db.ActionNotes.CountAsync(Ct)));

    /// <summary>Sends a request that must be refused with 400 and a Dutch validation problem; checks nothing was stored.</summary>
    public static async Task<ProblemShape> AssertRefusedAsync(this WijkbeeldApp app, Func<Task<HttpResponseMessage>> send, string field,
        HttpStatusCode status = HttpStatusCode.BadRequest, string title = "De gegevens kloppen niet")
    {
        var before = await app.WerkagendaCountsAsync();
        var response = await send();
        var problem = await response.AssertProblemAsync(status, title);
        if (status == HttpStatusCode.BadRequest)
        {
            Assert.True(problem.Errors?.ContainsKey(field) == true, $"No error for {field}: {string.Join(", ", problem.Errors?.Keys.ToArray() ?? [])}");
        }
        Assert.Equal(before, await app.WerkagendaCountsAsync());
        return problem;
    }
}
