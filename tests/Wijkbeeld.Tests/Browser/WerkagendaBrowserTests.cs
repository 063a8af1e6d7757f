using System.Globalization;
using Microsoft.Playwright;
using Wijkbeeld.Features.Werkagenda;
using Wijkbeeld.Tests.Features.Werkagenda;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>The five sliders set by three colleagues in three browsers, and the work agenda's overdue actions.</summary>
public sealed class WerkagendaBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>Sets a native range input with the keyboard only: Home goes to 1, each arrow right adds one.</summary>
    static async Task SetWithKeyboardAsync(ILocator range, int value)
    {
        await range.FocusAsync();
        await range.PressAsync("Home");
        for (var i = 1; i < value; i++) await range.PressAsync("ArrowRight");
        await Expect(range).ToHaveValueAsync(value.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Three_colleagues_set_the_sliders_and_the_result_shows_their_spread()
    {
        var c = await Fixture.Writer.CreateCaseAsync("Wijkaanpak Nieuw Den Helder");
        var round = await Fixture.Writer.StartRoundAsync(c.Id, "Startronde");
        var low = Fixture.Text("Werkagenda.Slider.positionering-intern.Low");
        var high = Fixture.Text("Werkagenda.Slider.positionering-intern.High");
        (string Role, int Now, int Intended)[] colleagues = [(Roles.Professional, 2, 7), (Roles.Coordinator, 6, 8), (Roles.Reader, 9, 9)];
        IPage last = null!;
        foreach (var (role, now, intended) in colleagues)
        {
            var page = await OpenAsync($"/zelfscan/{round.Id}", role: role);
            var set = page.Locator("fieldset[data-slider=positionering-intern]");
            // The label names the slider, the position and both ends.
            var nowRange = set.GetByLabel($"Positionering intern, {Fixture.Text("Werkagenda.Scan.Now")}: van 1 ({low}) tot 10 ({high})");
            await SetWithKeyboardAsync(nowRange, now);
            await SetWithKeyboardAsync(set.Locator("input[type=range]").Nth(1), intended);
            await set.GetByRole(AriaRole.Textbox).FillAsync($"Als {role} zie ik het zo.");
            await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Werkagenda.Scan.Save") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(Fixture.Text("Werkagenda.Scan.Saved"));
            last = page;
        }

        var result = last.Locator("article[data-slider=positionering-intern]");
        await Expect(result.Locator("tbody tr")).ToHaveCountAsync(3);
        foreach (var (role, now, intended) in colleagues)
        {
            var row = result.Locator("tbody tr", new() { HasText = $"Test {role}" });
            await Expect(row.Locator("[data-figure=now]")).ToHaveTextAsync(now.ToString(CultureInfo.InvariantCulture));
            await Expect(row.Locator("[data-figure=intended]")).ToHaveTextAsync(intended.ToString(CultureInfo.InvariantCulture));
        }
        var nows = colleagues.Select(x => x.Now).ToArray();
        var intendeds = colleagues.Select(x => x.Intended).ToArray();
        await Expect(result.Locator("[data-figure=spread-now]")).ToHaveTextAsync((nows.Max() - nows.Min()).ToString(CultureInfo.InvariantCulture));
        await Expect(result.Locator("[data-figure=spread-intended]")).ToHaveTextAsync((intendeds.Max() - intendeds.Min()).ToString(CultureInfo.InvariantCulture));
        var gap = Math.Round(intendeds.Average() - nows.Average(), 1).ToString("0.#", CultureInfo.GetCultureInfo("nl-NL"));
        await Expect(result.Locator("[data-figure=gap]")).ToHaveTextAsync(gap);
        await Expect(result.GetByText(Fixture.Text("Werkagenda.Scan.Disagree"))).ToBeVisibleAsync();
        await Expect(last.Locator("#participants")).ToHaveTextAsync(string.Format(CultureInfo.InvariantCulture, Fixture.Text("Werkagenda.Scan.Participants"), 3));
        // Sliders nobody moved stay at the middle (5) for all three: no spread there.
        await Expect(last.Locator("article[data-slider=communicatie] [data-figure=spread-now]")).ToHaveTextAsync("0");
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_SMART_action_past_its_deadline_is_flagged_on_the_agenda()
    {
        var c = await Fixture.Writer.CreateCaseAsync("Buurtaanpak De Schooten");
        await Fixture.Writer.AddActionAsync(c.Id, "Speelplek opknappen", DateTime.Today.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var page = await OpenAsync($"/werkagenda/{c.Id}", role: Roles.Professional);

        // A new action whose deadline has passed, added with the form.
        await page.GetByLabel(Fixture.Text("Werkagenda.Action.What")).FillAsync("Bewonersavond organiseren");
        await page.GetByLabel(Fixture.Text("Werkagenda.Action.Owner"), new() { Exact = true }).FillAsync("Jongerenwerk");
        await page.GetByLabel(Fixture.Text("Werkagenda.Action.Deadline")).FillAsync(DateTime.Today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel(Fixture.Text("Werkagenda.Action.Result")).FillAsync("30 bewoners aanwezig");
        await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Werkagenda.Action.Add") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(Fixture.Text("Werkagenda.Action.Added"));

        var late = page.Locator(".action-table tbody tr", new() { HasText = "Bewonersavond organiseren" });
        var onTime = page.Locator(".action-table tbody tr", new() { HasText = "Speelplek opknappen" });
        await Expect(late).ToHaveClassAsync("overdue");
        await Expect(late.GetByText(Fixture.Text("Werkagenda.Action.OverdueBadge"))).ToBeVisibleAsync();
        await Expect(onTime.GetByText(Fixture.Text("Werkagenda.Action.OverdueBadge"))).ToHaveCountAsync(0);

        // Done: no longer flagged.
        await late.GetByRole(AriaRole.Combobox).SelectOptionAsync(ActionStatuses.Done);
        await late.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Werkagenda.Action.SetStatus") }).ClickAsync();
        await Expect(page.Locator(".action-table tbody tr", new() { HasText = "Bewonersavond organiseren" }).GetByText(Fixture.Text("Werkagenda.Action.OverdueBadge"))).ToHaveCountAsync(0);

        // The list of agendas counts it as well; the print page shows the table without forms.
        await Fixture.Writer.AddActionAsync(c.Id, "Schouw", "2022-05-01");
        await GotoAsync(page, "/werkagenda");
        await Expect(page.Locator(".case-list li", new() { HasText = c.Title }).Locator(".badge.overdue"))
            .ToHaveTextAsync(string.Format(CultureInfo.InvariantCulture, Fixture.Text("Werkagenda.OverdueCount"), 1));
        await GotoAsync(page, $"/werkagenda/{c.Id}/afdrukken");
        await Expect(page.Locator(".action-table tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator(".action-table form")).ToHaveCountAsync(0);
        AssertNoScriptErrors();
    }
}
