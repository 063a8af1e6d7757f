using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Network;
using Wijkbeeld.Tests.Features.Accounts;

namespace Wijkbeeld.Tests.Features.Network;

/// <summary>Changing a meeting with If-Match (API and page), and who sees a person's hours.</summary>
public sealed class MeetingEditTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    static HttpRequestMessage Put(int id, object body, int? version)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{id}") { Content = JsonContent.Create(body) };
        if (version is { } v) request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v}\""));
        return request;
    }

    static object Body(string name, decimal hours, params (string Name, string Organisation)[] people) => new
    {
        name, purpose = "Signalen delen", frequency = "tweewekelijks", hoursPerMonth = hours, essential = true,
        participants = people.Select(p => new { name = p.Name, organisation = p.Organisation }),
    };

    Task<string> StoredAsync(int id) => App.WithDbAsync(async db =>
    {
        var m = await db.Meetings.Include(x => x.Participants).AsNoTracking().SingleAsync(x => x.Id == id, Ct);
        return $"{m.Name}|{m.Frequency}|{m.HoursPerMonth}|{m.Essential}|{m.Version}|" + string.Join(",", m.Participants.OrderBy(p => p.Id).Select(p => p.Name + "@" + p.Organisation));
    });

    [Fact]
    public async Task A_meeting_changes_with_the_current_version_and_the_totals_follow()
    {
        var tag = TestApps.UniqueTag();
        var team = "Wijkteam " + tag;
        var m = await MeetingsTests.AddMeetingAsync(Client, "Casusoverleg " + tag, 4, ("Ans", team), ("Bob", team));
        var response = await Client.GetAsync($"/api/meetings/{m.Id}", Ct);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);

        var changed = await (await Client.SendAsync(Put(m.Id, Body("Wijkoverleg " + tag, 3, ("Ans", team), ("Cas", team), ("Dirk", team)), 1), Ct)).ReadOkAsync<MeetingDto>();
        Assert.Equal(2, changed.Version);
        Assert.Equal("Wijkoverleg " + tag, changed.Name);
        Assert.Equal(["Ans", "Cas", "Dirk"], changed.Participants.Select(p => p.Name).Order());
        Assert.Equal(9, changed.TotalHours);
        var totals = await (await Client.GetAsync("/api/meetings/totals", Ct)).ReadOkAsync<MeetingTotals>();
        Assert.Equal(9, totals.Organisations.Single(o => o.Name == team).Before);
        Assert.DoesNotContain(totals.People, p => p.Name == "Bob" && p.Organisation == team);

        var before = await StoredAsync(m.Id);
        var conflict = await (await Client.SendAsync(Put(m.Id, Body("Oud " + tag, 1, ("Ans", team)), 1), Ct)).AssertProblemAsync(HttpStatusCode.Conflict, "Tegelijk gewijzigd");
        Assert.Equal(2, conflict.CurrentVersion);
        await (await Client.SendAsync(Put(m.Id, Body("Zonder " + tag, 1, ("Ans", team)), null), Ct)).AssertProblemAsync(HttpStatusCode.PreconditionRequired, "Versie ontbreekt");
        Assert.Equal(before, await StoredAsync(m.Id));
        await (await Client.SendAsync(Put(999999, Body("Nergens", 1, ("Ans", team)), 1), Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "Niet gevonden");

        var audit = await (await Client.GetAsync($"/api/audit?type=overleg&id={m.Id}", Ct)).ReadOkAsync<List<AuditShape>>();
        Assert.Contains(audit, a => a.Action == "gewijzigd" && a.After!.Contains("Wijkoverleg", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> BadChanges => new()
    {
        { """{"name":"","hoursPerMonth":2,"participants":[{"name":"Ans","organisation":"Wijkteam"}]}""", "name" },
        { """{"name":"Overleg","hoursPerMonth":-1,"participants":[{"name":"Ans","organisation":"Wijkteam"}]}""", "hoursPerMonth" },
        { """{"name":"Overleg","hoursPerMonth":2,"participants":[]}""", "participants" },
        { """{"name":"Overleg","hoursPerMonth":2,"frequency":"jaarlijks","participants":[{"name":"Ans","organisation":"W"}]}""", "frequency" },
    };

    [Theory]
    [MemberData(nameof(BadChanges))]
    public async Task Bad_changes_are_refused_in_Dutch_and_nothing_changes(string body, string field)
    {
        var m = await MeetingsTests.AddMeetingAsync(Client, "Blijft " + TestApps.UniqueTag(), 2, ("Ans", "Wijkteam"));
        var before = await StoredAsync(m.Id);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{m.Id}") { Content = TestApps.Body(body, "application/json") };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var problem = await (await Client.SendAsync(request, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.True(problem.Errors!.ContainsKey(field));
        Assert.Equal(before, await StoredAsync(m.Id));
    }

    [Fact]
    public async Task Only_the_owning_organisation_and_coordinators_change_a_meeting()
    {
        var owner = await App.CreateClientAsAsync(Roles.Professional);
        var m = await MeetingsTests.AddMeetingAsync(owner, "Eigen " + TestApps.UniqueTag(), 2, ("Ans", "Wijkteam"));
        var before = await StoredAsync(m.Id);
        var police = await App.CreateClientAsAsync(Roles.Professional, TestAccounts.Police);
        var reader = await App.CreateClientAsAsync(Roles.Reader);
        await (await police.SendAsync(Put(m.Id, Body("Gekaapt", 1, ("Ans", "W")), 1), Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
        await (await reader.SendAsync(Put(m.Id, Body("Gekaapt", 1, ("Ans", "W")), 1), Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.SendAsync(Put(m.Id, Body("Gekaapt", 1, ("Ans", "W")), 1), Ct)).StatusCode);
        Assert.Equal(before, await StoredAsync(m.Id));
        var coordinator = await App.CreateClientAsAsync(Roles.Coordinator, TestAccounts.Police);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.SendAsync(Put(m.Id, Body("Door coördinator", 2, ("Ans", "Wijkteam")), 1), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_persons_hours_are_seen_only_by_that_person_and_coordinators_organisation_totals_by_everyone()
    {
        var tag = TestApps.UniqueTag();
        var team = "Team " + tag;
        // Accounts made for tests are called "Test <role>".
        await MeetingsTests.AddMeetingAsync(Client, "Uren " + tag, 5, ("Test lezer", team), ("Zoë Anders", team));
        var reader = await App.CreateClientAsAsync(Roles.Reader);
        var mine = await (await reader.GetAsync("/api/meetings/totals", Ct)).ReadOkAsync<MeetingTotals>();
        Assert.False(mine.AllPeople);
        Assert.All(mine.People, p => Assert.Equal("Test lezer", p.Name));
        Assert.Contains(mine.People, p => p.Organisation == team && p.Before == 5);
        Assert.Equal(10, mine.Organisations.Single(o => o.Name == team).Before);
        var professional = await App.CreateClientAsAsync(Roles.Professional);
        var theirs = await (await professional.GetAsync($"/api/meetings/totals", Ct)).ReadOkAsync<MeetingTotals>();
        Assert.DoesNotContain(theirs.People, p => p.Organisation == team);

        var coordinator = await App.CreateClientAsAsync(Roles.Coordinator);
        var all = await (await coordinator.GetAsync("/api/meetings/totals", Ct)).ReadOkAsync<MeetingTotals>();
        Assert.True(all.AllPeople);
        Assert.Contains(all.People, p => p.Name == "Zoë Anders" && p.Organisation == team);

        static string PeopleTable(string html)
        {
            var start = html.IndexOf("data-kind=\"people\"", StringComparison.Ordinal);
            return start < 0 ? "" : Html.Text(html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)]);
        }
        var page = await NewBrowser(Roles.Reader).GetPageAsync("/overleggen");
        Assert.Contains("Uw eigen uren", Html.Text(page), StringComparison.Ordinal);
        Assert.Contains("Test lezer", PeopleTable(page), StringComparison.Ordinal);
        Assert.DoesNotContain("Zoë Anders", PeopleTable(page), StringComparison.Ordinal);
        Assert.Contains("Zoë Anders", PeopleTable(await NewBrowser(Roles.Coordinator).GetPageAsync("/overleggen")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_edit_page_saves_the_form_and_refuses_a_stale_one()
    {
        var tag = TestApps.UniqueTag();
        var m = await MeetingsTests.AddMeetingAsync(Client, "Pagina " + tag, 2, ("Ans", "Wijkteam"));
        var browser = NewBrowser();
        var form = await HtmlForm.LoadAsync(browser, $"/overleggen/{m.Id}/wijzigen");
        var stale = await HtmlForm.LoadAsync(browser, $"/overleggen/{m.Id}/wijzigen");
        Assert.Equal("2", form.Get("Form.HoursPerMonth"));
        form.Set("Form.HoursPerMonth", "2.5").Set("Form.Participants", "Ans; Wijkteam\nBob; Welzijn");
        Assert.Equal("/overleggen", (await form.SubmitAsync(browser)).RedirectTarget());
        var stored = await (await Client.GetAsync($"/api/meetings/{m.Id}", Ct)).ReadOkAsync<MeetingDto>();
        Assert.Equal(2.5m, stored.HoursPerMonth);
        Assert.Equal(["Ans", "Bob"], stored.Participants.Select(p => p.Name));

        var before = await StoredAsync(m.Id);
        stale.Set("Form.Name", "Te laat");
        await (await stale.SubmitAsync(browser)).ReadPageAsync(HttpStatusCode.Conflict);
        Assert.Equal(before, await StoredAsync(m.Id));
        // A reader is sent to the sign-in page's "no access" answer, as every page does on Forbid.
        Assert.Equal(HttpStatusCode.Redirect, (await NewBrowser(Roles.Reader).GetAsync($"/overleggen/{m.Id}/wijzigen", Ct)).StatusCode);
    }
}
