using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Werkagenda;
using Wijkbeeld.Tests.Features.Accounts;

namespace Wijkbeeld.Tests.Features.Werkagenda;

/// <summary>The seven building blocks and social innovation of a case: API, versions, bad input, visibility, agenda, CSV, print, pages.</summary>
public sealed class ReflectionTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    static HttpRequestMessage Put(string url, object body, string? version)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (version is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        return request;
    }

    static HttpRequestMessage PutRaw(string url, string json, string version)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = TestApps.Body(json, "application/json") };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        return request;
    }

    static readonly object TwoBlocks = new
    {
        blocks = new[]
        {
            new { code = "maatschappelijke-urgentie", score = "aanwezig", note = "De brand in de flat maakte het urgent.", obstacle = "" },
            new { code = "bestuurlijke-verankering", score = "ontbreekt", note = "Geen stuurgroep.", obstacle = "Budget voor wijkplannen is stroperig." },
        },
    };

    /// <summary>The stored scores of a case and its two versions: what "nothing changed" is checked against.</summary>
    async Task<string> StateAsync(int caseId) => await App.WithDbAsync(async db =>
        string.Join("|", await db.CaseScores.Where(s => s.CaseId == caseId).OrderBy(s => s.Id).Select(s => s.Code + s.Score + s.Note + s.Obstacle).ToListAsync(Ct))
        + "|" + await db.WorkCases.Where(c => c.Id == caseId).Select(c => c.BlocksVersion + "/" + c.InnovationVersion).SingleAsync(Ct));

    [Fact]
    public async Task Building_blocks_are_scored_with_the_current_version_and_shown_in_the_agenda_csv_and_print_page()
    {
        var c = await Client.CreateCaseAsync("Bouwstenen " + TestApps.UniqueTag());
        var response = await Client.GetAsync($"/api/cases/{c.Id}/building-blocks", Ct);
        var empty = await response.ReadOkAsync<BuildingBlocksDto>();
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(ReflectionTool.BuildingBlocks.Codes, empty.Blocks.Select(b => b.Code));
        Assert.All(empty.Blocks, b => Assert.Null(b.Score));

        var saved = await (await Client.SendAsync(Put($"/api/cases/{c.Id}/building-blocks", TwoBlocks, "1"), Ct)).ReadOkAsync<BuildingBlocksDto>();
        Assert.Equal(2, saved.Version);
        Assert.Equal("aanwezig", saved.Blocks.Single(b => b.Code == "maatschappelijke-urgentie").Score);
        Assert.Equal("Budget voor wijkplannen is stroperig.", saved.Blocks.Single(b => b.Code == "bestuurlijke-verankering").Obstacle);
        Assert.Null(saved.Blocks.Single(b => b.Code == "middelen").Score);

        // A stale version is refused and changes nothing; so is a request without If-Match.
        var before = await StateAsync(c.Id);
        var stale = await (await Client.SendAsync(Put($"/api/cases/{c.Id}/building-blocks", new { blocks = Array.Empty<object>() }, "1"), Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict, "Tegelijk gewijzigd");
        Assert.Equal(2, stale.CurrentVersion);
        await (await Client.SendAsync(Put($"/api/cases/{c.Id}/building-blocks", TwoBlocks, null), Ct)).AssertProblemAsync(HttpStatusCode.PreconditionRequired, "Versie ontbreekt");
        Assert.Equal(before, await StateAsync(c.Id));

        // The agenda shows them in its reflection part, in the CSV and on the print page.
        var agenda = await (await Client.GetAsync($"/api/cases/{c.Id}", Ct)).ReadOkAsync<CaseDto>();
        Assert.Equal("ontbreekt", agenda.BuildingBlocks.Single(b => b.Code == "bestuurlijke-verankering").Score);
        var csv = await Client.GetStringAsync($"/api/cases/{c.Id}/actions.csv", Ct);
        Assert.Contains("Bouwsteen;Bestuurlijke verankering;Ontbreekt;Geen stuurgroep.;Budget voor wijkplannen is stroperig.", csv, StringComparison.Ordinal);
        Assert.Contains("Bouwsteen;Middelen;Nog niet gescoord;;", csv, StringComparison.Ordinal);
        Assert.Contains("Sociale innovatie;Nieuwe kennis;Nog niet gescoord;", csv, StringComparison.Ordinal);
        var print = Html.Text(await Client.GetPageAsync($"/werkagenda/{c.Id}/afdrukken"));
        Assert.Contains("Zeven bouwstenen", print, StringComparison.Ordinal);
        Assert.Contains("Budget voor wijkplannen is stroperig.", print, StringComparison.Ordinal);
        Assert.Contains("Sociale innovatie", print, StringComparison.Ordinal);
        Assert.DoesNotContain("<textarea", print, StringComparison.Ordinal);
        var details = Html.Text(await Client.GetPageAsync($"/werkagenda/{c.Id}"));
        Assert.Contains("De brand in de flat maakte het urgent.", details, StringComparison.Ordinal);
        Assert.Contains($"/werkagenda/{c.Id}/bouwstenen", details, StringComparison.Ordinal);

        // The whole set is replaced: a block left out is no longer scored.
        var again = await (await Client.SendAsync(Put($"/api/cases/{c.Id}/building-blocks",
            new { blocks = new[] { new { code = "vertrouwen", score = "deels", note = "", obstacle = "" } } }, "2"), Ct)).ReadOkAsync<BuildingBlocksDto>();
        Assert.Equal(["vertrouwen"], again.Blocks.Where(b => b.Score is not null).Select(b => b.Code));
        var audit = await (await Client.GetAsync("/api/audit?type=reflectiescore", Ct)).ReadOkAsync<List<AuditShape>>();
        Assert.Contains(audit, a => a.Action == "aangemaakt" && a.After!.Contains("Geen stuurgroep.", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "verwijderd" && a.Before!.Contains("Geen stuurgroep.", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> BadBlocks => new()
    {
        { """{"blocks":[{"code":"zwembad","score":"aanwezig"}]}""", "blocks[0].code" },
        { """{"blocks":[{"code":"vertrouwen","score":"aanwezig"},{"code":"vertrouwen","score":"deels"}]}""", "blocks[1].code" },
        { """{"blocks":[{"code":"vertrouwen","score":"misschien"}]}""", "vertrouwen.score" },
        { """{"blocks":[{"code":"vertrouwen","score":"deels","note":"NOTE"}]}""".Replace("NOTE", new string('x', 1001)), "vertrouwen.note" },
        { """{"blocks":[{"code":"middelen","score":"deels","obstacle":"OBST"}]}""".Replace("OBST", new string('x', 1001)), "middelen.obstacle" },
        { """{}""", "blocks" },
        { """{"blocks":[{"code":"vertrouwen","score":"deels","note":"Bel Jan op 0612345678"}]}""", "confirmPersonalData" },
    };

    [Theory]
    [MemberData(nameof(BadBlocks))]
    public async Task Bad_building_blocks_are_refused_in_Dutch_and_nothing_changes(string body, string field)
    {
        var c = await Client.CreateCaseAsync("Fout " + TestApps.UniqueTag());
        await Client.SendAsync(Put($"/api/cases/{c.Id}/building-blocks", TwoBlocks, "1"), Ct);
        var before = await StateAsync(c.Id);
        var problem = await (await Client.SendAsync(PutRaw($"/api/cases/{c.Id}/building-blocks", body, "2"), Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.True(problem.Errors!.ContainsKey(field), string.Join(", ", problem.Errors.Keys));
        Assert.All(problem.Errors.Values.SelectMany(v => v), m => Assert.DoesNotContain("The ", m, StringComparison.Ordinal));
        Assert.Equal(before, await StateAsync(c.Id));
    }

    [Fact]
    public async Task Personal_data_in_a_note_is_saved_once_confirmed()
    {
        var c = await Client.CreateCaseAsync("Bevestigd " + TestApps.UniqueTag());
        var saved = await (await Client.SendAsync(Put($"/api/cases/{c.Id}/building-blocks", new
        {
            blocks = new[] { new { code = "vertrouwen", score = "deels", note = "Mail wijk@example.nl", obstacle = "" } }, confirmPersonalData = true,
        }, "1"), Ct)).ReadOkAsync<BuildingBlocksDto>();
        Assert.Equal("Mail wijk@example.nl", saved.Blocks.Single(b => b.Code == "vertrouwen").Note);
    }

    [Fact]
    public async Task Social_innovation_is_recorded_per_part_with_its_own_version()
    {
        var c = await Client.CreateCaseAsync("Innovatie " + TestApps.UniqueTag());
        await Client.SendAsync(Put($"/api/cases/{c.Id}/building-blocks", TwoBlocks, "1"), Ct);
        var body = new
        {
            dimensions = new[]
            {
                new { code = "nieuwe-kennis", stage = "aan-de-slag", note = "Wijkprofiel en verhalen van bewoners." },
                new { code = "nieuwe-manier-van-organiseren", stage = "aandacht-nodig", note = "Nog steeds verkokerd." },
            },
        };
        // Its version is its own: the building blocks' version 2 does not count here.
        await (await Client.SendAsync(Put($"/api/cases/{c.Id}/social-innovation", body, "2"), Ct)).AssertProblemAsync(HttpStatusCode.Conflict, "Tegelijk gewijzigd");
        var response = await Client.SendAsync(Put($"/api/cases/{c.Id}/social-innovation", body, "1"), Ct);
        var saved = await response.ReadOkAsync<SocialInnovationDto>();
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal(ReflectionTool.SocialInnovation.Codes, saved.Dimensions.Select(d => d.Code));
        Assert.Equal("aandacht-nodig", saved.Dimensions.Single(d => d.Code == "nieuwe-manier-van-organiseren").Score);
        var get = await (await Client.GetAsync($"/api/cases/{c.Id}/social-innovation", Ct)).ReadOkAsync<SocialInnovationDto>();
        Assert.Equal("Wijkprofiel en verhalen van bewoners.", get.Dimensions[0].Note);

        var before = await StateAsync(c.Id);
        var problem = await (await Client.SendAsync(PutRaw($"/api/cases/{c.Id}/social-innovation",
            """{"dimensions":[{"code":"nieuwe-kennis","stage":"aanwezig"}]}""", "2"), Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.True(problem.Errors!.ContainsKey("nieuwe-kennis.stage"));
        await (await Client.SendAsync(PutRaw($"/api/cases/{c.Id}/social-innovation", """{"dimensions":[{"code":"vertrouwen"}]}""", "2"), Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.Equal(before, await StateAsync(c.Id));

        var csv = await Client.GetStringAsync($"/api/cases/{c.Id}/actions.csv", Ct);
        Assert.Contains("Sociale innovatie;Nieuwe manier van organiseren;Vraagt nog aandacht;Nog steeds verkokerd.", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scores_follow_the_visibility_of_the_case_and_only_its_writers_change_them()
    {
        var c = await Client.CreateCaseAsync("Intern " + TestApps.UniqueTag(), visibility: "organisatie");
        var police = await App.CreateClientAsAsync(Roles.Professional, TestAccounts.Police);
        var reader = await App.CreateClientAsAsync(Roles.Reader);
        var colleague = await App.CreateClientAsAsync(Roles.Professional);
        var policeCoordinator = await App.CreateClientAsAsync(Roles.Coordinator, TestAccounts.Police);
        foreach (var path in new[] { "building-blocks", "social-innovation" })
        {
            var url = $"/api/cases/{c.Id}/{path}";
            var body = path == "building-blocks" ? TwoBlocks : new { dimensions = new[] { new { code = "nieuwe-kennis", stage = "op-weg", note = "" } } };
            var before = await StateAsync(c.Id);
            Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync(url, Ct)).StatusCode);
            await (await police.SendAsync(Put(url, body, "1"), Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "Niet gevonden");
            Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync(url, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(url, Ct)).StatusCode);
            await (await reader.SendAsync(Put(url, body, "1"), Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
            Assert.Equal(before, await StateAsync(c.Id));
            Assert.Equal(HttpStatusCode.OK, (await colleague.SendAsync(Put(url, body, "1"), Ct)).StatusCode);
        }
        // Coordinators see every agenda of their municipality, with how far its reflection is.
        var overview = await (await policeCoordinator.GetAsync("/api/cases", Ct)).ReadOkAsync<List<CaseSummary>>();
        var state = overview.Single(s => s.Id == c.Id).Reflection;
        Assert.Equal(2, state.BlocksScored);
        Assert.Equal(1, state.Blocks["ontbreekt"]);
        Assert.Equal(1, state.Innovation["op-weg"]);
        var page = Html.Text(await NewBrowser(Roles.Coordinator).GetPageAsync("/werkagenda"));
        Assert.Contains("Bouwstenen 2 van 7 gescoord: 1 aanwezig, 1 ontbreekt", page, StringComparison.Ordinal);
        Assert.Contains("sociale innovatie 1 van 4 ingevuld: 1 begonnen", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/werkagenda/{c.Id}/bouwstenen", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_building_blocks_page_saves_the_form_and_refuses_a_stale_one_without_changing_anything()
    {
        var c = await Client.CreateCaseAsync("Pagina " + TestApps.UniqueTag());
        var browser = NewBrowser();
        var form = await HtmlForm.LoadAsync(browser, $"/werkagenda/{c.Id}/bouwstenen");
        var staleForm = await HtmlForm.LoadAsync(browser, $"/werkagenda/{c.Id}/bouwstenen");
        form.Set("Scores[6].Score", "ontbreekt").Set("Scores[6].Note", "Geen procesgeld.").Set("Scores[6].Obstacle", "Acties blijven liggen.");
        Assert.Equal($"/werkagenda/{c.Id}#reflection", (await form.SubmitAsync(browser)).RedirectTarget());
        var blocks = await (await Client.GetAsync($"/api/cases/{c.Id}/building-blocks", Ct)).ReadOkAsync<BuildingBlocksDto>();
        Assert.Equal("ontbreekt", blocks.Blocks.Single(b => b.Code == "middelen").Score);
        Assert.Equal("Acties blijven liggen.", blocks.Blocks.Single(b => b.Code == "middelen").Obstacle);

        var before = await StateAsync(c.Id);
        staleForm.Set("Scores[0].Score", "aanwezig");
        var html = await (await staleForm.SubmitAsync(browser)).ReadPageAsync(HttpStatusCode.Conflict);
        Assert.Contains("Iemand anders", Html.Text(html), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(c.Id));

        var innovation = await HtmlForm.LoadAsync(browser, $"/werkagenda/{c.Id}/sociale-innovatie");
        innovation.Set("Scores[2].Score", "vliegen");
        await (await innovation.SubmitAsync(browser)).ReadPageAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await StateAsync(c.Id));
    }

    [Fact]
    public async Task A_reader_sees_the_scores_as_a_table_and_draws_a_conversation_card_without_javascript()
    {
        var c = await Client.CreateCaseAsync("Lezer " + TestApps.UniqueTag());
        await Client.SendAsync(Put($"/api/cases/{c.Id}/building-blocks", TwoBlocks, "1"), Ct);
        var reader = NewBrowser(Roles.Reader);
        var page = await reader.GetPageAsync($"/werkagenda/{c.Id}/bouwstenen");
        Assert.DoesNotContain("<textarea", page, StringComparison.Ordinal);
        Assert.Contains("Geen stuurgroep.", Html.Text(page), StringComparison.Ordinal);
        Assert.Contains("hidden", page[page.IndexOf("id=\"gesprekskaart\"", StringComparison.Ordinal)..][..200], StringComparison.Ordinal);

        var drawn = Html.Text(await reader.GetPageAsync($"/werkagenda/{c.Id}/bouwstenen?kaart=trek"));
        Assert.Contains(ConversationDeck.Seed, card => drawn.Contains(card.Text, StringComparison.Ordinal));
        var scan = Html.Text(await reader.GetPageAsync($"/zelfscan/{(await Client.StartRoundAsync(c.Id, "Ronde")).Id}?kaart=trek"));
        Assert.Contains(ConversationDeck.Seed, card => scan.Contains(card.Text, StringComparison.Ordinal));
    }
}
