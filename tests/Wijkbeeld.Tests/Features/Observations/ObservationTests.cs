using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Wijkbeeld.Tests.Features.Observations;

public sealed class ObservationSqliteTests(SqliteApp app) : ObservationTests(app), IClassFixture<SqliteApp>;

public sealed class ObservationPostgresTests : ObservationTests, IClassFixture<PostgresApp>
{
    public ObservationPostgresTests(PostgresApp app) : base(app) => PostgresGate.Require();
}

public sealed record ObservationShape(
    int Id, string Date, string PartOfDay, string Weekday, string Group, string GroupName, int? Count, string Activity,
    string[] Signals, string Notes, double Latitude, double Longitude, string? Neighbourhood, string? District, string Visibility, string CreatedBy);

/// <summary>Step 1 of WerkwijzerPlus: recording observations, filtering them by part of day and weekday, visibility, bad input.</summary>
public abstract class ObservationTests(SharedApp shared) : AppTests(shared)
{
    // 4 December 2026 is a Friday.
    const string Friday = "2026-12-04";

    static object Valid(string notes = "Groepje bij het bankje", string partOfDay = "avond", string visibility = "partners", Place? place = null) => new
    {
        date = Friday, partOfDay, group = "jongeren", count = 8, activity = "verzamelen",
        signals = new[] { "plek-claimen", "groeten" }, notes,
        latitude = (place ?? Places.Willemsoord).Latitude, longitude = (place ?? Places.Willemsoord).Longitude, visibility,
    };

    Task<(int Observations, int Audit)> CountsAsync() => App.WithDbAsync(async db =>
        (await db.Observations.IgnoreQueryFilters().CountAsync(Ct), await db.AuditLog.CountAsync(a => a.EntityType.StartsWith("observatie"), Ct)));

    async Task<ObservationShape> CreateAsync(HttpClient client, object body) =>
        await (await client.PostAsJsonAsync("/api/observations", body, Ct)).ReadOkAsync<ObservationShape>(HttpStatusCode.Created);

    [Fact]
    public async Task A_professional_records_an_observation_and_finds_it_by_part_of_day_and_weekday()
    {
        var professional = await App.CreateClientAsAsync(Roles.Professional);
        var tag = TestApps.UniqueTag();
        var created = await CreateAsync(professional, Valid(notes: "Groepje " + tag));

        Assert.Equal(Friday, created.Date);
        Assert.Equal("avond", created.PartOfDay);
        Assert.Equal("vrijdag", created.Weekday);
        Assert.Equal("Jongeren", created.GroupName);
        Assert.Equal(["groeten", "plek-claimen"], created.Signals);
        Assert.Equal("Willemsoord", created.District);
        Assert.Equal("Test professional", created.CreatedBy);

        var evening = await (await professional.GetAsync("/api/observations?partOfDay=avond&weekday=vrijdag", Ct)).ReadOkAsync<ObservationShape[]>();
        Assert.Contains(evening, o => o.Id == created.Id);
        var morning = await (await professional.GetAsync("/api/observations?partOfDay=ochtend", Ct)).ReadOkAsync<ObservationShape[]>();
        Assert.DoesNotContain(morning, o => o.Id == created.Id);
        var monday = await (await professional.GetAsync("/api/observations?weekday=maandag", Ct)).ReadOkAsync<ObservationShape[]>();
        Assert.DoesNotContain(monday, o => o.Id == created.Id);
        var inDistrict = await (await professional.GetAsync($"/api/observations?area={Places.Willemsoord.DistrictCode}&from=2026-12-01&to=2026-12-31", Ct)).ReadOkAsync<ObservationShape[]>();
        Assert.Contains(inDistrict, o => o.Id == created.Id);
        var elsewhere = await (await professional.GetAsync($"/api/observations?area={Places.Middelzand.DistrictCode}", Ct)).ReadOkAsync<ObservationShape[]>();
        Assert.DoesNotContain(elsewhere, o => o.Id == created.Id);

        using var geo = JsonDocument.Parse(await professional.GetStringAsync("/api/observations.geojson?partOfDay=avond", Ct));
        var feature = geo.RootElement.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetInt32() == created.Id);
        Assert.Equal(Places.Willemsoord.Longitude, feature.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());

