using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Wijkbeeld.Tests.Features.Profile;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// The Wijkprofiel in a real browser: both import forms with their progress bar and report, the choropleth on the map
/// (a known value and its class colour, in the table and on the polygon), one click from a buurt to its profile, the
/// profile printed to an A4 PDF, and axe-core on every Wijkprofiel page.
/// </summary>
public sealed class ProfileTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    async Task<ChoroplethShape> ValuesAsync(string key, int year) =>
        (await Fixture.Api.GetFromJsonAsync<ChoroplethShape>($"/api/indicators/{key}/values?year={year}&level=buurt",
            System.Text.Json.JsonSerializerOptions.Web, Cancel))!;

    static async Task<string> RgbAsync(IPage page, string hex) =>
        await page.EvaluateAsync<string>("hex => { const e = document.createElement('span'); e.style.color = hex; document.body.append(e); const c = getComputedStyle(e).color; e.remove(); return c; }", hex);

    [Fact]
    public async Task The_CBS_JSON_and_the_own_CSV_import_in_the_background_with_a_progress_bar_and_a_report()
    {
        var page = await OpenAsync("/profiel/beheer/import", role: Roles.Coordinator);
        await page.Locator("#cbs-file").SetInputFilesAsync(ProfileFiles.FixturePath(ProfileFiles.Json2025));
        await page.Locator("#cbs-properties").SetInputFilesAsync(ProfileFiles.FixturePath(ProfileFiles.Properties2025));
        await page.Locator("#cbs-heading + p + form button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/profiel/beheer/import/[0-9a-f-]{36}$"));
        await Expect(page.Locator("progress#import-progress")).ToBeVisibleAsync();
        await Expect(page.Locator("#import-status")).ToHaveAttributeAsync("data-state", "done");
        await Expect(page.Locator("#import-progress")).ToHaveAttributeAsync("value", "100");
        var report = page.Locator("#import-report");
        await Expect(report.GetByRole(AriaRole.Heading, new() { Name = Fixture.Text("Profile.Import.Done") })).ToBeVisibleAsync();
        await Expect(report).ToContainTextAsync("86165NED");
        await Expect(report).ToContainTextAsync("2025");
        await Expect(report.Locator("[data-report=stored]")).ToHaveTextAsync(new Regex(@"Cijfers opgeslagen: [1-9]\d* nieuw"));

        var csv = Path.Combine(Path.GetTempPath(), $"eigen-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, "gebiedscode;indicator;jaar;waarde;eenheid;bron\nWK040003;Buurtbemiddeling;2024;14;zaken;Buurtbemiddeling Den Helder\nWK099999;Buurtbemiddeling;2024;3;zaken;\n", Cancel);
        await GotoAsync(page, "/profiel/beheer/import");
        await page.Locator("#own-file").SetInputFilesAsync(csv);
        await page.Locator("#own-heading ~ form button[type=submit]").ClickAsync();

        await Expect(page.Locator("#import-status")).ToHaveAttributeAsync("data-state", "done");
        await Expect(page.Locator("[data-report=stored]")).ToContainTextAsync("1 nieuw");
        await Expect(page.Locator("[data-report=skipped]")).ToContainTextAsync("1");
        await Expect(page.Locator("#import-report table")).ToContainTextAsync("Onbekende gebiedscode");
        await Expect(page.Locator("#import-report table")).ToContainTextAsync("WK099999");
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_broken_file_shows_a_Dutch_message_on_the_form()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kapot-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "naam,waarde\nCentrum,3\n", Cancel);
        var page = await OpenAsync("/profiel/beheer/import", role: Roles.Coordinator);
        await page.Locator("#cbs-file").SetInputFilesAsync(file);
        await page.Locator("#cbs-year").FillAsync("2024");
        await page.Locator("#cbs-heading + p + form button[type=submit]").ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync(Fixture.Text("Profile.Import.Failed"));
        await Expect(alert).ToContainTextAsync("puntkomma");
    }

    [Fact]
    public async Task The_choropleth_colours_a_buurt_by_its_class_with_the_same_value_in_the_table_and_a_click_opens_its_profile()
    {
        var data = await ValuesAsync("AantalInwoners", 2024);
        var centrum = data.Areas.Single(a => a.Code == "BU04000001");
        var page = await OpenAsync("/");
        await Expect(Map(page)).ToHaveAttributeAsync("data-loaded", new Regex(@"^\d+$"));

        await page.GetByLabel(Fixture.Text("Profile.Layer.Toggle")).CheckAsync();
        await page.Locator("#layer-indicator").SelectOptionAsync("AantalInwoners");
        await page.Locator("#layer-year").SelectOptionAsync("2024");

        await Expect(Map(page)).ToHaveAttributeAsync("data-choropleth", "AantalInwoners|2024|buurt");
        var row = page.Locator("#choropleth-table tr[data-code=BU04000001]");
        await Expect(row).ToContainTextAsync(centrum.Value!.Value.ToString("N0", Dutch));
        await Expect(row.Locator(".swatch")).ToHaveCSSAsync("background-color", await RgbAsync(page, centrum.Color!));
        var polygon = page.Locator("#map path.choropleth-area[data-code=BU04000001]");
        await Expect(polygon).ToHaveAttributeAsync("fill", centrum.Color!);
        await Expect(page.Locator(".choropleth-legend li")).ToHaveCountAsync(data.Breaks.Count + 1);

        // Items stay on top of the coloured areas.
        var z = await page.EvaluateAsync<int[]>("() => ['choropleth', 'marker'].map(p => Number(getComputedStyle(document.querySelector(`.leaflet-${p}-pane`)).zIndex))");
        Assert.True(z[0] < z[1], $"choropleth pane z-index {z[0]} must be below the markers' {z[1]}");

        // No data: hatched.
        await page.Locator("#layer-indicator").SelectOptionAsync("GemiddeldInkomenPerInwoner");
        await Expect(Map(page)).ToHaveAttributeAsync("data-choropleth", "GemiddeldInkomenPerInwoner|2024|buurt");
        await Expect(page.Locator("#map path.choropleth-area[data-code=BU04000701]")).ToHaveAttributeAsync("fill", "url(#choropleth-hatch)");
        await Expect(page.Locator("#choropleth-tr, #choropleth-table tr[data-code=BU04000701]")).ToContainTextAsync(Fixture.Text("Profile.NoData"));

        await page.Locator("#map path.choropleth-area[data-code=BU04000001]").DispatchEventAsync("click");
        await Expect(page).ToHaveURLAsync(new Regex("/profiel/BU04000001$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Centrum");
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task The_profile_shows_a_known_value_and_prints_as_a_readable_A4_PDF()
    {
        var inhabitants = (await Fixture.Api.GetFromJsonAsync<AreaFiguresShape>("/api/areas/BU04000001/indicators",
            System.Text.Json.JsonSerializerOptions.Web, Cancel))!.Figures.Single(f => f.Indicator.Key == "AantalInwoners");
        var page = await OpenAsync("/profiel/BU04000001");

        var cells = page.Locator("#key-figures tr[data-key=AantalInwoners] td");
        await Expect(cells.Nth(0)).ToContainTextAsync(inhabitants.Value!.Value.ToString("N0", Dutch));
        await Expect(cells.Nth(1)).ToHaveTextAsync(inhabitants.Municipality!.Value.ToString("N0", Dutch));
        await Expect(cells.Nth(2)).ToHaveTextAsync(inhabitants.Netherlands!.Value.ToString("N0", Dutch));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Profile.Print") })).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".site-header nav")).ToBeHiddenAsync();
        await Expect(page.Locator(".profile-actions")).ToBeHiddenAsync();
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        var directory = Path.Combine(Path.GetTempPath(), "screens");
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, "profiel-BU04000001.pdf"), pdf, Cancel);

        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF", text);
        var pages = Regex.Matches(text, @"/Type\s*/Page\b(?!s)").Count;
        Assert.InRange(pages, 1, 4);
        // A4 is 595 x 842 points.
        var box = Regex.Match(text, @"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]");
        Assert.True(box.Success, "The PDF has no MediaBox.");
        Assert.InRange(double.Parse(box.Groups[1].Value, CultureInfo.InvariantCulture), 594, 596);
        Assert.InRange(double.Parse(box.Groups[2].Value, CultureInfo.InvariantCulture), 841, 843);
    }

    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "/profiel", "/profiel/BU04000001", "/profiel/WK040003", "/profiel/kaartlaag", "/profiel/beheer/import",
                     "/profiel/beheer/indicatoren", "/profiel/beheer/indicatoren/AantalInwoners", "import-verslag", "/ (kaartlaag aan)" })
        {
            data.Add(page, "desktop");
            data.Add(page, "320px");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_Wijkprofiel_page_has_no_serious_accessibility_violations_and_fits_320_px(string path, string screen)
    {
        var tab = await NewPageAsync(screen == "desktop" ? BrowserFixture.Desktop : BrowserFixture.Narrow,
            role: path.Contains("beheer", StringComparison.Ordinal) || path == "import-verslag" ? Roles.Coordinator : null);
        if (path == "import-verslag")
        {
            var response = await Fixture.Writer.PostAsync("/api/indicators/import/own",
                new StringContent("gebiedscode;indicator;jaar;waarde;eenheid;bron\nWK040003;Test a11y;2024;1;;\nXX;Test a11y;2024;1;;\n", Encoding.UTF8, "text/csv"), Cancel);
            var job = await response.Content.ReadFromJsonAsync<ImportStatusShape>(System.Text.Json.JsonSerializerOptions.Web, Cancel);
            await GotoAsync(tab, $"/profiel/beheer/import/{job!.Id}");
            await Expect(tab.Locator("#import-status")).ToHaveAttributeAsync("data-state", "done");
        }
        else if (path.StartsWith("/ ", StringComparison.Ordinal))
        {
            await GotoAsync(tab, "/");
            await Expect(Map(tab)).ToHaveAttributeAsync("data-loaded", new Regex(@"^\d+$"));
            await tab.Locator("#choropleth-toggle").CheckAsync();
            await Expect(tab.Locator("#choropleth-table table")).ToBeVisibleAsync();
        }
        else
        {
            await GotoAsync(tab, path);
        }

        var result = await tab.RunAxe();

        var problems = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help}" + string.Concat(v.Nodes.Take(5).Select(n => $"{Environment.NewLine}    {n.Target} {n.Html[..Math.Min(160, n.Html.Length)]}")))
            .ToList();
        Assert.True(problems.Count == 0, $"axe on {path} ({screen}):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        if (screen == "320px")
        {
            var overflow = await tab.EvaluateAsync<string>("""
                () => document.documentElement.scrollWidth <= innerWidth ? '' :
                  `page is ${document.documentElement.scrollWidth}px wide: ` + [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('.leaflet-container') && !e.closest('.table-scroll'))
                    .slice(0, 5).map(e => e.outerHTML.slice(0, 120)).join(' | ')
                """);
            Assert.True(overflow.Length == 0, $"{path} scrolls sideways at 320 px: {overflow}");
        }
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task Screenshots_of_the_layer_the_profile_and_the_import_report_at_1280_and_360_px()
    {
        var directory = Path.Combine(Path.GetTempPath(), "screens");
        Assert.SkipWhen(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ScreenshotTests.Variable)), $"Set {ScreenshotTests.Variable}=1 to save screenshots to {directory}.");
        Directory.CreateDirectory(directory);
        foreach (var viewport in new[] { new ViewportSize { Width = 1280, Height = 800 }, new ViewportSize { Width = 360, Height = 740 } })
        {
            var page = await NewPageAsync(viewport, phone: viewport.Width < 400);
            await GotoAsync(page, "/");
            await Expect(Map(page)).ToHaveAttributeAsync("data-loaded", new Regex(@"^\d+$"));
            await page.Locator("#choropleth-toggle").CheckAsync();
            await Expect(page.Locator("#choropleth-table table")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"profile-layer-{viewport.Width}.png"), FullPage = true });
            await GotoAsync(page, "/profiel/WK040003");
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"profile-wijk-{viewport.Width}.png"), FullPage = true });
            await GotoAsync(page, "/profiel/beheer/import");
            await page.Locator("#cbs-file").SetInputFilesAsync(ProfileFiles.SampleOnDisk(ProfileFiles.Csv2024));
            await page.Locator("#cbs-heading + p + form button[type=submit]").ClickAsync();
            await Expect(page.Locator("#import-status")).ToHaveAttributeAsync("data-state", "done");
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"profile-import-{viewport.Width}.png"), FullPage = true });
        }
        AssertNoScriptErrors();
    }
}
