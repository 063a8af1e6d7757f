using System.Text;
using System.Text.Json.Nodes;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features.Areas;

/// <summary>The wijken-en-buurten page and the admin page that imports boundaries.</summary>
public sealed class AreaPagesTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    const string ImportPage = "/admin/areas/import";

    static byte[] Utf8(JsonNode file) => Encoding.UTF8.GetBytes(file.ToJsonString());

    [Fact]
    public async Task The_areas_page_lists_every_wijk_and_buurt_with_its_code_and_a_map_link()
    {
        var gemeente = Assert.Single(await (await Client.GetAsync("/api/areas", Ct)).ReadOkAsync<List<AreaNodeShape>>());

        var html = await NewBrowser().GetPageAsync("/areas");

        var page = Html.Text(html);
        Assert.Contains("Wijken en buurten", page);
        Assert.Contains("Den Helder", page);
        Assert.All(gemeente.SelfAndDescendants().Skip(1), area =>
        {
            Assert.Contains($"<a href=\"/?area={area.Code}\">{area.Name}</a> <span class=\"code\">{area.Code}</span>", page);
        });
        Assert.Contains($"href=\"{ImportPage}\"", html);
    }

    [Fact]
    public async Task The_import_page_has_a_file_upload_form_with_an_antiforgery_token()
    {
        var html = await NewBrowser().GetPageAsync(ImportPage);

        Assert.Contains("Grenzen van wijken en buurten inlezen", Html.Text(html));
        Assert.Matches("<form method=\"post\" enctype=\"multipart/form-data\"", html);
        Assert.Matches("<input type=\"file\" id=\"Upload\" name=\"Upload\"", html);
        Assert.NotEmpty(HtmlForm.Parse(html, ImportPage).Get("__RequestVerificationToken") ?? "");
    }

    [Fact]
    public async Task Importing_without_confirming_replaces_nothing()
    {
        var browser = NewBrowser();
        var form = await HtmlForm.LoadAsync(browser, ImportPage);

        var response = await App.AssertChangesNothingAsync(() =>
            form.SubmitWithFileAsync(browser, "Upload", "buurten.geojson", Utf8(TestWijk.Wgs84()), "application/geo+json"));

        Assert.Contains("Vink aan dat de huidige gebieden vervangen mogen worden.", Html.Text(await response.ReadPageAsync(HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task An_invalid_file_on_the_import_page_is_explained_and_replaces_nothing()
    {
        var browser = NewBrowser();
        var form = await HtmlForm.LoadAsync(browser, ImportPage);
        var file = GeoJsonSamples.FeatureCollection([TestWijk.Buurten(p => p)[0].WithProperty("buurtcode", "BU1")]);

        var response = await App.AssertChangesNothingAsync(() =>
            form.Set("Confirm", "true").SubmitWithFileAsync(browser, "Upload", "buurten.geojson", Utf8(file), "application/geo+json"));

        var page = Html.Text(await response.ReadPageAsync(HttpStatusCode.BadRequest));
        Assert.Contains("Het bestand is niet ingelezen. Er is niets veranderd.", page);
        Assert.Contains("Gebied 1: 'BU1' is geen geldige CBS-code", page);
    }

    [Fact]
    public async Task A_confirmed_import_on_the_page_replaces_the_sample_boundaries()
    {
        using var app = new WijkbeeldApp();
        var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        await browser.SignInAsync(await app.CreateAccountAsync(Roles.Coordinator));
        var form = await HtmlForm.LoadAsync(browser, ImportPage);

        var response = await form.Set("Confirm", "true")
            .SubmitWithFileAsync(browser, "Upload", "buurten.geojson", Utf8(TestWijk.RdNew()), "application/octet-stream");

        var page = Html.Text(await response.ReadPageAsync());
        Assert.Contains("De grenzen zijn ingelezen", page);
        Assert.Contains("1 wijken en 2 buurten", page);
        Assert.Contains("De coördinaten waren in RD New en zijn omgerekend naar WGS84.", page);
        var areas = Html.Text(await browser.GetPageAsync("/areas"));
        Assert.Contains(TestWijk.NoordCode, areas);
        Assert.DoesNotContain("BU04000001", areas);
        Assert.DoesNotContain("dit zijn voorbeeldgegevens", areas);
    }
}
