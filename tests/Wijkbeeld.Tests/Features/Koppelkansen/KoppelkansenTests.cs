using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Koppelkansen;
using Wijkbeeld.Tests.Features.Accounts;
using Wijkbeeld.Tests.Features.Werkagenda;

namespace Wijkbeeld.Tests.Features.Koppelkansen;

/// <summary>Koppelkansen through the API: links, where drivers meet, suggestions, drivers, bad input, visibility and audit.</summary>
public sealed class KoppelkansenTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    Task<int> LinkCountAsync() => App.WithDbAsync(db => db.LinkOpportunities.CountAsync(Ct));

    async Task<LinkDto> LinkAsync(int itemId, string message, params string[] drivers) =>
        await (await Client.PostAsJsonAsync("/api/link-opportunities", new { itemId, drivers, message }, Ct)).ReadOkAsync<LinkDto>(HttpStatusCode.Created);

    [Fact]
    public async Task Four_drivers_are_seeded_and_a_coordinator_adds_the_municipalitys_own()
    {
        var drivers = await (await Anonymous.GetAsync("/api/policy-drivers", Ct)).ReadOkAsync<List<DriverDto>>();
        Assert.Equal(["energietransitie", "veilige-wijk", "gezonde-wijk", "klimaatadaptatie"], drivers.Take(4).Select(d => d.Code));
        var coordinator = await App.CreateClientAsAsync(Roles.Coordinator);
        var own = await (await coordinator.PostAsJsonAsync("/api/policy-drivers", new { name = "Armoede aanpakken " + TestApps.UniqueTag(), themes = new[] { "armoede-schulden" } }, Ct))
            .ReadOkAsync<DriverDto>(HttpStatusCode.Created);
        Assert.StartsWith("armoede-aanpakken-", own.Code, StringComparison.Ordinal);
        var professional = await App.CreateClientAsAsync(Roles.Professional);
        Assert.Equal(HttpStatusCode.Forbidden, (await professional.PostAsJsonAsync("/api/policy-drivers", new { name = "Iets" }, Ct)).StatusCode);
        var audit = await (await Client.GetAsync($"/api/audit?type=drager&id={own.Id}", Ct)).ReadOkAsync<List<AuditShape>>();
        Assert.Contains(audit, a => a.Action == "aangemaakt");
    }

    [Fact]
    public async Task A_link_shows_in_the_list_the_map_layer_and_where_drivers_meet_per_buurt()
    {
        var tag = TestApps.UniqueTag();
        var repair = await Client.CreateItemAsync(NewItem.At(Places.Middelzand, "Repaircafé " + tag) with { Kind = "initiatief", Themes = ["energie"] });
        var garden = await Client.CreateItemAsync(NewItem.At(Places.Middelzand, "Moestuin " + tag) with { Kind = "initiatief", Themes = ["groen-openbare-ruimte"] });
        var link = await LinkAsync(repair.Id, "Het repaircafé van de naaiclub verlaagt ook energierekeningen.", "energietransitie", "gezonde-wijk");
        Assert.Equal(["energietransitie", "gezonde-wijk"], link.Drivers);
        Assert.Equal(Places.Middelzand.NeighbourhoodCode, link.NeighbourhoodCode);

        var geo = await Anonymous.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/link-opportunities.geojson", Ct);
        var feature = geo!["features"]!.AsArray().Single(f => (int)f!["properties"]!["id"]! == link.Id)!;
        Assert.Equal(Places.Middelzand.Longitude, (double)feature["geometry"]!["coordinates"]![0]!, 6);
        Assert.Equal("Het repaircafé van de naaiclub verlaagt ook energierekeningen.", (string)feature["properties"]!["message"]!);

        await LinkAsync(garden.Id, "De moestuin houdt regenwater vast.", "klimaatadaptatie");
        var meeting = (await (await Anonymous.GetAsync("/api/link-opportunities/neighbourhoods", Ct)).ReadOkAsync<List<MeetingPoint>>())
            .Single(m => m.Code == Places.Middelzand.NeighbourhoodCode);
        Assert.True(meeting.DriversMeet);
        Assert.Equal(["energietransitie", "gezonde-wijk", "klimaatadaptatie"], meeting.Drivers);
        Assert.Equal(2, meeting.Links);
    }

    [Fact]
    public async Task Suggestions_pair_nearby_items_whose_themes_touch_different_drivers()
    {
        var tag = TestApps.UniqueTag();
        var energy = await Client.CreateItemAsync(NewItem.At(Places.NieuwDenHelderCentrum, "Zonnepanelen " + tag) with { Themes = ["energie"] });
        var safety = await Client.CreateItemAsync(NewItem.At(Places.NieuwDenHelderCentrum, "Buurtpreventie " + tag) with { Themes = ["veiligheid"] });
        var sameDriver = await Client.CreateItemAsync(NewItem.At(Places.NieuwDenHelderCentrum, "Isolatie " + tag) with { Themes = ["wonen"] });
        var suggestions = await (await Client.GetAsync("/api/link-opportunities/suggestions", Ct)).ReadOkAsync<List<Suggestion>>();
        var ids = suggestions.Select(s => (s.First.Id, s.Second.Id)).ToList();
        Assert.Contains((energy.Id, safety.Id), ids);
        Assert.Contains((safety.Id, sameDriver.Id), ids);
        // Both touch only the energietransitie: nothing to combine.
        Assert.DoesNotContain((energy.Id, sameDriver.Id), ids);
        // Once linked, an item is no longer suggested.
        await LinkAsync(energy.Id, "Zonnepanelen en buurtpreventie samen.", "energietransitie", "veilige-wijk");
        var after = await (await Client.GetAsync("/api/link-opportunities/suggestions", Ct)).ReadOkAsync<List<Suggestion>>();
        Assert.DoesNotContain(after, s => s.First.Id == energy.Id || s.Second.Id == energy.Id);
    }

    [Fact]
    public async Task A_link_to_an_organisation_only_item_is_hidden_from_others()
    {
        var item = await Client.CreateItemAsync(NewItem.At(Places.Willemsoord, "Intern " + TestApps.UniqueTag()) with { Visibility = "organisatie" });
        var link = await LinkAsync(item.Id, "Alleen voor de gemeente.", "veilige-wijk");
        Assert.DoesNotContain(await (await Anonymous.GetAsync("/api/link-opportunities", Ct)).ReadOkAsync<List<LinkDto>>(), l => l.Id == link.Id);
        var police = await App.CreateClientAsAsync(Roles.Professional, TestAccounts.Police);
        Assert.DoesNotContain(await (await police.GetAsync("/api/link-opportunities", Ct)).ReadOkAsync<List<LinkDto>>(), l => l.Id == link.Id);
        Assert.DoesNotContain("Alleen voor de gemeente.", await Anonymous.GetStringAsync("/api/link-opportunities.geojson", Ct), StringComparison.Ordinal);
        // Nor can someone link it who may not see it.
        var before = await LinkCountAsync();
        var refused = await police.PostAsJsonAsync("/api/link-opportunities", new { itemId = item.Id, drivers = new[] { "veilige-wijk" }, message = "Poging." }, Ct);
        Assert.True((await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet")).Errors!.ContainsKey("itemId"));
        Assert.Equal(before, await LinkCountAsync());
        var audit = await (await Client.GetAsync($"/api/audit?type=koppelkans&id={link.Id}", Ct)).ReadOkAsync<List<AuditShape>>();
        Assert.Contains(audit, a => a.Action == "aangemaakt");
    }

    public static TheoryData<string, string> BadLinks => new()
    {
        { """{"drivers":["veilige-wijk"],"message":"Samen sterker."}""", "itemId" },
        { """{"itemId":999999,"drivers":["veilige-wijk"],"message":"Samen sterker."}""", "itemId" },
        { """{"itemId":ITEM,"drivers":[],"message":"Samen sterker."}""", "drivers" },
        { """{"itemId":ITEM,"drivers":["zwemmen"],"message":"Samen sterker."}""", "drivers" },
        { """{"itemId":ITEM,"drivers":["veilige-wijk"],"message":""}""", "message" },
        { $$"""{"itemId":ITEM,"drivers":["veilige-wijk"],"message":"{{new string('m', 301)}}"}""", "message" },
        { """{"itemId":ITEM,"drivers":["veilige-wijk"],"message":"Bel 0612345678"}""", "confirmPersonalData" },
    };

    [Theory]
    [MemberData(nameof(BadLinks))]
    public async Task Bad_links_are_refused_in_Dutch_and_nothing_is_stored(string body, string field)
    {
        var item = await Client.CreateItemAsync(NewItem.At(Places.Centrum, "Koppel " + TestApps.UniqueTag()));
        var before = await LinkCountAsync();
        var response = await Client.PostAsync("/api/link-opportunities", TestApps.Body(body.Replace("ITEM", item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), "application/json"), Ct);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.True(problem.Errors!.ContainsKey(field), string.Join(", ", problem.Errors.Keys));
        Assert.Equal(before, await LinkCountAsync());
    }

    [Theory]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"Energietransitie"}""", "name")]
    [InlineData("""{"name":"Eigen","themes":["bestaat-niet"]}""", "themes")]
    public async Task Bad_drivers_are_refused_in_Dutch_and_nothing_is_stored(string body, string field)
    {
        var before = await App.WithDbAsync(db => db.PolicyDrivers.CountAsync(Ct));
        var problem = await (await Client.PostAsync("/api/policy-drivers", TestApps.Body(body, "application/json"), Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.True(problem.Errors!.ContainsKey(field));
        Assert.Equal(before, await App.WithDbAsync(db => db.PolicyDrivers.CountAsync(Ct)));
    }
}
