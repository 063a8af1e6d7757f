using System.Text;
using Wijkbeeld.Tests.Features.Support;
using static Wijkbeeld.Tests.Features.Profile.ProfileFiles;
using static Wijkbeeld.Tests.Features.Profile.ProfileApi;

namespace Wijkbeeld.Tests.Features.Profile;

public sealed class IndicatorImportSqliteTests(SqliteApp app) : IndicatorImportTests(app), IClassFixture<SqliteApp>;

public sealed class IndicatorImportPostgresTests : IndicatorImportTests, IClassFixture<PostgresApp>
{
    public IndicatorImportPostgresTests(PostgresApp app) : base(app) => PostgresGate.Require();
}

/// <summary>
/// Importing CBS kerncijfers (StatLine CSV, OData JSON with DataProperties) and own indicators through the API, and what
/// a client reads back. The sample figures (2023 and 2024, made up) are loaded when the app starts.
/// </summary>
public abstract class IndicatorImportTests(SharedApp shared) : AppTests(shared)
{
    const string Cbs = "/api/indicators/import/cbs";
    const string Own = "/api/indicators/import/own";

    [Fact]
    public async Task The_sample_figures_are_there_on_first_run_with_gemeente_and_Nederland_beside_them()
    {
        var csv = SampleText(Csv2024);
        var inhabitants = await Client.FigureAsync("BU04000001", "AantalInwoners", 2024);

        Assert.NotNull(inhabitants);
        Assert.Equal(2024, inhabitants.Year);
        Assert.Equal(CsvValue(csv, "BU04000001", "AantalInwoners"), inhabitants.Value);
        Assert.Equal(CsvValue(csv, "GM0400", "AantalInwoners"), inhabitants.Municipality);
        Assert.Equal(CsvValue(csv, "NL00", "AantalInwoners"), inhabitants.Netherlands);
        Assert.Equal([2023, 2024], inhabitants.Trend.Select(t => t.Year).Take(2));
        Assert.Equal(CsvValue(SampleText(Csv2023), "BU04000001", "AantalInwoners"), inhabitants.Trend[0].Value);
    }

