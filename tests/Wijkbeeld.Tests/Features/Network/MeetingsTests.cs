using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Network;
using Wijkbeeld.Tests.Features.Accounts;

namespace Wijkbeeld.Tests.Features.Network;

/// <summary>The meetings inventory through the API: totals per person and organisation, what-if, bad input, audit.</summary>
public sealed class MeetingsTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    public static async Task<MeetingDto> AddMeetingAsync(HttpClient client, string name, decimal hours, params (string Name, string Organisation)[] people) =>
        await (await client.PostAsJsonAsync("/api/meetings", new
        {
            name, purpose = "Informatie uitwisselen", frequency = "maandelijks", hoursPerMonth = hours, essential = false,
            participants = people.Select(p => new { name = p.Name, organisation = p.Organisation }),
        }, TestApps.Ct)).ReadOkAsync<MeetingDto>(HttpStatusCode.Created);

    [Fact]
    public async Task Totals_and_what_if_follow_from_the_meetings()
    {
        var tag = TestApps.UniqueTag();
        var (team, police) = ("Wijkteam " + tag, "Politie " + tag);
        var a = await AddMeetingAsync(Client, "Casusoverleg " + tag, 4, ("Ans", team), ("Bob", team), ("Cas", police));
        var b = await AddMeetingAsync(Client, "Signaaloverleg " + tag, 2, ("Ans", team), ("Cas", police));
        var c = await AddMeetingAsync(Client, "Netwerkoverleg " + tag, 3, ("Bob", team), ("Dirk", police));
        Assert.Equal(12, a.TotalHours);

        var now = await (await Client.GetAsync("/api/meetings/totals", Ct)).ReadOkAsync<MeetingTotals>();
        HoursRow Person(MeetingTotals t, string name, string org) => t.People.Single(p => p.Name == name && p.Organisation == org);
        Assert.Equal(6, Person(now, "Ans", team).Before);
        Assert.Equal(7, Person(now, "Bob", team).Before);
        Assert.Equal(13, now.Organisations.Single(o => o.Name == team).Before);
        Assert.Equal(9, now.Organisations.Single(o => o.Name == police).Before);
        Assert.Equal(0, now.Freed);

        // Drop the signaaloverleg; merge the netwerkoverleg into the casusoverleg (Dirk joins it).
        var whatIf = await (await Client.GetAsync($"/api/meetings/totals?drop={b.Id}&merge={c.Id}:{a.Id}", Ct)).ReadOkAsync<MeetingTotals>();
        Assert.Equal(4, Person(whatIf, "Ans", team).After);
        Assert.Equal(4, Person(whatIf, "Bob", team).After);
        Assert.Equal(4, Person(whatIf, "Cas", police).After);
        Assert.Equal(4, Person(whatIf, "Dirk", police).After);
        Assert.Equal(-1, Person(whatIf, "Dirk", police).Freed);
        Assert.Equal(13 - 8, whatIf.Organisations.Single(o => o.Name == team).Freed);
        Assert.Equal(9 - 8, whatIf.Organisations.Single(o => o.Name == police).Freed);
        Assert.Equal(6, whatIf.Freed);
    }

    [Theory]
    [InlineData("drop=999999", "drop")]
    [InlineData("merge=1", "merge")]
    [InlineData("merge=abc:def", "merge")]
    public async Task A_bad_what_if_is_refused_in_Dutch(string query, string field)
    {
        var problem = await (await Client.GetAsync("/api/meetings/totals?" + query, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.True(problem.Errors!.ContainsKey(field));
    }

    public static TheoryData<string, string> BadMeetings => new()
    {
        { """{"name":"","hoursPerMonth":2,"participants":[{"name":"Ans","organisation":"Wijkteam"}]}""", "name" },
        { """{"name":"Overleg","hoursPerMonth":0,"participants":[{"name":"Ans","organisation":"Wijkteam"}]}""", "hoursPerMonth" },
        { """{"name":"Overleg","hoursPerMonth":201,"participants":[{"name":"Ans","organisation":"Wijkteam"}]}""", "hoursPerMonth" },
        { """{"name":"Overleg","hoursPerMonth":2,"participants":[]}""", "participants" },
        { """{"name":"Overleg","hoursPerMonth":2,"participants":[{"name":"Ans","organisation":""}]}""", "participants" },
        { """{"name":"Overleg","hoursPerMonth":2,"participants":[{"name":"Ans","organisation":"W"},{"name":"ans","organisation":"w"}]}""", "participants" },
        { """{"name":"Overleg","hoursPerMonth":2,"frequency":"soms","participants":[{"name":"Ans","organisation":"W"}]}""", "frequency" },
    };

    [Theory]
    [MemberData(nameof(BadMeetings))]
    public async Task Bad_meetings_are_refused_in_Dutch_and_nothing_is_stored(string body, string field)
    {
        var before = await App.WithDbAsync(db => db.Meetings.CountAsync(Ct));
        var problem = await (await Client.PostAsync("/api/meetings", TestApps.Body(body, "application/json"), Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.True(problem.Errors!.ContainsKey(field));
        Assert.Equal(before, await App.WithDbAsync(db => db.Meetings.CountAsync(Ct)));
    }

    [Fact]
    public async Task Writers_add_and_remove_meetings_readers_only_look_and_it_is_audited()
    {
        var reader = await App.CreateClientAsAsync(Roles.Reader);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/api/meetings", new { name = "x" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync("/api/meetings", Ct)).StatusCode);
        var m = await AddMeetingAsync(Client, "Weg " + TestApps.UniqueTag(), 1, ("Ans", "Wijkteam"));
        Assert.Contains(await (await reader.GetAsync("/api/meetings", Ct)).ReadOkAsync<List<MeetingDto>>(), x => x.Id == m.Id);
        var police = await App.CreateClientAsAsync(Roles.Professional, TestAccounts.Police);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.DeleteAsync($"/api/meetings/{m.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/meetings/{m.Id}", Ct)).StatusCode);
        var audit = await (await Client.GetAsync($"/api/audit?type=overleg&id={m.Id}", Ct)).ReadOkAsync<List<AuditShape>>();
        Assert.Contains(audit, a => a.Action == "aangemaakt");
        Assert.Contains(audit, a => a.Action == "verwijderd");
    }
}
