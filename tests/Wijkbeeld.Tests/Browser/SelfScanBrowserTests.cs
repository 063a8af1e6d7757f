using Microsoft.Playwright;
using Wijkbeeld.Features.Werkagenda;
using Wijkbeeld.Tests.Features.Werkagenda;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>The building blocks scored on a phone, and conversation cards drawn beside the exercise.</summary>
public sealed class SelfScanBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_colleague_scores_building_blocks_on_a_phone_and_the_agenda_shows_them()
    {
        var c = await Fixture.Writer.CreateCaseAsync("Bouwstenen op de telefoon");
        var page = await OpenAsync($"/werkagenda/{c.Id}/bouwstenen", BrowserFixture.Phone, phone: true, role: Roles.Professional);

        var longBreath = page.Locator("section[data-part=lange-adem]");
        var missing = longBreath.GetByRole(AriaRole.Radio, new() { Name = Fixture.Text("Werkagenda.BlockScore.ontbreekt") });
        await missing.TapAsync();
        await Expect(missing).ToBeCheckedAsync();
        await longBreath.GetByLabel(Fixture.Text("Werkagenda.Reflection.Note")).FillAsync("Het programma loopt maar één jaar.");
        await longBreath.GetByLabel(Fixture.Text("Werkagenda.Blocks.Obstacle")).FillAsync("Partners haken af als het geld stopt.");
        await page.Locator("section[data-part=vertrouwen]").GetByRole(AriaRole.Radio, new() { Name = Fixture.Text("Werkagenda.BlockScore.deels") }).TapAsync();
        // Nothing on the phone needs sideways scrolling, and the choices are big enough to tap.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"));
        var box = await longBreath.Locator("label.score-option").First.BoundingBoxAsync();
        Assert.True(box is { Height: >= 44 }, $"A choice is {box?.Height} px high.");

        await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Werkagenda.Reflection.Save") }).TapAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(Fixture.Text("Werkagenda.Reflection.Saved"));
        Assert.EndsWith($"/werkagenda/{c.Id}#reflection", page.Url, StringComparison.Ordinal);
        var row = page.Locator("table[data-tool=bouwstenen] tr[data-part=lange-adem]");
        await Expect(row.Locator("[data-score]")).ToHaveTextAsync(Fixture.Text("Werkagenda.BlockScore.ontbreekt"));
        await Expect(row).ToContainTextAsync("Partners haken af als het geld stopt.");
        await Expect(page.Locator("table[data-tool=bouwstenen] tr[data-part=vertrouwen] [data-score]")).ToHaveTextAsync(Fixture.Text("Werkagenda.BlockScore.deels"));

        var stored = await (await Fixture.Writer.GetAsync($"/api/cases/{c.Id}/building-blocks", TestContext.Current.CancellationToken)).ReadOkAsync<BuildingBlocksDto>();
        Assert.Equal(2, stored.Version);
        Assert.Equal("ontbreekt", stored.Blocks.Single(b => b.Code == "lange-adem").Score);
    }

    [Fact]
    public async Task Drawing_a_conversation_card_shows_a_question_of_the_deck_and_the_next_draw_another()
    {
        var c = await Fixture.Writer.CreateCaseAsync("Gesprekskaarten trekken");
        var page = await OpenAsync($"/werkagenda/{c.Id}/bouwstenen", BrowserFixture.Phone, phone: true, role: Roles.Reader);
        var card = page.Locator("#gesprekskaart");
        await Expect(card).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = Fixture.Text("Cards.Draw") }).TapAsync();
        await Expect(card).ToBeVisibleAsync();
        var first = await card.Locator(".card-text").InnerTextAsync();
        Assert.Contains(ConversationDeck.Seed, s => s.Text == first);
        // Drawn in place by the script: the page did not reload.
        Assert.DoesNotContain("kaart=trek", page.Url, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = Fixture.Text("Cards.Draw") }).TapAsync();
        await Expect(card.Locator(".card-text")).Not.ToHaveTextAsync(first);
        var second = await card.Locator(".card-text").InnerTextAsync();
        Assert.Contains(ConversationDeck.Seed, s => s.Text == second);
    }
}
