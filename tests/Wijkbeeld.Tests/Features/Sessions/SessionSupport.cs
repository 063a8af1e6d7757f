using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using static Wijkbeeld.Tests.Features.Support.TestApps;

namespace Wijkbeeld.Tests.Features.Sessions;

public sealed record MemberShape(int Id, string Name, bool IsGuest);
public sealed record BreakoutShape(int Number, string Name, string Colour, List<MemberShape> Members);
public sealed record DraftShape(int Id, int Breakout, string Kind, string Title, string Note, double Latitude, double Longitude, string Author, bool ByGuest,
    string State, int? MergedIntoId, int? ItemId, int Version);
public sealed record ParkedShape(int Id, int? Breakout, string Author, string Text, bool FollowUp, int? ItemId);
public sealed record EvaluationShape(int Id, string Column, string? Author, string Text);
public sealed record PartShape(int Id, int Order, string Kind, string Title, int Minutes);
public sealed record SessionShape(int Id, string Title, string Code, string What, string? AreaCode, string Mode, bool Closed, List<PartShape> Parts,
    List<BreakoutShape> Breakouts, List<MemberShape> Unassigned, List<DraftShape> Drafts, List<ParkedShape> Parked, List<EvaluationShape> Evaluation);
public sealed record JoinShape(int SessionId, int ParticipantId, string DisplayName, bool IsGuest, int? Breakout);

/// <summary>Sessions made and joined through the API, as the facilitator's and participants' browsers do.</summary>
public static class SessionSupport
{
    public static async Task<SessionShape> PlanSessionAsync(this HttpClient facilitator, string title, string? areaCode = "WK040007") =>
        await (await facilitator.PostAsJsonAsync("/api/sessions", new
        {
            title, what = "Een kaart van voorzieningen en kansen in De Kooy", why = "Zorggebruik stijgt", who = "Professionals uit de wijk",
            areaCode, mode = "gemengd",
            parts = new object[] { new { kind = "presentatie", minutes = 15 }, new { kind = "breakouts", minutes = 30 }, new { kind = "evaluatie", minutes = 10 } },
        }, Ct)).ReadOkAsync<SessionShape>(HttpStatusCode.Created);

    /// <summary>A session with one breakout; returns its id.</summary>
    public static async Task<int> PlanWithBreakoutAsync(HttpClient facilitator)
    {
        var session = await facilitator.PlanSessionAsync("Matrix " + UniqueTag());
        Assert.Equal(HttpStatusCode.OK, (await facilitator.PostAsJsonAsync($"/api/sessions/{session.Id}/breakouts", new { count = 1 }, Ct)).StatusCode);
        return session.Id;
    }

    /// <summary>A guest with cookies of their own who joined with the code.</summary>
    public static async Task<(HttpClient Client, JoinShape Join)> JoinAsGuestAsync(this WijkbeeldApp app, string code, string name)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = app.ClientOptions.BaseAddress });
        var join = await (await client.PostAsJsonAsync("/api/sessions/join", new { code, displayName = name }, Ct)).ReadOkAsync<JoinShape>(HttpStatusCode.Created);
        return (client, join);
    }

    public static async Task<SessionShape> SessionAsync(this HttpClient client, int id) =>
        await (await client.GetAsync($"/api/sessions/{id}", Ct)).ReadOkAsync<SessionShape>();

    public static async Task<HttpResponseMessage> PickAsync(this HttpClient participant, int session, int breakout) =>
        await participant.PostAsJsonAsync($"/api/sessions/{session}/pick", new { breakout }, Ct);

    public static Task<HttpResponseMessage> PlotAsync(this HttpClient participant, int session, string title, Place place, string kind = "voorziening", int? breakout = null) =>
        participant.PostAsJsonAsync($"/api/sessions/{session}/drafts", new { kind, title, note = "Genoemd in het groepje", latitude = place.Latitude, longitude = place.Longitude, breakout }, Ct);

    public static string Json(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}
