using System.Net.Http.Headers;
using Wijkbeeld.Features.Werkagenda;
using Wijkbeeld.Tests.Features.Accounts;

namespace Wijkbeeld.Tests.Features.Werkagenda;

/// <summary>Cases, the five sliders and SMART actions through the API: results, bad input, visibility, versions and audit.</summary>
public sealed class WerkagendaTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Three_colleagues_place_the_sliders_and_the_result_shows_spread_gap_and_the_earlier_round()
    {
        var c = await Client.CreateCaseAsync("Schuiven " + TestApps.UniqueTag());
        var first = await Client.StartRoundAsync(c.Id, "Voorjaar");
        var anna = await App.CreateClientAsAsync(Roles.Professional);
        var bram = await App.CreateClientAsAsync(Roles.Reader);
        var cora = await App.CreateClientAsAsync(Roles.Coordinator, TestAccounts.Police);
        await anna.PlaceAllAsync(first.Id, now: 2, intended: 7);
        await bram.PlaceAllAsync(first.Id, now: 5, intended: 8);
        var result = await cora.PlaceAllAsync(first.Id, now: 9, intended: 9);

        Assert.Equal(3, result.Participants);
        Assert.Null(result.Previous);
        foreach (var slider in result.Sliders)
        {
            Assert.Equal([2, 5, 9], slider.Positions.Select(p => p.Now).Order());
            Assert.Equal(7, slider.NowSpread);
            Assert.Equal(2, slider.IntendedSpread);
            Assert.Equal(Math.Round(16 / 3.0, 1), slider.AverageNow);
            Assert.Equal(8, slider.AverageIntended);
            Assert.Equal(Math.Round(24 / 3.0 - 16 / 3.0, 1), slider.Gap);
        }
        // Placing again changes one's own answers; it does not add a participant.
        var again = await anna.PlaceAllAsync(first.Id, now: 3, intended: 7);
        Assert.Equal(3, again.Participants);
        Assert.Equal(6, again.Sliders[0].NowSpread);
        Assert.Single(again.Sliders[0].Positions, p => p.Mine);

        var second = await Client.StartRoundAsync(c.Id, "Najaar");
        var later = await anna.PlaceAllAsync(second.Id, now: 6, intended: 8);
        Assert.Equal(first.Id, later.Previous?.Id);
        Assert.Equal(Math.Round((3 + 5 + 9) / 3.0, 1), later.Sliders[0].PreviousAverageNow);
        Assert.Equal(6, later.Sliders[0].AverageNow);
        Assert.Equal(0, later.Sliders[0].NowSpread);
    }

    public static TheoryData<string, string> BadAnswers => new()
    {
        { """{"answers":[{"slider":"positionering-intern","now":0,"intended":5}]}""", "positionering-intern.now" },
        { """{"answers":[{"slider":"positionering-intern","now":5,"intended":11}]}""", "positionering-intern.intended" },
        { """{"answers":[{"slider":"positionering-intern","intended":5}]}""", "positionering-intern.now" },
        { """{"answers":[{"slider":"zwembad","now":5,"intended":5}]}""", "answers[0].slider" },
        { """{"answers":[{"slider":"communicatie","now":5,"intended":5},{"slider":"communicatie","now":6,"intended":6}]}""", "answers[1].slider" },
        { """{"answers":[]}""", "answers" },
        { """{"answers":[{"slider":"communicatie","now":5,"intended":5,"reason":"Bel Jan op 0612345678"}]}""", "confirmPersonalData" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task Bad_slider_answers_are_refused_in_Dutch_and_nothing_is_stored(string body, string field)
    {
        var c = await Client.CreateCaseAsync("Fout " + TestApps.UniqueTag());
        var round = await Client.StartRoundAsync(c.Id, "Ronde");
        var problem = await App.AssertRefusedAsync(() => Client.PutAsync($"/api/selfscan/{round.Id}/answers", TestApps.Body(body, "application/json"), Ct), field);
        Assert.All(problem.Errors!.Values.SelectMany(v => v), m => Assert.DoesNotContain("The ", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reason_with_personal_data_is_saved_once_confirmed()
    {
        var c = await Client.CreateCaseAsync("Bevestigd " + TestApps.UniqueTag());
        var round = await Client.StartRoundAsync(c.Id, "Ronde");
        var response = await Client.PutAsJsonAsync($"/api/selfscan/{round.Id}/answers", new
        {
            answers = new[] { new { slider = "communicatie", now = 4, intended = 6, reason = "Mail wijk@example.nl werkt goed" } }, confirmPersonalData = true,
        }, Ct);
        var result = await response.ReadOkAsync<ScanResult>();
        Assert.Equal("Mail wijk@example.nl werkt goed", result.Sliders.Single(s => s.Slider == "communicatie").Positions.Single().Reason);
    }

    public static TheoryData<string, string> BadCases => new()
    {
        { """{"title":""}""", "title" },
        { $$"""{"title":"{{new string('x', 201)}}"}""", "title" },
        { """{"title":"Casus","areaCode":"BU99999999"}""", "areaCode" },
        { """{"title":"Casus","visibility":"openbaar"}""", "visibility" },
        { """{"title":"Casus","visibility":"geheim"}""", "visibility" },
        { $$"""{"title":"Casus","situation":"{{new string('s', 4001)}}"}""", "situation" },
        { """{"title":"Casus","situation":"BSN 111222333"}""", "situation" },
    };

    [Theory]
    [MemberData(nameof(BadCases))]
    public async Task Bad_cases_are_refused_in_Dutch_and_nothing_is_stored(string body, string field) =>
        await App.AssertRefusedAsync(() => Client.PostAsync("/api/cases", TestApps.Body(body, "application/json"), Ct), field);

    [Fact]
    public async Task A_case_changes_only_with_the_current_version()
    {
        var c = await Client.CreateCaseAsync("Versie " + TestApps.UniqueTag());
        var body = new { title = c.Title, direction = "Samen met de corporatie" };
        await App.AssertRefusedAsync(() => Client.PutAsJsonAsync($"/api/cases/{c.Id}", body, Ct), "", HttpStatusCode.PreconditionRequired, "Versie ontbreekt");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/cases/{c.Id}") { Content = JsonContent.Create(body) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{c.Version}\""));
        var updated = await (await Client.SendAsync(put, Ct)).ReadOkAsync<CaseDto>();
        Assert.Equal("Samen met de corporatie", updated.Direction);
        Assert.Equal(c.Version + 1, updated.Version);
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/cases/{c.Id}") { Content = JsonContent.Create(body with { direction = "Anders" }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{c.Version}\""));
        var conflict = await App.AssertRefusedAsync(() => Client.SendAsync(stale, Ct), "", HttpStatusCode.Conflict, "Tegelijk gewijzigd");
        Assert.Equal(updated.Version, conflict.CurrentVersion);
    }

    [Fact]
    public async Task An_organisation_case_is_hidden_from_other_organisations_but_coordinators_see_every_agenda()
    {
        var c = await Client.CreateCaseAsync("Intern " + TestApps.UniqueTag(), visibility: "organisatie");
        var police = await App.CreateClientAsAsync(Roles.Professional, TestAccounts.Police);
        var policeCoordinator = await App.CreateClientAsAsync(Roles.Coordinator, TestAccounts.Police);
        var colleague = await App.CreateClientAsAsync(Roles.Reader);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/api/cases/{c.Id}", Ct)).StatusCode);
        Assert.DoesNotContain(await (await police.GetAsync("/api/cases", Ct)).ReadOkAsync<List<CaseSummary>>(), s => s.Id == c.Id);
        Assert.Contains(await (await policeCoordinator.GetAsync("/api/cases", Ct)).ReadOkAsync<List<CaseSummary>>(), s => s.Id == c.Id);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/api/cases/{c.Id}", Ct)).StatusCode);
        // A reader places sliders but does not change the agenda.
        await App.AssertRefusedAsync(() => colleague.PostAsJsonAsync($"/api/cases/{c.Id}/actions", new { what = "x" }, Ct), "", HttpStatusCode.Forbidden, "Geen toegang");
        await App.AssertRefusedAsync(() => colleague.PostAsJsonAsync("/api/cases", new { title = "Van een lezer" }, Ct), "", HttpStatusCode.Forbidden, "Geen toegang");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync("/api/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_SMART_action_past_its_deadline_is_overdue_until_it_is_done()
    {
        var c = await Client.CreateCaseAsync("Acties " + TestApps.UniqueTag());
        var late = await Client.AddActionAsync(c.Id, "Buurtschouw houden", "2021-03-01");
        var future = await Client.AddActionAsync(c.Id, "Buurtfeest", DateTime.Today.AddYears(1).ToString("yyyy-MM-dd"));
        var doneLate = await Client.AddActionAsync(c.Id, "Flyer maken", "2021-01-01", status: "klaar");
        Assert.True(late.Overdue);
        Assert.False(future.Overdue);
        Assert.False(doneLate.Overdue);
        var listed = await (await Client.GetAsync($"/api/cases/{c.Id}/actions", Ct)).ReadOkAsync<List<ActionDto>>();
        Assert.Equal([late.Id], listed.Where(a => a.Overdue).Select(a => a.Id));
        Assert.Contains(await (await Client.GetAsync("/api/cases", Ct)).ReadOkAsync<List<CaseSummary>>(), s => s.Id == c.Id && s.Overdue == 1 && s.Actions == 3);

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/actions/{late.Id}")
        {
            Content = JsonContent.Create(new { late.What, late.Owner, late.Partners, late.How, deadline = "2021-03-01", late.MeasurableResult, status = "klaar" }),
        };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{late.Version}\""));
        var done = await (await Client.SendAsync(put, Ct)).ReadOkAsync<ActionDto>();
        Assert.False(done.Overdue);
        var noted = await (await Client.PostAsJsonAsync($"/api/actions/{late.Id}/notes", new { text = "Twaalf bewoners liepen mee." }, Ct)).ReadOkAsync<ActionDto>();
        Assert.Equal("Twaalf bewoners liepen mee.", noted.Notes.Single().Text);

        var csv = await Client.GetStringAsync($"/api/cases/{c.Id}/actions.csv", Ct);
        Assert.Contains("Buurtschouw houden;Wijkcoördinator Noord;Welzijn, corporatie;Twee bijeenkomsten;2021-03-01;Tien bewoners doen mee;Klaar;nee;", csv, StringComparison.Ordinal);
        Assert.Contains("Twaalf bewoners liepen mee.", csv, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadActions => new()
    {
        { """{"what":"","owner":"Jan","deadline":"2026-01-01","measurableResult":"x"}""", "what" },
        { """{"what":"Iets","owner":"","deadline":"2026-01-01","measurableResult":"x"}""", "owner" },
        { """{"what":"Iets","owner":"Jan","deadline":"31-12-2026","measurableResult":"x"}""", "deadline" },
        { """{"what":"Iets","owner":"Jan","deadline":"2026-02-30","measurableResult":"x"}""", "deadline" },
        { """{"what":"Iets","owner":"Jan","deadline":"2026-01-01","measurableResult":""}""", "measurableResult" },
        { """{"what":"Iets","owner":"Jan","deadline":"2026-01-01","measurableResult":"x","status":"misschien"}""", "status" },
    };

    [Theory]
    [MemberData(nameof(BadActions))]
    public async Task Bad_actions_are_refused_in_Dutch_and_nothing_is_stored(string body, string field)
    {
        var c = await Client.CreateCaseAsync("Foute actie " + TestApps.UniqueTag());
        await App.AssertRefusedAsync(() => Client.PostAsync($"/api/cases/{c.Id}/actions", TestApps.Body(body, "application/json"), Ct), field);
    }

    [Fact]
    public async Task Cases_rounds_answers_and_actions_are_in_the_audit_log()
    {
        var c = await Client.CreateCaseAsync("Logboek " + TestApps.UniqueTag());
        var round = await Client.StartRoundAsync(c.Id, "Ronde");
        await Client.PlaceAllAsync(round.Id, 3, 6);
        var action = await Client.AddActionAsync(c.Id, "Actie", "2030-01-01");
        async Task<List<AuditShape>> Audit(string type, int id) => await (await Client.GetAsync($"/api/audit?type={type}&id={id}", Ct)).ReadOkAsync<List<AuditShape>>();
        Assert.Contains(await Audit("casus", c.Id), a => a.Action == "aangemaakt" && a.After!.Contains(c.Title, StringComparison.Ordinal));
        Assert.Contains(await Audit("schuivenronde", round.Id), a => a.Action == "aangemaakt");
        Assert.Contains(await Audit("actie", action.Id), a => a.Action == "aangemaakt");
    }
}
