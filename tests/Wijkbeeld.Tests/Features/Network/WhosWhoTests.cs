using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Network.WhosWho;
using Wijkbeeld.Tests.Features.Accounts;

namespace Wijkbeeld.Tests.Features.Network;

/// <summary>Who's who through the API: the consent rule for contact details, bad input, If-Match, visibility, audit, the graph.</summary>
public sealed class WhosWhoTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    public static async Task<NetworkMemberDto> AddAsync(HttpClient client, object body) =>
        await (await client.PostAsJsonAsync("/api/network/people", body, TestApps.Ct)).ReadOkAsync<NetworkMemberDto>(HttpStatusCode.Created);

    static HttpRequestMessage Put(int id, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/network/people/{id}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    Task<int> CountAsync() => App.WithDbAsync(db => db.NetworkMembers.CountAsync(Ct));

    [Fact]
    public async Task A_professional_is_added_with_consent_and_found_per_area_and_type()
    {
        var name = "Fatima " + TestApps.UniqueTag();
        var m = await AddAsync(Client, new
        {
            name, role = "Jongerenwerker", activities = "Straathoekwerk op vrijdagavond", areas = new[] { "BU04000101" },
            organisationName = "Stichting Jongerenwerk", bestPersonTypes = new[] { "frontliniewerker", "bruggenbouwer" },
            howToReach = "Via het jongerencentrum", contactConsent = true, consentDate = "2026-11-01", contactPhone = "06 12345678", contactEmail = "fatima@example.nl",
        });
        Assert.Equal("06 12345678", m.ContactPhone);
        Assert.Equal(new DateOnly(2026, 11, 1), m.ConsentDate);
        Assert.Equal("Stichting Jongerenwerk", m.Organisation);

        // The buurt lies in wijk WK040001: the wijk's list holds it too; another wijk's does not.
        var inWijk = await (await Client.GetAsync("/api/network/people?area=WK040001", Ct)).ReadOkAsync<List<NetworkMemberDto>>();
        Assert.Contains(inWijk, x => x.Id == m.Id);
        Assert.DoesNotContain(await (await Client.GetAsync("/api/network/people?area=WK040003", Ct)).ReadOkAsync<List<NetworkMemberDto>>(), x => x.Id == m.Id);
        Assert.Contains(await (await Client.GetAsync("/api/network/people?type=bruggenbouwer", Ct)).ReadOkAsync<List<NetworkMemberDto>>(), x => x.Id == m.Id);
        Assert.DoesNotContain(await (await Client.GetAsync("/api/network/people?type=pionier", Ct)).ReadOkAsync<List<NetworkMemberDto>>(), x => x.Id == m.Id);

        var page = await (await Client.GetAsync("/netwerk?area=WK040001&type=bruggenbouwer", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains(name, page);
        Assert.Contains("fatima@example.nl", page);
    }

    [Fact]
    public async Task Contact_details_without_consent_are_refused_and_nothing_is_stored()
    {
        var before = await CountAsync();
        var problem = await (await Client.PostAsJsonAsync("/api/network/people", new
        {
            name = "Zonder toestemming", areas = new[] { "WK040001" }, contactPhone = "06 12345678", contactEmail = "iemand@example.nl",
        }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.Contains("toestemming", problem.Errors!["contactPhone"][0]);
        Assert.True(problem.Errors.ContainsKey("contactEmail"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Withdrawing_consent_without_removing_the_details_is_refused_and_removing_them_clears_them()
    {
        var m = await AddAsync(Client, new { name = "Bram " + TestApps.UniqueTag(), areas = new[] { "WK040001" }, contactConsent = true, contactEmail = "bram@example.nl" });
        Assert.Equal(DateOnly.FromDateTime(DateTime.Now), m.ConsentDate);
        var refused = await Client.SendAsync(Put(m.Id, new { name = m.Name, areas = new[] { "WK040001" }, contactConsent = false, contactEmail = "bram@example.nl" }, "\"1\""), Ct);
        await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        var ok = await (await Client.SendAsync(Put(m.Id, new { name = m.Name, areas = new[] { "WK040001" }, contactConsent = false }, "\"1\""), Ct)).ReadOkAsync<NetworkMemberDto>();
        Assert.Null(ok.ContactEmail);
        Assert.Null(ok.ConsentDate);
        Assert.Equal(2, ok.Version);
        Assert.Null(await App.WithDbAsync(db => db.NetworkMembers.Where(x => x.Id == m.Id).Select(x => x.ContactEmail).SingleAsync(Ct)));
    }

    public static TheoryData<string, string> BadMembers => new()
    {
        { """{"name":"","areas":["WK040001"]}""", "name" },
        { """{"name":"Ans","areas":[]}""", "areas" },
        { """{"name":"Ans","areas":["WK999999"]}""", "areas" },
        { """{"name":"Ans","areas":["GM0400"]}""", "areas" },
        { """{"name":"Ans","kind":"robot","areas":["WK040001"]}""", "kind" },
        { """{"name":"Ans","areas":["WK040001"],"bestPersonTypes":["held"]}""", "bestPersonTypes" },
        { """{"name":"Ans","areas":["WK040001"],"visibility":"openbaar"}""", "visibility" },
        { """{"name":"Ans","areas":["WK040001"],"worksForId":999999}""", "worksForId" },
        { """{"name":"Ans","areas":["WK040001"],"contactConsent":true,"contactEmail":"geen-adres"}""", "contactEmail" },
        { """{"name":"Ans","areas":["WK040001"],"contactConsent":true,"contactPhone":"bel me"}""", "contactPhone" },
        { """{"name":"Ans","areas":["WK040001"],"contactConsent":true,"consentDate":"2999-01-01","contactPhone":"0223 123456"}""", "consentDate" },
        { """{"name":"Ans","areas":["WK040001"],"activities":"Bel haar op 06 12345678"}""", "confirmPersonalData" },
    };

    [Theory]
    [MemberData(nameof(BadMembers))]
    public async Task Bad_entries_are_refused_in_Dutch_and_nothing_is_stored(string body, string field)
    {
        var before = await CountAsync();
        var problem = await (await Client.PostAsync("/api/network/people", TestApps.Body(body, "application/json"), Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.True(problem.Errors!.ContainsKey(field), string.Join(", ", problem.Errors.Keys));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_stale_or_missing_If_Match_changes_nothing()
    {
        var m = await AddAsync(Client, new { name = "Cor " + TestApps.UniqueTag(), role = "Wijkagent", areas = new[] { "WK040001" } });
        var get = await Client.GetAsync($"/api/network/people/{m.Id}", Ct);
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        var body = new { name = m.Name, role = "Buurtregisseur", areas = new[] { "WK040001" } };
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(Put(m.Id, body, "\"1\""), Ct)).StatusCode);
        var conflict = await (await Client.SendAsync(Put(m.Id, body with { role = "Iets anders" }, "\"1\""), Ct)).AssertProblemAsync(HttpStatusCode.Conflict, "Tegelijk gewijzigd");
        Assert.Equal(2, conflict.CurrentVersion);
        await (await Client.SendAsync(Put(m.Id, body, null), Ct)).AssertProblemAsync((HttpStatusCode)428, "Versie ontbreekt");
        var stored = await (await Client.GetAsync($"/api/network/people/{m.Id}", Ct)).ReadOkAsync<NetworkMemberDto>();
        Assert.Equal("Buurtregisseur", stored.Role);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Own_organisation_entries_stay_there_readers_only_look_and_changes_are_audited_without_contact_values()
    {
        var m = await AddAsync(Client, new
        {
            name = "Dina " + TestApps.UniqueTag(), areas = new[] { "WK040001" }, visibility = "organisatie", contactConsent = true, contactPhone = "0223 654321",
        });
        var police = await App.CreateClientAsAsync(Roles.Professional, TestAccounts.Police);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/api/network/people/{m.Id}", Ct)).StatusCode);
        Assert.DoesNotContain(await (await police.GetAsync("/api/network/people", Ct)).ReadOkAsync<List<NetworkMemberDto>>(), x => x.Id == m.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await police.DeleteAsync($"/api/network/people/{m.Id}", Ct)).StatusCode);

        var reader = await App.CreateClientAsAsync(Roles.Reader);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/network/people/{m.Id}", Ct)).StatusCode);
        await (await reader.PostAsJsonAsync("/api/network/people", new { name = "x", areas = new[] { "WK040001" } }, Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
        await (await reader.DeleteAsync($"/api/network/people/{m.Id}", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync("/api/network/people", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/network/people/{m.Id}", Ct)).StatusCode);
        var audit = await (await Client.GetAsync($"/api/audit?type=netwerkpersoon&id={m.Id}", Ct)).ReadOkAsync<List<AuditShape>>();
        Assert.Contains(audit, a => a.Action == "aangemaakt");
        Assert.Contains(audit, a => a.Action == "verwijderd");
        Assert.All(audit, a => Assert.DoesNotContain("654321", (a.Before ?? "") + (a.After ?? "")));
    }

    [Fact]
    public async Task The_graph_ties_people_to_their_organisation_and_to_who_shares_a_meeting_and_lists_them_beside_the_drawing()
    {
        var tag = TestApps.UniqueTag();
        var (ans, bob, cas) = ("Ans " + tag, "Bob " + tag, "Cas " + tag);
        var a = await AddAsync(Client, new { name = ans, areas = new[] { "BU04000302" }, organisationName = "Wijkteam " + tag });
        var b = await AddAsync(Client, new { name = bob, areas = new[] { "BU04000302" }, organisationName = "Politie " + tag });
        await AddAsync(Client, new { name = cas, areas = new[] { "BU04000304" } });
        await MeetingsTests.AddMeetingAsync(Client, "Buurtoverleg " + tag, 2, (ans, "Wijkteam"), (bob, "Politie"));

        var graph = await (await Client.GetAsync("/api/network/graph?area=WK040003", Ct)).ReadOkAsync<NetworkGraphDto>();
        Assert.Contains(graph.Edges, e => e.Kind == "overleg" && e.Label == "Buurtoverleg " + tag && new[] { e.From, e.To }.Order().SequenceEqual(new[] { $"m{a.Id}", $"m{b.Id}" }.Order()));
        Assert.Contains(graph.Edges, e => e.Kind == "werkt-bij" && e.From == $"m{a.Id}" && e.Label == "Wijkteam " + tag);
        Assert.Contains(graph.Edges, e => e.Kind == "buurt" && e.From == $"m{a.Id}" && e.To == $"m{b.Id}");
        Assert.Contains(graph.Nodes, n => n.Label == cas);
        Assert.All(graph.Nodes, n => Assert.InRange(n.X, 0, NetworkGraph.Width));

        var page = await (await Client.GetAsync("/netwerk/kaart?area=WK040003", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("<svg", page);
        Assert.Contains("Verbindingen in een lijst", page);
        Assert.Contains("Buurtoverleg " + tag, page);

        await (await Client.GetAsync("/api/network/graph?area=WK999999", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        await (await Client.GetAsync("/api/network/graph?case=999999", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "Niet gevonden");
    }

    [Fact]
    public async Task The_edit_page_refuses_a_stale_version_with_409_and_keeps_the_stored_entry()
    {
        var m = await AddAsync(Client, new { name = "Eva " + TestApps.UniqueTag(), role = "Opbouwwerker", areas = new[] { "WK040001" } });
        var browser = NewBrowser();
        var form = await HtmlForm.LoadAsync(browser, $"/netwerk/{m.Id}");
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(Put(m.Id, new { name = m.Name, role = "Wijkcoach", areas = new[] { "WK040001" } }, "\"1\""), Ct)).StatusCode);
        var response = await form.Set("Form.Role", "Te laat").SubmitAsync(browser);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Wijkcoach", (await (await Client.GetAsync($"/api/network/people/{m.Id}", Ct)).ReadOkAsync<NetworkMemberDto>()).Role);
    }
}
