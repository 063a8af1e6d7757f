using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Wijkbeeld.Tests.Features.Werkagenda;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// axe-core on every page, on a desktop PC and at 320 px wide (WCAG reflow): no serious or critical violations.
/// Pages are scanned once their scripts are done (map items and list loaded, picker drawn).
/// </summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    public const string InvalidForm = "/items/new (opgeslagen zonder gegevens)";

    public static TheoryData<string, string> Pages()
    {
        string[] pages =
        [
            "/", "/items/new", "/items/{id}", "/items/{id}/edit", "/items/{id}/delete", "/areas", "/admin/areas/import", InvalidForm,
            "/inloggen", "/meedoen", "/moderatie", "/beheer/logboek", "/account", "/beheer/organisaties", "/beheer/themas", "/volgen",
            "/wachtwoord-vergeten",
            "/wachtrij", "/offline",
            // Werksessies (issue 6): {session} is a new session with one breakout
            "/sessies", "/sessies/kaarten", "/doe-mee", "/sessies/{session}", "/sessies/{session}/breakout/1", "/sessies/{session}/plenair",
            "/sessies/{session}/deelnemer", "/sessies/{session}/verslag",
            // WerkwijzerPlus (issue 7)
            "/observaties", "/observaties/nieuw", "/observaties/kaart", "/observaties/groepen", "/tijdlijn", "/tijdlijn/WK040001", "/experimenten", "/werkwijzer/WK040001",
            "/verhalen", "/verhalen/nieuw", "/verhalen/vertel", "/verhalen/gebied/WK040001", "/verhalen/moderatie", "/focus/WK040001", "/profiel/WK040001",
            // WerkwijzerPlus (issue 7): visible actions and borgen; {action} is a done action with a safeguard due in the past
            "/acties", "/acties/nieuw", "/acties/{action}", "/borgen/BU04000101",
            // Werkagenda (issue 8)
            "/werkagenda", "/werkagenda/{case}", "/werkagenda/{case}/afdrukken", "/zelfscan/{round}", "/koppelkansen", "/overleggen",
            // Network — who's who, competence game, network view, strengths (issue 8)
            "/netwerk", "/netwerk/nieuw", "/netwerk/{member}", "/netwerk/kaart?area=WK040003", "/competenties?case={case}", "/krachten",
            // Self-scan parts (issue 8): building blocks with a drawn card, social innovation, the card deck, a meeting's edit form
            "/werkagenda/{case}/bouwstenen?kaart=trek", "/werkagenda/{case}/sociale-innovatie", "/gesprekskaarten", "/overleggen/{meeting}/wijzigen",
        ];
        var data = new TheoryData<string, string>();
        foreach (var page in pages)
        {
            data.Add(page, "desktop");
            data.Add(page, "320px");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_has_no_serious_or_critical_accessibility_violations(string page, string screen)
    {
        var viewport = screen == "desktop" ? BrowserFixture.Desktop : BrowserFixture.Narrow;
        // Pages for people with an account are checked signed in, as an administrator who sees every control.
        string[] publicPages = ["/", "/areas", "/inloggen", "/meedoen", "/wachtwoord-vergeten", "/wachtrij", "/offline", "/doe-mee", "/verhalen/vertel"];
        var tab = await NewPageAsync(viewport, role: publicPages.Contains(page) || page.StartsWith("/items/{id}", StringComparison.Ordinal) && !page.Contains("/edit") && !page.Contains("/delete") ? null : Roles.Administrator);
        if (page == InvalidForm)
        {
            await GotoAsync(tab, "/items/new");
            await tab.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Form.Save"), Exact = true }).ClickAsync();
            var summary = tab.GetByRole(AriaRole.Alert);
            await Expect(summary.GetByRole(AriaRole.Heading, new() { Name = Fixture.Text("Form.ErrorSummary") })).ToBeVisibleAsync();
            await Expect(tab.GetByLabel(Fixture.Text("Form.Title"))).ToHaveAttributeAsync("aria-invalid", "true");
        }
        else
        {
            var path = page.Contains("{session}", StringComparison.Ordinal)
                ? page.Replace("{session}", (await Features.Sessions.SessionSupport.PlanWithBreakoutAsync(Fixture.Writer)).ToString(), StringComparison.Ordinal)
                : page.Contains("{id}", StringComparison.Ordinal) ? page.Replace("{id}", (await ShowcaseItemIdAsync()).ToString(), StringComparison.Ordinal) : page;
            if (path.Contains("{action}", StringComparison.Ordinal)) path = path.Replace("{action}", (await ActionWithSafeguardAsync()).ToString(), StringComparison.Ordinal);
            await AddStoriesAndFocusAsync(path);
            await GotoAsync(tab, await Features.Network.NetworkSupport.PathAsync(Fixture.Writer, await WerkagendaPathAsync(path)));
        }
        await WaitUntilScriptsAreDoneAsync(tab, page);

        var result = await tab.RunAxe();

        var problems = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} ({v.HelpUrl})" + string.Concat(v.Nodes.Take(5).Select(n => $"{Environment.NewLine}    {n.Target} {Shorten(n.Html)}")))
            .ToList();
        foreach (var v in result.Violations.Where(v => v.Impact is not ("serious" or "critical")))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})");
        }
        Assert.True(problems.Count == 0, $"axe on {page} ({screen}):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");

        if (screen == "320px")
        {
            // WCAG 1.4.10 Reflow: at 320 CSS px nothing may need horizontal scrolling.
            var overflow = await tab.EvaluateAsync<string>("""
                () => document.documentElement.scrollWidth <= innerWidth ? '' :
                  `page is ${document.documentElement.scrollWidth}px wide: ` + [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('.leaflet-container'))
                    .slice(0, 5).map(e => e.outerHTML.slice(0, 120)).join(' | ')
                """);
            Assert.True(overflow.Length == 0, $"{page} scrolls sideways at 320 px: {overflow}");
        }
        AssertNoScriptErrors();
    }

    /// <summary>An item whose page shows the most: related items, a log and, if there is one, the stale notice.</summary>
    async Task<int> ShowcaseItemIdAsync() =>
        (await ApiItemsAsync()).Items
            .OrderByDescending(i => i.RelatedItemIds.Count > 0)
            .ThenByDescending(i => i.IsStale)
            .ThenBy(i => i.Id)
            .First().Id;

    async Task WaitUntilScriptsAreDoneAsync(IPage tab, string page)
    {
        if (page == "/")
        {
            var total = (await ApiItemsAsync()).Total;
            await WaitForMapAsync(tab, total, expectedInView: total);
        }
        else if (page == "/observaties/kaart")
        {
            await Expect(tab.Locator("#observation-map[data-count]")).ToBeAttachedAsync();
        }
        else if (page.StartsWith("/items/new", StringComparison.Ordinal) || page.EndsWith("/edit", StringComparison.Ordinal) || page == "/meedoen" || page == "/observaties/nieuw" || page == "/acties/nieuw" || page == "/acties/{action}")
        {
            await Expect(tab.Locator("#picker .leaflet-overlay-pane path").First).ToBeAttachedAsync();
        }
        else if (page.StartsWith("/sessies/{session}", StringComparison.Ordinal) && !page.EndsWith("/verslag", StringComparison.Ordinal))
        {
            await Expect(tab.Locator("#session")).ToHaveAttributeAsync("data-live", "true");
        }
    }

    /// <summary>A done visible action in Willemsoord with an overdue safeguard, so the action and borgen pages show everything.</summary>
    async Task<int> ActionWithSafeguardAsync()
    {
        var created = await Fixture.Writer.PostAsJsonAsync("/api/visible-actions", Features.VisibleActions.VisibleActionTests.NewAction("Toegankelijk", status: "gedaan"), Cancel);
        var action = await created.ReadOkAsync<Features.VisibleActions.ActionShape>(HttpStatusCode.Created);
        (await Fixture.Writer.PostAsJsonAsync("/api/safeguards", new
        {
            actionId = action.Id, ownerOrganisation = "Gemeente", reviewMeeting = "Wijkoverleg", nextReviewOn = "2021-01-01",
        }, Cancel)).EnsureSuccessStatusCode();
        return action.Id;
    }

    /// <summary>Werkagenda pages: a case with a round everyone answered, an overdue and a done action.</summary>
    async Task<string> WerkagendaPathAsync(string path)
    {
        if (!path.Contains("{case}", StringComparison.Ordinal) && !path.Contains("{round}", StringComparison.Ordinal) && !path.StartsWith("/overleggen", StringComparison.Ordinal)) return path;
        var c = await Fixture.Writer.CreateCaseAsync("Toegankelijkheid");
        var round = await Fixture.Writer.StartRoundAsync(c.Id, "Ronde");
        await Fixture.Writer.PlaceAllAsync(round.Id, 3, 8);
        await Fixture.Writer.AddActionAsync(c.Id, "Te laat", "2021-01-01");
        await Fixture.Writer.AddActionAsync(c.Id, "Klaar", "2021-01-01", status: "klaar");
        var meeting = await Wijkbeeld.Tests.Features.Network.MeetingsTests.AddMeetingAsync(Fixture.Writer, "Casusoverleg", 3, ("Ans", "Wijkteam"), ("Cor", "Politie"));
        await Fixture.Writer.PutBuildingBlocksAsync(c.Id);
        return path.Replace("{case}", c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{meeting}", meeting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{round}", round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>Story and focus pages: a story, one waiting for moderation, and a focus theme resting on it.</summary>
    async Task AddStoriesAndFocusAsync(string path)
    {
        if (!path.StartsWith("/verhalen", StringComparison.Ordinal) && !path.StartsWith("/focus", StringComparison.Ordinal) && !path.StartsWith("/profiel", StringComparison.Ordinal)) return;
        var story = await Fixture.Writer.PostAsJsonAsync("/api/stories", new
        {
            text = "Sinds de speeltuin er is, zie je veel meer ouders op straat. Ze maken een praatje en letten samen op de kinderen.",
            source = "ouder", area = "BU04000101", themes = new[] { "ontmoeting", "jeugd" }, visibility = "openbaar",
        }, Cancel);
        var id = (await story.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(Cancel))!["id"]!.GetValue<int>();
        await Fixture.Api.PostAsJsonAsync("/api/stories/submissions", new { text = "De straatverlichting is vaak kapot.", source = "bewoner", area = "BU04000101" }, Cancel);
        await Fixture.Writer.PostAsJsonAsync("/api/focus", new
        {
            areaCode = "WK040001", title = "Ontmoeten in de buurt", reason = "Bewoners vertellen dat de speeltuin mensen samenbrengt.", storyIds = new[] { id },
            visibility = "openbaar",
        }, Cancel);
    }

    static string Shorten(string? html) => html is null ? "" : html.Length <= 160 ? html : html[..160] + "…";
}