    [Fact]
    public async Task Columns_are_matched_by_key_so_2023s_number_78_and_2024s_number_83_are_one_indicator()
    {
        Assert.Contains("\"GemiddeldInkomenPerInwoner_78\"", SampleText(Csv2023));
        Assert.Contains("\"GemiddeldInkomenPerInwoner_83\"", SampleText(Csv2024));

        var income = await Client.FigureAsync("WK040003", "GemiddeldInkomenPerInwoner");

        Assert.NotNull(income);
        Assert.Equal(
            [CsvValue(SampleText(Csv2023), "WK040003", "GemiddeldInkomenPerInwoner"), CsvValue(SampleText(Csv2024), "WK040003", "GemiddeldInkomenPerInwoner")],
            income.Trend.Take(2).Select(t => (double?)t.Value));
        Assert.True(income.Indicator.HigherIsBetter);
        var indicators = await (await Client.GetAsync("/api/indicators", Ct)).ReadOkAsync<List<IndicatorShape>>();
        Assert.Single(indicators, i => i.Key.StartsWith("GemiddeldInkomenPerInwoner", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_value_is_geen_gegevens_never_zero()
    {
        // Vliegveld De Kooy: CBS suppresses the figures of so few inhabitants with '.'.
        Assert.Null(CsvValue(SampleText(Csv2024), "BU04000701", "GemiddeldInkomenPerInwoner"));

        var income = await Client.FigureAsync("BU04000701", "GemiddeldInkomenPerInwoner", 2024);
        var values = await (await Client.GetAsync("/api/indicators/GemiddeldInkomenPerInwoner/values?year=2024&level=buurt", Ct))
            .ReadOkAsync<ChoroplethShape>();

        Assert.NotNull(income);
        Assert.Null(income.Value);
        Assert.NotNull(income.Municipality);
        var area = Assert.Single(values.Areas, a => a.Code == "BU04000701");
        Assert.Null(area.Value);
        Assert.Null(area.Class);
        Assert.Null(area.Color);
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var before = await App.ValueCountAsync();

        var status = await Client.ImportAsync($"{Cbs}?year=2024", ProfileApi.Form(Sample(Csv2024), Csv2024));

        Assert.Equal("klaar", status.State);
        Assert.Equal(100, status.Percent);
        var report = status.Report!;
        Assert.Equal(0, report.ValuesStored);
        Assert.Equal(0, report.ValuesChanged);
        Assert.Equal(0, report.IndicatorsCreated);
        Assert.True(report.ValuesUnchanged > 500, $"unchanged: {report.ValuesUnchanged}");
        Assert.Equal(before, await App.ValueCountAsync());
    }

    [Fact]
    public async Task The_OData_JSON_with_DataProperties_adds_2025_and_its_column_numbers_differ_again()
    {
        var json = Encoding.UTF8.GetString(Fixture(Json2025));
        Assert.Contains("\"AantalInwoners_6\"", json);

        var status = await Client.ImportAsync(Cbs, ProfileApi.Form(Fixture(Json2025), Json2025, Fixture(Properties2025)));

        var report = status.Report!;
        Assert.Equal("klaar", status.State);
        Assert.Equal("86165NED", report.Table);
        Assert.Equal([2025], report.Years);
        Assert.True(report.ValuesStored > 500);
        Assert.True(report.ValuesMissing > 0);
        var inhabitants = await Client.FigureAsync("BU04000001", "AantalInwoners");
        Assert.Equal(2025, inhabitants!.Year);
        Assert.Equal([2023, 2024, 2025], inhabitants.Trend.Select(t => t.Year));
        var men = await Client.FigureAsync("BU04000001", "Mannen");
        Assert.Equal("Aantal mannen op 1 januari.", men!.Indicator.Description);

        var again = await Client.ImportAsync(Cbs, ProfileApi.Form(Fixture(Json2025), Json2025, Fixture(Properties2025)));
        Assert.Equal(0, again.Report!.ValuesStored);
        Assert.Equal(report.ValuesStored, again.Report.ValuesUnchanged);
    }

    [Fact]
    public async Task The_CSV_can_be_sent_as_the_body_and_rows_it_cannot_use_are_reported_with_the_reason()
    {
        var csv = SampleText(Csv2024);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        var centrum = lines.FindIndex(l => l.Contains("\"BU04000001\"", StringComparison.Ordinal));
        lines.Add(lines[centrum]); // duplicate
        lines.Add(lines[centrum].Replace("BU04000001", "BU99990001", StringComparison.Ordinal)); // unknown code
        var visbuurt = lines.FindIndex(l => l.Contains("\"BU04000002\"", StringComparison.Ordinal));
        var cells = lines[visbuurt].Split(';');
        cells[8] = "\"veel\""; // text in a number column (Vrouwen_7)
        lines[visbuurt] = string.Join(';', cells);

        var status = await Client.ImportAsync($"{Cbs}?year=2024", TestApps.Body(string.Join("\r\n", lines), "text/csv"));

        var report = status.Report!;
        Assert.Equal(1, report.SkippedFor("Dubbel"));
        Assert.Equal(1, report.SkippedFor("Onbekende gebiedscode"));
        Assert.Equal(1, report.SkippedFor("Geen getal"));
        Assert.Contains(report.Skipped, s => s.Examples.Any(e => e.Contains("BU99990001", StringComparison.Ordinal)));
        Assert.Equal(0, report.ValuesStored);
        Assert.Equal(CsvValue(csv, "BU04000002", "Vrouwen"), (await Client.FigureAsync("BU04000002", "Vrouwen", 2024))!.Value);
    }

    [Fact]
    public async Task Own_indicators_are_imported_from_a_simple_CSV()
    {
        var csv = "gebiedscode;indicator;jaar;waarde;eenheid;bron\r\n" +
                  "WK040003;Schuldhulpvragen test;2024;12,5;per 1.000 huishoudens;Schuldhulp Den Helder\r\n" +
                  "WK040005;Schuldhulpvragen test;2024;8;per 1.000 huishoudens;Schuldhulp Den Helder\r\n" +
                  "WK040005;Schuldhulpvragen test;2024;9;per 1.000 huishoudens;Schuldhulp Den Helder\r\n" +
                  "WK049999;Schuldhulpvragen test;2024;3;per 1.000 huishoudens;Schuldhulp Den Helder\r\n" +
                  "WK040006;Schuldhulpvragen test;twintig;3;;\r\n" +
                  "WK040007;Schuldhulpvragen test;2024;weinig;;\r\n";

        var status = await Client.ImportAsync(Own, TestApps.Body(csv, "text/csv"));

        var report = status.Report!;
        Assert.Equal(6, report.RowsRead);
        Assert.Equal(2, report.ValuesStored);
        Assert.Equal(1, report.SkippedFor("Dubbel"));
        Assert.Equal(1, report.SkippedFor("Onbekende gebiedscode"));
        Assert.Equal(1, report.SkippedFor("Jaar klopt niet"));
        Assert.Equal(1, report.SkippedFor("Geen getal"));
        var figure = await Client.FigureAsync("WK040003", "eigen:schuldhulpvragen-test");
        Assert.Equal(12.5, figure!.Value);
        Assert.Equal("per 1.000 huishoudens", figure.Indicator.Unit);
        Assert.Equal("Schuldhulp Den Helder", figure.Indicator.Source);
        Assert.Equal("eigen", figure.Indicator.Origin);
    }

    [Fact]
    public async Task The_sample_own_indicators_show_care_use_per_wijk()
    {
        var figure = await Client.FigureAsync("WK040000", "eigen:wmo-clienten", 2024);

        Assert.NotNull(figure);
        Assert.Equal("Wmo-cliënten", figure.Indicator.Label);
        Assert.Equal(2024, figure.Year);
    }

    public static TheoryData<string, string, string, string> BadFiles() => new()
    {
        // name, content type, body, a part of the Dutch message
        { "not CBS-shaped", "text/csv", "titel;omschrijving\r\nBankje;Een bank\r\n", "WijkenEnBuurten ontbreekt" },
        { "comma separated", "text/csv", "\"ID\",\"WijkenEnBuurten\",\"AantalInwoners_5\"\r\n\"0\",\"GM0400\",\"100\"\r\n", "puntkomma" },
        { "broken JSON", "application/json", "{\"value\": [{\"WijkenEnBuurten\": \"GM0400\", ", "geen geldige JSON" },
        { "JSON without rows", "application/json", "{\"features\": []}", "TypedDataSet" },
        { "a row cut off", "text/csv", "\"ID\";\"WijkenEnBuurten\";\"AantalInwoners_5\"\r\n\"0\";\"GM0400    \"\r\n", "ingekort" },
        { "empty", "text/csv", "", "leeg" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_file_that_is_not_CBS_shaped_gets_a_Dutch_message_and_stores_nothing(string name, string mediaType, string body, string message)
    {
        var before = (await App.ValueCountAsync(), await App.IndicatorCountAsync());

        var response = await Client.PostAsync($"{Cbs}?year=2024", TestApps.Body(body, mediaType), Ct);

        var problem = await response.AssertImportProblemAsync(HttpStatusCode.BadRequest, DutchTitles.BadRequest);
        Assert.True(problem.Detail!.Contains(message, StringComparison.Ordinal), $"{name}: {problem.Detail}");
        Assert.NotEmpty(problem.Reasons!);
        Assert.Equal(before, (await App.ValueCountAsync(), await App.IndicatorCountAsync()));
    }

    [Fact]
    public async Task A_wrong_year_for_the_table_is_refused()
    {
        var before = await App.ValueCountAsync();

        var response = await Client.PostAsync($"{Cbs}?year=2023", ProfileApi.Form(Sample(Csv2024), Csv2024), Ct);

        var problem = await response.AssertImportProblemAsync(HttpStatusCode.BadRequest, DutchTitles.BadRequest);
        Assert.Contains("85984NED", problem.Detail);
        Assert.Contains("2024", problem.Detail);
        Assert.Equal(before, await App.ValueCountAsync());
    }

    [Fact]
    public async Task A_CSV_without_a_year_and_without_a_table_number_asks_for_the_year()
    {
        var response = await Client.PostAsync(Cbs, ProfileApi.Form(Sample(Csv2024), "kerncijfers.csv"), Ct);

        var problem = await response.AssertImportProblemAsync(HttpStatusCode.BadRequest, DutchTitles.BadRequest);
        Assert.Contains("Kies het jaar", problem.Detail);
    }

    [Fact]
    public async Task A_year_far_off_or_not_a_number_is_refused()
    {
        var future = await Client.PostAsync($"{Cbs}?year=2090", TestApps.Body(SampleText(Csv2024), "text/csv"), Ct);
        var text = await Client.PostAsync($"{Cbs}?year=vorig", TestApps.Body(SampleText(Csv2024), "text/csv"), Ct);

        Assert.Contains("2090", (await future.AssertImportProblemAsync(HttpStatusCode.BadRequest, DutchTitles.BadRequest)).Detail);
        Assert.Contains("year", (await text.AssertImportProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation)).Errors!.Keys);
    }

    [Fact]
    public async Task DataProperties_sent_as_the_data_file_is_explained()
    {
        var response = await Client.PostAsync(Cbs, ProfileApi.Form(Fixture(Properties2025), Properties2025), Ct);

        var problem = await response.AssertImportProblemAsync(HttpStatusCode.BadRequest, DutchTitles.BadRequest);
        Assert.Contains("DataProperties", problem.Detail);
    }

    [Fact]
    public async Task A_wrong_content_type_is_refused()
    {
        var response = await Client.PostAsync(Cbs, TestApps.Body("<xml/>", "application/xml"), Ct);

        await response.AssertImportProblemAsync(HttpStatusCode.UnsupportedMediaType, DutchTitles.UnsupportedType);
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_before_it_is_read()
    {
        using var small = new WijkbeeldApp(Provider, new Dictionary<string, string?> { ["Profile:MaxImportBytes"] = "10000" });
        var client = await small.CreateClientAsAsync(Roles.Coordinator);
        var before = await small.ValueCountAsync();

        var response = await client.PostAsync($"{Cbs}?year=2024", ProfileApi.Form(Sample(Csv2024), Csv2024), Ct);
        var own = await client.PostAsync(Own, TestApps.Body(new string('x', 20_000), "text/csv"), Ct);

        var problem = await response.AssertImportProblemAsync(HttpStatusCode.RequestEntityTooLarge, DutchTitles.TooLarge);
        Assert.Contains("MB", problem.Detail);
        await own.AssertImportProblemAsync(HttpStatusCode.RequestEntityTooLarge, DutchTitles.TooLarge);
        Assert.Equal(before, await small.ValueCountAsync());
    }

    [Fact]
    public async Task An_unknown_import_job_is_not_found()
    {
        var response = await Client.GetAsync($"/api/indicators/imports/{Guid.NewGuid()}", Ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, DutchTitles.NotFound);
    }
}
