using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>Two people edit the same item at once: the second one is told, keeps their text, and can save it knowingly.</summary>
public sealed class EditConflictTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Saving_over_someone_elses_change_shows_the_conflict_keeps_my_text_and_saving_again_succeeds()
    {
        var item = (await ApiItemsAsync("kind=initiatief")).Items.OrderBy(i => i.Id).First();
        var edit = $"/items/{item.Id}/edit";
        var theirText = "Eerste collega: het initiatief verhuist naar het buurthuis aan de Kerkgracht.";
        var myTitle = item.Title + " (bijgewerkt)";
        var myText = "Tweede collega: de bijeenkomsten zijn voortaan op woensdagavond.";

        // Two people, two browsers (contexts), the same edit page.
        var first = await OpenAsync(edit, role: Roles.Administrator);
        var second = await OpenAsync(edit, role: Roles.Administrator);
        await Expect(first.GetByLabel(Fixture.Text("Form.Title"))).ToHaveValueAsync(item.Title);
        await Expect(second.GetByLabel(Fixture.Text("Form.Title"))).ToHaveValueAsync(item.Title);

        await first.GetByLabel(Fixture.Text("Form.Description")).FillAsync(theirText);
        await first.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Form.Save"), Exact = true }).ClickAsync();
        await Expect(first).ToHaveURLAsync(new Regex($@"/items/{item.Id}$"));
        await Expect(first.GetByRole(AriaRole.Status)).ToHaveTextAsync(Fixture.Text("Item.Saved"));
        await Expect(first.Locator(".description")).ToHaveTextAsync(theirText);

        await second.GetByLabel(Fixture.Text("Form.Title")).FillAsync(myTitle);
        await second.GetByLabel(Fixture.Text("Form.Description")).FillAsync(myText);
        await second.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Form.Save"), Exact = true }).ClickAsync();

        var conflict = second.GetByRole(AriaRole.Alert);
        await Expect(conflict.GetByRole(AriaRole.Heading, new() { Name = "Iemand anders heeft dit item intussen gewijzigd" })).ToBeVisibleAsync();
        await Expect(second).ToHaveURLAsync(new Regex($@"/items/{item.Id}/edit$"));
        // Their version is shown to compare; my text is still in the form.
        await Expect(conflict).ToContainTextAsync(theirText);
        await Expect(second.GetByLabel(Fixture.Text("Form.Title"))).ToHaveValueAsync(myTitle);
        await Expect(second.GetByLabel(Fixture.Text("Form.Description"))).ToHaveValueAsync(myText);
        Assert.Equal(theirText, (await ApiItemAsync(item.Id)).Description);

        await second.GetByRole(AriaRole.Button, new() { Name = "Mijn versie opslaan", Exact = true }).ClickAsync();

        await Expect(second).ToHaveURLAsync(new Regex($@"/items/{item.Id}$"));
        await Expect(second.GetByRole(AriaRole.Status)).ToHaveTextAsync(Fixture.Text("Item.Saved"));
        await Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveAccessibleNameAsync(myTitle);
        await Expect(second.Locator(".description")).ToHaveTextAsync(myText);
        var saved = await ApiItemAsync(item.Id);
        Assert.Equal(myTitle, saved.Title);
        Assert.Equal(myText, saved.Description);
        Assert.Equal(item.Version + 2, saved.Version);
        AssertNoScriptErrors();
    }
}