        var csvResponse = await professional.GetAsync("/api/observations.csv?weekday=vrijdag", Ct);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csv = await csvResponse.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("id,datum,dagdeel,weekdag,groep", csv, StringComparison.Ordinal);
        Assert.Contains($"{created.Id},{Friday},avond,vrijdag,jongeren,8,verzamelen,groeten;plek-claimen,Groepje {tag}", csv, StringComparison.Ordinal);

        var audit = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityType == "observatie" && a.EntityId == created.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync(Ct));
        Assert.Equal("aangemaakt", Assert.Single(audit).Action);
    }

    public static TheoryData<string, string, string> BadFields => new()
    {
        { "date", "null", "date" },
        { "date", "\"4-12-2026\"", "date" },
        { "date", "\"2999-01-01\"", "date" },
        { "partOfDay", "\"lunch\"", "partOfDay" },
        { "group", "\"marsmannetjes\"", "group" },
        { "count", "0", "count" },
        { "count", "100000", "count" },
        { "activity", "\"dansen\"", "activity" },
        { "signals", "[\"onbekend\"]", "signals" },
        { "latitude", "91", "location" },
        { "latitude", $"{Places.AmsterdamLatitude.ToString(CultureInfo.InvariantCulture)}", "location" },
        { "longitude", "null", "location" },
        { "notes", $"\"{new string('x', 1001)}\"", "notes" },
        { "visibility", "\"iedereen\"", "visibility" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Bad_input_is_refused_in_Dutch_and_stores_nothing(string property, string rawJson, string errorField)
    {
        var body = JsonSerializer.SerializeToNode(Valid(), JsonSerializerOptions.Web)!.AsObject();
        body[property] = System.Text.Json.Nodes.JsonNode.Parse(rawJson);
        if (property == "latitude" && rawJson.StartsWith("52", StringComparison.Ordinal)) body["longitude"] = Places.AmsterdamLongitude;
        var before = await CountsAsync();
        var response = await Client.PostAsync("/api/observations", TestApps.Body(body.ToJsonString(), "application/json"), Ct);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.True(problem.Errors!.ContainsKey(errorField), string.Join(", ", problem.Errors.Keys));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Personal_data_in_the_notes_must_be_confirmed()
    {
        var before = await CountsAsync();
        var response = await Client.PostAsJsonAsync("/api/observations", Valid(notes: "Bel hem op 06-12345678"), Ct);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.Contains("confirmPersonalData", problem.Errors!.Keys);
        Assert.Equal(before, await CountsAsync());

        var body = JsonSerializer.SerializeToNode(Valid(notes: "Bel hem op 06-12345678"), JsonSerializerOptions.Web)!.AsObject();
        body["confirmPersonalData"] = true;
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsync("/api/observations", TestApps.Body(body.ToJsonString(), "application/json"), Ct)).StatusCode);
    }

    [Fact]
    public async Task Only_writers_record_observations()
    {
        var before = await CountsAsync();
        await (await Anonymous.PostAsJsonAsync("/api/observations", Valid(), Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized, "Niet ingelogd");
        var reader = await App.CreateClientAsAsync(Roles.Reader);
        await (await reader.PostAsJsonAsync("/api/observations", Valid(), Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Visibility_decides_who_sees_an_observation_and_only_the_own_organisation_deletes_it()
    {
        var professional = await App.CreateClientAsAsync(Roles.Professional);
        var police = await App.CreateClientAsAsync(Roles.Professional, TestAccounts.Police);
        var own = await CreateAsync(professional, Valid(visibility: "organisatie"));
        var partners = await CreateAsync(professional, Valid(visibility: "partners"));
        var open = await CreateAsync(professional, Valid(visibility: "openbaar"));

        async Task<HashSet<int>> Seen(HttpClient client) =>
            (await (await client.GetAsync("/api/observations", Ct)).ReadOkAsync<ObservationShape[]>()).Select(o => o.Id).ToHashSet();
        var anonymous = await Seen(Anonymous);
        Assert.Contains(open.Id, anonymous);
        Assert.DoesNotContain(partners.Id, anonymous);
        Assert.DoesNotContain(own.Id, anonymous);
        var policeSees = await Seen(police);
        Assert.Contains(partners.Id, policeSees);
        Assert.DoesNotContain(own.Id, policeSees);
        Assert.Contains(own.Id, await Seen(professional));
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/api/observations/{own.Id}", Ct)).StatusCode);
        var csvIds = (await Anonymous.GetStringAsync("/api/observations.csv", Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(line => line.Split(',')[0]);
        Assert.Contains(open.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), csvIds);
        Assert.DoesNotContain(own.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), csvIds);

        var before = await CountsAsync();
        await (await police.DeleteAsync($"/api/observations/{partners.Id}", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
        await (await police.DeleteAsync($"/api/observations/{own.Id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "Niet gevonden");
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await professional.DeleteAsync($"/api/observations/{partners.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await professional.GetAsync($"/api/observations/{partners.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Bad_filters_are_refused()
    {
        foreach (var url in new[] { "/api/observations?partOfDay=lunch", "/api/observations.geojson?weekday=vrijdagavond", "/api/observations.csv?area=XX", "/api/observations?from=gisteren" })
        {
            await (await Client.GetAsync(url, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        }
    }

    [Fact]
    public async Task A_coordinator_adds_a_group_that_observers_can_then_choose()
    {
        var coordinator = await App.CreateClientAsAsync(Roles.Coordinator);
        var name = "Skaters " + TestApps.UniqueTag();
        var created = await coordinator.PostAsJsonAsync("/api/observations/groups", new { name }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var groups = await (await Anonymous.GetAsync("/api/observations/groups", Ct)).ReadOkAsync<JsonElement[]>();
        var code = groups.Single(g => g.GetProperty("name").GetString() == name).GetProperty("code").GetString()!;
        Assert.StartsWith("skaters-tst", code, StringComparison.Ordinal);

        var body = JsonSerializer.SerializeToNode(Valid(), JsonSerializerOptions.Web)!.AsObject();
        body["group"] = code;
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsync("/api/observations", TestApps.Body(body.ToJsonString(), "application/json"), Ct)).StatusCode);

        await (await coordinator.PostAsJsonAsync("/api/observations/groups", new { name }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        await (await coordinator.PostAsJsonAsync("/api/observations/groups", new { name = " " }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        var professional = await App.CreateClientAsAsync(Roles.Professional);
        await (await professional.PostAsJsonAsync("/api/observations/groups", new { name = "Iets anders" }, Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
    }

    [Fact]
    public async Task The_form_records_an_observation_without_javascript_and_shows_errors_in_place()
    {
        var browser = NewBrowser(Roles.Professional);
        var form = await HtmlForm.LoadAsync(browser, "/observaties/nieuw");
        Assert.NotNull(form.Get("Form.Date"));
        var before = await CountsAsync();
        var refused = await form.Set("Form.Group", "").SubmitAsync(browser);
        var html = Html.Text(await refused.ReadPageAsync(HttpStatusCode.BadRequest));
        Assert.Contains("Kies een groep uit de lijst.", html, StringComparison.Ordinal);
        Assert.Contains("Kies wat er gebeurt.", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());

        var tag = TestApps.UniqueTag();
        var saved = await form.Set("Form.Group", "ouderen").Set("Form.Activity", "zitten").Set("Form.PartOfDay", "ochtend")
            .Set("Form.Date", Friday).Set("Form.Signals", "groeten", "vuil-graffiti").Set("Form.Notes", "Bankje " + tag)
            .Set("Form.Latitude", Places.Centrum.Latitude.ToString(CultureInfo.InvariantCulture).Replace('.', ','))
            .Set("Form.Longitude", Places.Centrum.Longitude.ToString(CultureInfo.InvariantCulture))
            .SubmitAsync(browser);
        Assert.Equal("/observaties/kaart?partOfDay=ochtend", saved.RedirectTarget());
        var list = Html.Text(await browser.GetPageAsync("/observaties?partOfDay=ochtend&weekday=vrijdag"));
        Assert.Contains("Bankje " + tag, list, StringComparison.Ordinal);
        Assert.Contains("Vuil of graffiti", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Bankje " + tag, Html.Text(await browser.GetPageAsync("/observaties?partOfDay=avond")), StringComparison.Ordinal);
    }
}
