using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static Wijkbeeld.Tests.Features.Support.TestApps;

namespace Wijkbeeld.Tests.Features.Sessions;

/// <summary>The session hub decides who hears what: a participant hears their own group, never another group's board.</summary>
public sealed class SessionHubTests(SqliteServerApp shared) : AppTests(shared), IClassFixture<SqliteServerApp>
{
    async Task<HubConnection> ConnectAsync(HttpResponseMessage joined, List<JsonElement> inbox)
    {
        var cookie = string.Join("; ", joined.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(App.ClientOptions.BaseAddress, "/hubs/sessions"), o => o.Headers["Cookie"] = cookie).Build();
        connection.On<JsonElement>("session", m => { lock (inbox) inbox.Add(m); });
        await connection.StartAsync(Ct);
        return connection;
    }

    [Fact]
    public async Task A_participant_hears_their_own_group_and_may_not_watch_another()
    {
        var coordinator = await App.CreateClientAsAsync(Roles.Coordinator);
        var session = await coordinator.PlanSessionAsync("Hub " + UniqueTag());
        await coordinator.PostAsJsonAsync($"/api/sessions/{session.Id}/breakouts", new { count = 2 }, Ct);
        var anna = App.CreateClient();
        var annaJoined = await anna.PostAsJsonAsync("/api/sessions/join", new { code = session.Code, displayName = "Anna" }, Ct);
        await anna.PickAsync(session.Id, 1);
        var bram = App.CreateClient();
        var bramJoined = await bram.PostAsJsonAsync("/api/sessions/join", new { code = session.Code, displayName = "Bram" }, Ct);
        await bram.PickAsync(session.Id, 2);

        var annaInbox = new List<JsonElement>();
        var bramInbox = new List<JsonElement>();
        await using var annaHub = await ConnectAsync(annaJoined, annaInbox);
        await using var bramHub = await ConnectAsync(bramJoined, bramInbox);
        await annaHub.InvokeAsync("Watch", session.Id, 1, Ct);
        await bramHub.InvokeAsync("Watch", session.Id, 2, Ct);
        var refused = await Assert.ThrowsAsync<HubException>(() => bramHub.InvokeAsync("Watch", session.Id, 1, Ct));
        Assert.Contains("Je zit niet in deze groep.", refused.Message);
        // Someone outside the session cannot watch it at all.
        await using var stranger = new HubConnectionBuilder().WithUrl(new Uri(App.ClientOptions.BaseAddress, "/hubs/sessions")).Build();
        await stranger.StartAsync(Ct);
        await Assert.ThrowsAsync<HubException>(() => stranger.InvokeAsync("Watch", session.Id, 0, Ct));

        var tag = UniqueTag();
        (await anna.PlotAsync(session.Id, "Bibliotheek " + tag, Places.DeKooy)).EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        bool AnnaHeard() { lock (annaInbox) return annaInbox.Any(m => m.GetProperty("data").TryGetProperty("title", out var t) && t.GetString()!.Contains(tag)); }
        while (!AnnaHeard() && DateTime.UtcNow < deadline) await Task.Delay(50, Ct);
        Assert.True(AnnaHeard(), "Anna's group did not hear its own draft.");
        await Task.Delay(500, Ct);
        lock (bramInbox) Assert.DoesNotContain(bramInbox, m => m.GetProperty("type").GetString() == "draft");
    }
}
