using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wijkbeeld.Tests.Features.Support;
using static Wijkbeeld.Tests.Features.Profile.ProfileFiles;

namespace Wijkbeeld.Tests.Features.Profile;

public sealed class ProfileReadSqliteTests(SqliteApp app) : ProfileReadTests(app), IClassFixture<SqliteApp>;

public sealed class ProfileReadPostgresTests : ProfileReadTests, IClassFixture<PostgresApp>
{
    public ProfileReadPostgresTests(PostgresApp app) : base(app) => PostgresGate.Require();
}

/// <summary>The choropleth data, the profile page, its CSV and editing an indicator, on the sample figures.</summary>
public abstract class ProfileReadTests(SharedApp shared) : AppTests(shared)
{
    static string Nl(double value, int decimals = 0) => value.ToString("N" + decimals, System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

    [Fact]
    public async Task The_indicator_list_has_the_CBS_key_figures_and_the_own_ones_with_their_years()
    {
        var indicators = await (await Client.GetAsync("/api/indicators", Ct)).ReadOkAsync<List<IndicatorShape>>();

        var inhabitants = Assert.Single(indicators, i => i.Key == "AantalInwoners");
        Assert.Equal("cbs", inhabitants.Origin);
        Assert.True(inhabitants.Featured);
        Assert.Contains(2023, inhabitants.Years);
        Assert.Contains(2024, inhabitants.Years);
        Assert.Contains(indicators, i => i.Key == "eigen:jongeren-met-jeugdzorg" && i.Origin == "eigen");
        Assert.DoesNotContain(indicators, i => i.Key is "Gemeentenaam" or "SoortRegio" or "MeestVoorkomendePostcode" or "WijkenEnBuurten");
    }

    [Fact]
    public async Task Choropleth_values_are_classed_in_quantiles_with_one_colour_per_class()
    {
        var data = await (await Client.GetAsync("/api/indicators/AantalInwoners/values?year=2024&level=buurt", Ct)).ReadOkAsync<ChoroplethShape>();

        Assert.Equal(30, data.Areas.Count);
        Assert.All(data.Areas, a => Assert.StartsWith("BU0400", a.Code));
        Assert.Equal(5, data.Breaks.Count);
        Assert.Equal(["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"], data.Colors);
        Assert.Equal(data.Breaks.Order(), data.Breaks);
        foreach (var area in data.Areas)
        {
            var expected = data.Breaks.Select((b, i) => (b, i)).First(x => area.Value <= x.b).i;
            Assert.Equal(expected, area.Class);
            Assert.Equal(data.Colors[expected], area.Color);
        }
        // Quantiles: every class holds about a fifth of the buurten.
        Assert.All(data.Areas.GroupBy(a => a.Class), g => Assert.InRange(g.Count(), 4, 8));
        var csv = SampleText(Csv2024);
        Assert.Equal(ProfileApi.CsvValue(csv, "BU04000001", "AantalInwoners"), data.Areas.Single(a => a.Code == "BU04000001").Value);
    }

    [Fact]
    public async Task Natural_breaks_and_the_wijk_level_can_be_chosen()
    {
        var data = await (await Client.GetAsync("/api/indicators/GemiddeldInkomenPerInwoner/values?year=2023&level=wijk&method=jenks", Ct))
            .ReadOkAsync<ChoroplethShape>();

        Assert.Equal("jenks", data.Method);
        Assert.Equal("wijk", data.Level);
        Assert.Equal(9, data.Areas.Count);
        Assert.All(data.Areas, a => Assert.NotNull(a.Class));
        Assert.Equal(data.Areas.Max(a => a.Value), data.Breaks[^1]);
    }

    [Fact]
    public async Task The_GeoJSON_has_the_polygons_with_value_class_and_colour()
    {
        var response = await Client.GetAsync("/api/indicators/AantalInwoners/values.geojson?year=2024", Ct);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal("FeatureCollection", (string?)json["type"]);
        Assert.Equal(2024, (int?)json["year"]);
        var features = json["features"]!.AsArray();
        Assert.Equal(30, features.Count);
        var centrum = features.Single(f => (string?)f!["id"] == "BU04000001")!;
        Assert.Contains((string?)centrum["geometry"]!["type"], new[] { "Polygon", "MultiPolygon" });
        Assert.Equal(ProfileApi.CsvValue(SampleText(Csv2024), "BU04000001", "AantalInwoners"), (double?)centrum["properties"]!["value"]);
        Assert.Equal(json["colors"]![(int)centrum["properties"]!["class"]!]!.GetValue<string>(), (string?)centrum["properties"]!["color"]);
    }

    [Theory]
    [InlineData("/api/indicators/Bestaatniet/values", HttpStatusCode.NotFound)]
    [InlineData("/api/indicators/AantalInwoners/values?level=straat", HttpStatusCode.BadRequest)]
    [InlineData("/api/indicators/AantalInwoners/values?year=twee", HttpStatusCode.BadRequest)]
    [InlineData("/api/indicators/AantalInwoners/values.geojson?method=willekeurig", HttpStatusCode.BadRequest)]
    [InlineData("/api/areas/BU99999999/indicators", HttpStatusCode.NotFound)]
    [InlineData("/api/areas/BU04000001/indicators?year=1800", HttpStatusCode.BadRequest)]
    public async Task Bad_queries_get_a_Dutch_problem(string url, HttpStatusCode status)
    {
        var response = await Client.GetAsync(url, Ct);

        await response.AssertProblemAsync(status, status == HttpStatusCode.NotFound ? DutchTitles.NotFound : DutchTitles.Validation);
    }

    [Fact]
    public async Task The_profile_page_shows_the_figures_against_gemeente_and_Nederland_and_what_the_team_knows()
    {
        var csv = SampleText(Csv2024);
        var html = await Client.GetStringAsync("/profiel/BU04000001", Ct);

        Assert.Contains("<h1 id=\"profile-title\">Centrum</h1>", html);
        Assert.Contains(Nl(ProfileApi.CsvValue(csv, "BU04000001", "AantalInwoners")!.Value), html);
        Assert.Contains(Nl(ProfileApi.CsvValue(csv, "GM0400", "AantalInwoners")!.Value), html);
        Assert.Contains(Nl(ProfileApi.CsvValue(csv, "NL00", "AantalInwoners")!.Value), html);
        Assert.Contains(Nl(ProfileApi.CsvValue(csv, "BU04000001", "GemiddeldInkomenPerInwoner")!.Value, 1), html);
        Assert.Contains("Stad binnen de Linie", html);
        Assert.Contains("<svg class=\"trend\"", html);
        Assert.Contains("Wat het team weet", html);
        Assert.Contains("Verhalen", html);
        Assert.Contains("/api/areas/BU04000001/indicators.csv", html);
    }

    [Fact]
    public async Task A_buurt_without_data_says_geen_gegevens()
    {
        var html = await Client.GetStringAsync("/profiel/BU04000701", Ct);

        Assert.Contains("geen gegevens", html);
    }

    [Fact]
    public async Task The_profile_of_an_unknown_area_is_not_found_and_a_lowercase_code_redirects()
    {
        var browser = NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/profiel/BU99999999", Ct)).StatusCode);
        var lower = await browser.GetAsync("/profiel/bu04000001", Ct);
        Assert.Equal("/profiel/BU04000001", lower.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_figures_of_a_profile_download_as_CSV_for_Dutch_Excel()
    {
        var response = await Client.GetAsync("/api/areas/WK040003/indicators.csv", Ct);
        var csv = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("gebiedscode;gebied;indicator;sleutel;jaar;waarde;gemeente;nederland;eenheid;bron", lines[0]);
        var income = ProfileApi.CsvValue(SampleText(Csv2023), "WK040003", "GemiddeldInkomenPerInwoner")!.Value;
        Assert.Contains(lines, l => l.StartsWith($"WK040003;Nieuw Den Helder;Gemiddeld inkomen per inwoner;GemiddeldInkomenPerInwoner;2023;{income.ToString(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))};", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(";eigen:wmo-clienten;2024;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_map_layer_table_lists_every_buurt_with_value_and_class()
    {
        var html = await Client.GetStringAsync("/profiel/kaartlaag?indicator=AantalInwoners&jaar=2024&niveau=buurt", Ct);
        var data = await (await Client.GetAsync("/api/indicators/AantalInwoners/values?year=2024&level=buurt", Ct)).ReadOkAsync<ChoroplethShape>();
        var centrum = data.Areas.Single(a => a.Code == "BU04000001");

        Assert.Contains($"<tr data-code=\"BU04000001\" data-color=\"{centrum.Color}\">", html);
        Assert.Contains(Nl(centrum.Value!.Value), html);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/profiel/kaartlaag?niveau=straat", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_map_page_has_the_kerncijfers_layer_form()
    {
        var html = await Client.GetStringAsync("/", Ct);

        Assert.Contains("id=\"choropleth-form\"", html);
        Assert.Contains("value=\"AantalInwoners\"", html);
        Assert.Contains("/js/choropleth", html);
    }

    [Fact]
    public async Task An_indicator_is_edited_with_If_Match_and_a_stale_version_conflicts()
    {
        var get = await Client.GetAsync("/api/indicators/eigen:huishoudens-in-schuldhulp", Ct);
        var indicator = await get.ReadOkAsync<IndicatorShape>();
        var etag = get.Headers.ETag!.Tag;

        var edit = new { label = "Huishoudens in de schuldhulp", unit = "per 1.000 huishoudens", higherIsBetter = false, source = "Kredietbank Den Helder" };
        var noVersion = await Client.PutAsJsonAsync("/api/indicators/eigen:huishoudens-in-schuldhulp", edit, Ct);
        await noVersion.AssertProblemAsync(HttpStatusCode.PreconditionRequired, DutchTitles.VersionMissing);

        var request = new HttpRequestMessage(HttpMethod.Put, "/api/indicators/eigen:huishoudens-in-schuldhulp") { Content = JsonContent.Create(edit) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var saved = await (await Client.SendAsync(request, Ct)).ReadOkAsync<IndicatorShape>();
        Assert.Equal("Huishoudens in de schuldhulp", saved.Label);
        Assert.False(saved.HigherIsBetter);
        Assert.Equal(indicator.Version + 1, saved.Version);
        var figure = await Client.FigureAsync("WK040003", "eigen:huishoudens-in-schuldhulp");
        Assert.Equal("Kredietbank Den Helder", figure!.Indicator.Source);

        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/indicators/eigen:huishoudens-in-schuldhulp") { Content = JsonContent.Create(edit with { label = "Oud" }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var conflict = await (await Client.SendAsync(stale, Ct)).AssertImportProblemAsync(HttpStatusCode.Conflict, DutchTitles.Conflict);
        Assert.Equal("Huishoudens in de schuldhulp", conflict.Current!.Label);
    }

    [Fact]
    public async Task An_edit_without_a_label_or_with_too_long_text_changes_nothing()
    {
        var get = await Client.GetAsync("/api/indicators/Koopwoningen", Ct);
        var before = await get.ReadOkAsync<IndicatorShape>();
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/indicators/Koopwoningen")
        {
            Content = JsonContent.Create(new { label = " ", unit = new string('u', 61) }),
        };
        request.Headers.IfMatch.Add(get.Headers.ETag!);

        var problem = await (await Client.SendAsync(request, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);

        Assert.Contains("label", problem.Errors!.Keys);
        Assert.Contains("unit", problem.Errors.Keys);
        var after = await (await Client.GetAsync("/api/indicators/Koopwoningen", Ct)).ReadOkAsync<IndicatorShape>();
        Assert.Equal((before.Label, before.Unit, before.Version), (after.Label, after.Unit, after.Version));
    }

    [Fact]
    public async Task Fetching_from_an_unreachable_CBS_gives_a_Dutch_message_and_stores_nothing()
    {
        using var offline = new WijkbeeldApp(Provider, new Dictionary<string, string?> { ["Profile:CbsODataUrl"] = "http://127.0.0.1:9/odata/" });
        var before = await offline.ValueCountAsync();

        var response = await (await offline.CreateClientAsAsync(Roles.Coordinator)).PostAsync("/api/indicators/import/cbs/fetch?table=86165NED", null, Ct);

        var problem = await response.AssertImportProblemAsync(HttpStatusCode.BadGateway, "Andere dienst niet bereikbaar");
        Assert.Contains("CBS is niet bereikbaar", problem.Detail);
        Assert.Equal(before, await offline.ValueCountAsync());
    }

    [Fact]
    public async Task A_table_is_fetched_from_the_configured_CBS_address_for_the_gemeente_only()
    {
        // A stand-in for opendata.cbs.nl serving the 2025 fixture (no network reaches CBS here).
        await using var cbs = WebApplication.Create();
        cbs.Urls.Add("http://127.0.0.1:0");
        string? filter = null;
        cbs.MapGet("/odata/86165NED/TypedDataSet", (HttpContext c) =>
        {
            filter = c.Request.Query["$filter"];
            return Results.Bytes(Fixture(Json2025), "application/json");
        });
        cbs.MapGet("/odata/86165NED/DataProperties", () => Results.Bytes(Fixture(Properties2025), "application/json"));
        await cbs.StartAsync(Ct);
        var address = cbs.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var app = new WijkbeeldApp(Provider, new Dictionary<string, string?> { ["Profile:CbsODataUrl"] = address + "/odata/" });
        var client = await app.CreateClientAsAsync(Roles.Coordinator);

        var status = await client.ImportAsync("/api/indicators/import/cbs/fetch?table=86165NED&municipality=GM0400", new StringContent(""));

        Assert.Equal("klaar", status.State);
        Assert.Equal("86165NED", status.Report!.Table);
        Assert.True(status.Report.ValuesStored > 500);
        Assert.Contains("startswith(WijkenEnBuurten,'BU0400')", filter);
        Assert.Contains("NL00", filter);
        Assert.Equal(2025, (await client.FigureAsync("BU04000001", "AantalInwoners"))!.Year);
    }

    [Fact]
    public async Task Fetching_needs_a_table_number()
    {
        var response = await Client.PostAsync("/api/indicators/import/cbs/fetch?table=kerncijfers", null, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);
        Assert.Contains("table", problem.Errors!.Keys);
    }
}
