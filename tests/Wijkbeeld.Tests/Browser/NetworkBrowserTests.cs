using Microsoft.Playwright;
using Wijkbeeld.Tests.Features.Network;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>The competence game played by three colleagues, and the network view with its list beside it.</summary>
public sealed class NetworkBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Three_colleagues_pick_competences_and_the_team_profile_shows_the_counts()
    {
        // A new organisation is a team of its own: other tests' picks do not count.
        var team = "Wijkteam " + TestApps.UniqueTag();
        await Fixture.App.WithDbAsync(async db => { db.Organisations.Add(new Organisation { Name = team }); return await db.SaveChangesAsync(Cancel); });
        (string Role, string[] Picks)[] colleagues =
        [
            (Roles.Professional, ["Verbinden", "Lef", "Organiseren"]),
            (Roles.Coordinator, ["Verbinden", "Praktisch"]),
            (Roles.Reader, ["Verbinden", "Lef"]),
        ];
        IPage last = null!;
        var done = 0;
        foreach (var (role, picks) in colleagues)
        {
            var context = await Fixture.NewContextAsync(BrowserFixture.Desktop);
            await SignInAsync(context, role, team);
            var page = await context.NewPageAsync();
            await GotoAsync(page, "/competenties");
            var form = page.Locator("form[aria-labelledby=mine]");
            foreach (var pick in picks) await form.GetByLabel(pick, new() { Exact = true }).CheckAsync();
            await form.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Competences.SaveMine") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(Fixture.Text("Competences.Saved"));
            last = page;
            await Expect(page.Locator("#team")).ToContainTextAsync($"({++done} ");
        }
        async Task ExpectCount(string code, string count) =>
            await Expect(last.Locator($"tr[data-code={code}] .count")).ToHaveTextAsync(count);
        await ExpectCount("verbinden", "3");
        await ExpectCount("lef", "2");
        await ExpectCount("organiseren", "1");
        await ExpectCount("praktisch", "1");
        await ExpectCount("presenteren", "0");
        await Expect(last.Locator("tr[data-code=presenteren]")).ToHaveClassAsync("gap-row");
        await Expect(last.Locator("tr[data-code=lef]")).ToContainTextAsync("Test lezer, Test professional");
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task The_network_view_draws_who_works_with_whom_and_lists_the_same_ties_in_a_table()
    {
        var tag = " " + TestApps.UniqueTag();
        var (ans, bob, cor) = await NetworkSupport.AddSampleAsync(Fixture.Writer, tag);
        var page = await OpenAsync("/netwerk/kaart?area=WK040003", role: Roles.Professional);
        var drawing = page.GetByRole(AriaRole.Img, new() { Name = "Netwerk met" });
        await Expect(drawing).ToBeVisibleAsync();
        await Expect(drawing.Locator("text", new() { HasText = ans.Name[..20] })).ToHaveCountAsync(1);
        var list = page.GetByRole(AriaRole.Region, new() { Name = Fixture.Text("Network.Graph.List") });
        var meeting = list.GetByRole(AriaRole.Row).Filter(new() { HasText = "Buurtnetwerk Nieuw Den Helder" + tag });
        await Expect(meeting).ToHaveCountAsync(1);
        await Expect(meeting).ToContainTextAsync(ans.Name);
        await Expect(meeting).ToContainTextAsync(bob.Name);
        await Expect(list.GetByRole(AriaRole.Row).Filter(new() { HasText = cor.Name })).Not.ToHaveCountAsync(0);
        // The list's names lead to the entries.
        await list.GetByRole(AriaRole.Link, new() { Name = ans.Name }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/netwerk/{ans.Id}$"));
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task Screenshots_of_the_network_pages()
    {
        Assert.SkipWhen(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ScreenshotTests.Variable)), $"Set {ScreenshotTests.Variable}=1 to save screenshots.");
        var directory = Path.Combine(Path.GetTempPath(), "screens", "network");
        Directory.CreateDirectory(directory);
        await NetworkSupport.AddSampleAsync(Fixture.Writer);
        foreach (var role in new[] { Roles.Professional, Roles.Coordinator })
        {
            var colleague = await Fixture.App.CreateClientAsAsync(role);
            await colleague.PutAsJsonAsync("/api/competences/mine", new { codes = new[] { "verbinden", "lef", "spreekt-de-taal-van-bewoners" } }, Cancel);
        }
        foreach (var (name, viewport, phone) in new[] { ("1280", BrowserFixture.Desktop, false), ("375", BrowserFixture.Phone, true) })
        {
            var page = await NewPageAsync(viewport, phone, role: Roles.Coordinator);
            foreach (var (file, path) in new[] { ("netwerk", "/netwerk?area=WK040003"), ("kaart", "/netwerk/kaart?area=WK040003"), ("competenties", "/competenties"), ("krachten", "/krachten") })
            {
                await GotoAsync(page, path);
                await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"{file}-{name}.png"), FullPage = true });
            }
        }
    }
}
