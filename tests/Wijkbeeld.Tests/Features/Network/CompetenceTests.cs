using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Network.WhosWho;
using Wijkbeeld.Tests.Features.Accounts;

namespace Wijkbeeld.Tests.Features.Network;

/// <summary>The competence game through the API: the catalogue, my picks, the team's counts and the comparison with a case.</summary>
public sealed class CompetenceTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    sealed record CategoryShape(string Code, string Name, List<CompetenceShape> Competences);
    sealed record CompetenceShape(string Code, string Name);
    sealed record MineShape(List<string> Codes, int Max);

    static async Task PickAsync(HttpClient client, params string[] codes) =>
        await (await client.PutAsJsonAsync("/api/competences/mine", new { codes }, TestApps.Ct)).ReadOkAsync<List<string>>();

    [Fact]
    public async Task The_catalogue_holds_more_than_forty_competences_in_five_categories()
    {
        var catalogue = await (await Client.GetAsync("/api/competences", Ct)).ReadOkAsync<List<CategoryShape>>();
        Assert.Equal(5, catalogue.Count);
        var all = catalogue.SelectMany(c => c.Competences).ToList();
        Assert.True(all.Count > 40, $"{all.Count} competences");
        Assert.Equal(all.Count, all.Select(c => c.Code).Distinct().Count());
        Assert.Contains(all, c => c.Name == "Spreekt de taal van bewoners");
        Assert.Contains(all, c => c.Code == "enthousiasmeren");
    }

    [Fact]
    public async Task The_team_profile_counts_each_colleagues_picks_and_compares_with_what_a_case_asks()
    {
        // A fresh organisation is a team of its own, so other tests' picks do not count here.
        var organisation = "Team " + TestApps.UniqueTag();
        await App.WithDbAsync(async db => { db.Organisations.Add(new Organisation { Name = organisation }); return await db.SaveChangesAsync(Ct); });
        var ans = await App.CreateClientAsAsync(Roles.Professional, organisation);
        var bob = await App.CreateClientAsAsync(Roles.Professional, organisation);
        var cas = await App.CreateClientAsAsync(Roles.Reader, organisation);
        await PickAsync(ans, "verbinden", "lef", "organiseren");
        await PickAsync(bob, "verbinden", "praktisch");
        await PickAsync(cas, "verbinden", "lef");
        // Changing one's mind replaces the earlier picks.
        await PickAsync(bob, "verbinden", "presenteren");
        Assert.Equal(["verbinden", "presenteren"], (await (await bob.GetAsync("/api/competences/mine", Ct)).ReadOkAsync<MineShape>()).Codes);

        var workCase = await (await ans.PostAsJsonAsync("/api/cases", new { title = "Casus " + organisation }, Ct)).ReadOkAsync<Wijkbeeld.Features.Werkagenda.CaseDto>(HttpStatusCode.Created);
        var needs = await (await ans.PutAsJsonAsync($"/api/competences/cases/{workCase.Id}", new { codes = new[] { "lef", "spreekt-de-taal-van-bewoners", "presenteren" } }, Ct))
            .ReadOkAsync<List<string>>();
        Assert.Equal(3, needs.Count);

        var team = await (await cas.GetAsync($"/api/competences/team?case={workCase.Id}", Ct)).ReadOkAsync<TeamProfile>();
        Assert.Equal(3, team.Members);
        int Count(string code) => team.Categories.SelectMany(c => c.Competences).Single(c => c.Code == code).Count;
        Assert.Equal(3, Count("verbinden"));
        Assert.Equal(2, Count("lef"));
        Assert.Equal(1, Count("organiseren"));
        Assert.Equal(0, Count("praktisch"));
        Assert.Equal("verbinden", team.Strengths[0].Code);
        Assert.Contains(team.Gaps, g => g.Code == "praktisch");
        Assert.Equal(3, team.Categories.Single(c => c.Code == "verbinden").Competences.Sum(c => c.Count));
        Assert.Equal(["lef", "presenteren"], team.Case!.Covered.Select(c => c.Code).Order().ToList());
        Assert.Equal(["spreekt-de-taal-van-bewoners"], team.Case.Missing.Select(c => c.Code).ToList());
        Assert.Equal(["Test lezer", "Test professional"], team.Case.Covered.Single(c => c.Code == "lef").People.Order().ToList());

        var page = Html.Text(await cas.GetPageAsync($"/competenties?case={workCase.Id}"));
        Assert.Contains("Teamprofiel (3 collega's kozen)", page);
        Assert.Contains("Ontbreekt (1)", page);
    }

    public static TheoryData<string, string> BadPicks => new()
    {
        { """{"codes":["bestaat-niet"]}""", "Onbekende competentie" },
        { """{"codes":["lef","lef"]}""", "één keer" },
        { """{"codes":["lef","verbinden","praktisch","organiseren","presenteren","zorgvuldig"]}""", "hoogstens 5" },
        { """{}""", "lijst" },
    };

    [Theory]
    [MemberData(nameof(BadPicks))]
    public async Task Bad_picks_are_refused_in_Dutch_and_the_earlier_picks_stay(string body, string message)
    {
        var client = await App.CreateClientAsAsync(Roles.Professional);
        await PickAsync(client, "lef");
        var problem = await (await client.PutAsync("/api/competences/mine", TestApps.Body(body, "application/json"), Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.Contains(message, problem.Errors!["codes"][0]);
        Assert.Equal(["lef"], (await (await client.GetAsync("/api/competences/mine", Ct)).ReadOkAsync<MineShape>()).Codes);
    }

    [Fact]
    public async Task Only_who_may_change_a_case_sets_its_competences_and_others_do_not_see_a_hidden_case()
    {
        var workCase = await (await Client.PostAsJsonAsync("/api/cases", new { title = "Eigen casus", visibility = "organisatie" }, Ct))
            .ReadOkAsync<Wijkbeeld.Features.Werkagenda.CaseDto>(HttpStatusCode.Created);
        var reader = await App.CreateClientAsAsync(Roles.Reader);
        await (await reader.PutAsJsonAsync($"/api/competences/cases/{workCase.Id}", new { codes = new[] { "lef" } }, Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
        var police = await App.CreateClientAsAsync(Roles.Professional, TestAccounts.Police);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/api/competences/team?case={workCase.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await police.PutAsJsonAsync($"/api/competences/cases/{workCase.Id}", new { codes = new[] { "lef" } }, Ct)).StatusCode);
        await (await Client.PutAsJsonAsync($"/api/competences/cases/{workCase.Id}", new { codes = new[] { "geen-code" } }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.Equal(0, await App.WithDbAsync(db => db.CaseCompetences.CountAsync(c => c.CaseId == workCase.Id, Ct)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.PutAsJsonAsync("/api/competences/mine", new { codes = new[] { "lef" } }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync($"/api/competences/cases/{workCase.Id}", new { codes = new[] { "lef" } }, Ct)).StatusCode);
        var audit = await (await Client.GetAsync("/api/audit?type=casuscompetentie", Ct)).ReadOkAsync<List<AuditShape>>();
        Assert.Contains(audit, a => a.EntityId == $"{workCase.Id},lef" && a.Action == "aangemaakt");
    }

    [Fact]
    public async Task The_strengths_page_lists_kracht_items_of_an_area_with_how_to_reach_them_for_partners_only()
    {
        var tag = TestApps.UniqueTag();
        var item = NewItem.At(Places.Willemsoord, "Naaiclub " + tag) with { Kind = "kracht", Status = "actief", Contact = "Dinsdag 10 uur in De Kroon", Visibility = "openbaar" };
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync("/api/items", item, Ct)).StatusCode);
        var signedIn = Html.Text(await Client.GetPageAsync("/krachten?area=WK040001"));
        Assert.Contains("Naaiclub " + tag, signedIn);
        Assert.Contains("Dinsdag 10 uur in De Kroon", signedIn);
        Assert.Contains("/?kind=kracht&area=WK040001", signedIn);
        var other = Html.Text(await Client.GetPageAsync("/krachten?area=WK040003"));
        Assert.DoesNotContain("Naaiclub " + tag, other);
        var anonymous = Html.Text(await Anonymous.GetPageAsync("/krachten?area=WK040001"));
        Assert.Contains("Naaiclub " + tag, anonymous);
        Assert.DoesNotContain("Dinsdag 10 uur in De Kroon", anonymous);
    }
}
