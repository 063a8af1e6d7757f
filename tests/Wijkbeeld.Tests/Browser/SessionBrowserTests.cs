using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wijkbeeld.Tests.Features.Sessions;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// A werksessie in several browsers at once: a facilitator, participants who join by code (two of them on a phone), groups
/// of at most five, plotting live in one group and the plenary but not in the other group, parked topics and evaluation
/// arriving live, and the output step putting items on the public map.
/// </summary>
public sealed class SessionBrowserTests(BrowserFixture fixture) : LiveBrowserTest(fixture)
{
    static readonly string Shots = Path.Combine(Path.GetTempPath(), "screens");

    /// <summary>A participant's browser that joined through the join page with the code; ends on their own page.</summary>
    async Task<IPage> JoinInBrowserAsync(string code, string name, bool phone)
    {
        var page = await NewPageAsync(phone ? BrowserFixture.Phone : BrowserFixture.Desktop, phone);
        await LiveWatch.InstallAsync(page.Context);
        await GotoAsync(page, "/doe-mee");
        await page.GetByLabel(Fixture.Text("Sessions.Code")).FillAsync(code.ToLowerInvariant());
        await page.GetByLabel(Fixture.Text("Sessions.Join.Name")).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Sessions.Join.Submit") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/sessies/\d+/deelnemer$"));
        await Expect(page.Locator("#session")).ToHaveAttributeAsync("data-live", "true");
        return page;
    }

    static async Task PickAsync(IPage page, int group, string name)
    {
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^Kies {name} ") }).ClickAsync();
        if (group > 0) await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Naar de kaart: {name}" })).ToBeVisibleAsync();
    }

    static async Task OpenBoardAsync(IPage page, int session, int group)
    {
        await GotoAsync(page, $"/sessies/{session}/breakout/{group}");
        await Expect(page.Locator("#session")).ToHaveAttributeAsync("data-live", "true");
    }

    static Task CentreOnAsync(IPage page, Place place) => page.EvaluateAsync("""
        ([lat, lon]) => new Promise(resolve => { const m = window.wijkbeeldSessionMap; m.once('moveend', resolve); m.setView([lat, lon], 16, { animate: false }); })
        """, new[] { place.Latitude, place.Longitude });

    const string DraftOnMap = "document.querySelector(`#session-map .session-marker[title=\"${arg.title}\"]`) !== null";

    [Fact]
    public async Task A_session_from_joining_by_code_to_items_on_the_public_map()
    {
        var tag = TestApps.UniqueTag();
        var coordinator = await Fixture.App.CreateClientAsAsync(Roles.Coordinator);
        var session = await coordinator.PlanSessionAsync("Werksessie " + tag);

        // The facilitator makes two groups in the browser; six people join (three browsers, two of them phones, and three others).
        var facilitator = await NewPageAsync(role: Roles.Coordinator);
        await LiveWatch.InstallAsync(facilitator.Context);
        await GotoAsync(facilitator, $"/sessies/{session.Id}");
        await Expect(facilitator.Locator("#join-code")).ToHaveTextAsync(session.Code);
        await Expect(facilitator.Locator(".qr svg")).ToBeVisibleAsync();
        var annaPhone = await JoinInBrowserAsync(session.Code, "Anna", phone: true);
        var bas = await JoinInBrowserAsync(session.Code, "Bas", phone: false);
        var carla = await JoinInBrowserAsync(session.Code, "Carla", phone: true);
        await facilitator.GetByLabel(Fixture.Text("Sessions.Run.BreakoutCount")).FillAsync("2");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Sessions.Run.MakeBreakouts") }).ClickAsync();
        await Expect(facilitator.Locator("#breakouts-admin h3")).ToHaveCountAsync(3);

        await PickAsync(annaPhone, 1, "Groep 1");
        await PickAsync(bas, 1, "Groep 1");
        foreach (var name in new[] { "Dirk", "Eva", "Fatima" })
        {
            var (guest, _) = await Fixture.App.JoinAsGuestAsync(session.Code, name);
            Assert.Equal(HttpStatusCode.OK, (await guest.PickAsync(session.Id, 1)).StatusCode);
        }
        // The sixth is refused with a clear message, and goes to the other group.
        await Expect(carla.GetByRole(AriaRole.Button, new() { Name = "Kies Groep 1 (5/5)" })).ToBeVisibleAsync();
        await carla.GetByRole(AriaRole.Button, new() { Name = "Kies Groep 1 (5/5)" }).ClickAsync();
        await Expect(carla.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Groep 1 is vol: er zitten al 5 mensen in. Kies een ander groepje.");
        await PickAsync(carla, 2, "Groep 2");
        await Expect(facilitator.Locator("#participant-count")).ToHaveTextAsync("6");

        // Boards: Anna (phone) and Bas in group 1, Carla (phone) in group 2; the facilitator on the plenary.
        await OpenBoardAsync(annaPhone, session.Id, 1);
        await OpenBoardAsync(bas, session.Id, 1);
        var carlaBoard = await carla.Context.NewPageAsync();
        await OpenBoardAsync(carlaBoard, session.Id, 2);
        var plenary = await facilitator.Context.NewPageAsync();
        await GotoAsync(plenary, $"/sessies/{session.Id}/plenair");
        await Expect(plenary.Locator("#session")).ToHaveAttributeAsync("data-live", "true");

        // Anna plots on her phone: Bas and the plenary see it within a second, Carla's group does not.
        await CentreOnAsync(annaPhone, Places.Kooypunt);
        var title = "Zwembad " + tag;
        await ExpectLiveAsync("draft", [bas, plenary], DraftOnMap, new { title }, async () =>
        {
            await annaPhone.Locator("#session-map").ClickAsync();
            await Expect(annaPhone.Locator("#draft-place")).ToHaveTextAsync(Fixture.Text("Sessions.Js.PlaceChosen"));
            await annaPhone.GetByLabel(Fixture.Text("Sessions.Field.Title")).FillAsync(title);
            await annaPhone.RunAndWaitForResponseAsync(
                () => annaPhone.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Sessions.Board.Plot") }).ClickAsync(),
                r => r.Url.EndsWith("/drafts", StringComparison.Ordinal) && r.Status == 201);
        });
        await Expect(annaPhone.Locator($"#session-map .session-marker[title='{title}']")).ToHaveCountAsync(1);
        await Expect(plenary.Locator("#drafts-list")).ToContainTextAsync(title);
        // Carla's group: a draft of her own arrives, the other group's never did.
        var own = "Speeltuin " + tag;
        await CentreOnAsync(carlaBoard, Places.DeKooy);
        await carlaBoard.Locator("#session-map").ClickAsync();
        await carlaBoard.GetByLabel(Fixture.Text("Sessions.Field.Title")).FillAsync(own);
        await carlaBoard.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Sessions.Board.Plot") }).ClickAsync();
        await Expect(plenary.Locator($"#session-map .session-marker[title='{own}']")).ToHaveCountAsync(1);
        await Expect(carlaBoard.Locator($"#session-map .session-marker[title='{own}']")).ToHaveCountAsync(1);
        await Expect(carlaBoard.Locator($"#session-map .session-marker[title='{title}']")).ToHaveCountAsync(0);
        await Expect(carlaBoard.Locator("#drafts-list")).Not.ToContainTextAsync(title);
        await Expect(bas.Locator($"#session-map .session-marker[title='{own}']")).ToHaveCountAsync(0);

        // Parked topics and evaluation arrive live.
        var topic = "Vervoer naar de huisarts " + tag;
        await ExpectLiveAsync("parked", [annaPhone, plenary], "document.querySelector('#parked-list')?.textContent.includes(arg.topic)", new { topic }, async () =>
        {
            await bas.GetByLabel(Fixture.Text("Sessions.Board.Park")).FillAsync(topic);
            await bas.RunAndWaitForResponseAsync(() => bas.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Sessions.Board.ParkSubmit") }).ClickAsync(),
                r => r.Url.EndsWith("/parked", StringComparison.Ordinal) && r.Status == 201);
        });
        var plus = "Fijn om samen op de kaart te werken " + tag;
        await ExpectLiveAsync("evaluation", [plenary], "document.querySelector('#evaluation-plus')?.textContent.includes(arg.plus)", new { plus }, async () =>
        {
            await carla.GetByLabel(Fixture.Text("Sessions.Evaluation.Text")).FillAsync(plus);
            await carla.RunAndWaitForResponseAsync(() => carla.Locator("#evaluation-form").GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Sessions.Send") }).ClickAsync(),
                r => r.Url.EndsWith("/evaluation", StringComparison.Ordinal) && r.Status == 201);
        });
        await Expect(carla.Locator("#evaluation-plus")).ToContainTextAsync(plus);

        await annaPhone.EvaluateAsync("() => window.scrollTo(0, 0)");
        await annaPhone.ScreenshotAsync(new() { Path = Path.Combine(Shots, "sessions-breakout-phone.png"), FullPage = true });
        await plenary.ScreenshotAsync(new() { Path = Path.Combine(Shots, "sessions-plenary.png") });

        // Outputs: the facilitator makes public items of both drafts in one step; the public map shows them.
        await facilitator.ReloadAsync();
        await Expect(facilitator.Locator("#outputs-body tr")).ToHaveCountAsync(2);
        await facilitator.ScreenshotAsync(new() { Path = Path.Combine(Shots, "sessions-facilitator.png"), FullPage = true });
        await facilitator.GetByLabel(Fixture.Text("Form.Visibility")).SelectOptionAsync("openbaar");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Sessions.Outputs.Publish") }).ClickAsync();
        await Expect(facilitator.Locator("#session-message")).ToHaveTextAsync(Fixture.Text("Sessions.Js.PublishedAll"));
        var map = await OpenMapAsync(Places.Kooypunt);
        await Expect(MarkersTagged(map, title)).ToHaveCountAsync(1);
        var item = (await ApiItemsAsync($"q={Uri.EscapeDataString(title)}")).Items.Single();
        Assert.Contains("Werksessie " + tag, item.Source);
        AssertNoScriptErrors();
    }
}
