using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Wijkbeeld.Features.Items;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// AVG in the browser: a phone number typed into an item is flagged on saving; without the checkbox nothing changes,
/// with it the text is saved. The warning is accessible on a desktop PC and at 320 px.
/// </summary>
public sealed class PersonalDataFormTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("320px")]
    public async Task A_phone_number_is_saved_only_after_ticking_the_confirmation(string screen)
    {
        var created = await Fixture.Writer.PostAsJsonAsync("/api/items", new
        {
            kind = "initiatief", title = $"Buurtmaaltijd {Guid.NewGuid().ToString("N")[..6]}", description = "Samen eten in het buurthuis.",
            latitude = 52.954, longitude = 4.758,
        }, Cancel);
        var item = (await created.Content.ReadFromJsonAsync<ItemDto>(Cancel))!;
        var text = "Aanmelden bij Fatma: 06-12345678.";
        var page = await OpenAsync($"/items/{item.Id}/edit", screen == "desktop" ? BrowserFixture.Desktop : BrowserFixture.Narrow, role: Roles.Professional);
        var save = page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Form.Save"), Exact = true });
        var confirm = page.GetByRole(AriaRole.Checkbox, new() { Name = Fixture.Text("Privacy.ConfirmLabel") });
        await Expect(confirm).ToHaveCountAsync(0);

        await page.GetByLabel(Fixture.Text("Form.Description")).FillAsync(text);
        await save.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($@"/items/{item.Id}/edit$"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Hier staat misschien een telefoonnummer (eindigt op 78).");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Fixture.Text("Privacy.WarningHeading") })).ToBeVisibleAsync();
        await Expect(page.GetByLabel(Fixture.Text("Form.Description"))).ToHaveValueAsync(text);
        await Expect(page.GetByLabel(Fixture.Text("Form.Description"))).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(confirm).Not.ToBeCheckedAsync();
        Assert.Equal("Samen eten in het buurthuis.", (await ApiItemAsync(item.Id)).Description);
        await AssertAccessibleAsync(page, screen);
        await SaveScreenshotAsync(page, screen);

        // Saving again without the tick still changes nothing.
        await save.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/items/{item.Id}/edit$"));
        await Expect(confirm).ToBeVisibleAsync();
        Assert.Equal(item.Version, (await ApiItemAsync(item.Id)).Version);

        // The error summary link leads to the checkbox.
        await page.GetByRole(AriaRole.Link, new() { Name = Fixture.Text("Privacy.ConfirmOrRemove") }).ClickAsync();
        await Expect(confirm).ToBeFocusedAsync();
        await confirm.CheckAsync();
        await save.ClickAsync();

        // (A browser keeps the #fragment of the summary link across the redirect.)
        await Expect(page).ToHaveURLAsync(new Regex($@"/items/{item.Id}(#.*)?$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(Fixture.Text("Item.Saved"));
        await Expect(page.Locator(".description")).ToHaveTextAsync(text);
        Assert.Equal(text, (await ApiItemAsync(item.Id)).Description);
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_comment_with_an_e_mail_address_is_placed_only_after_ticking_the_confirmation()
    {
        var created = await Fixture.Writer.PostAsJsonAsync("/api/items", new
        {
            kind = "signaal", title = $"Zwerfvuil {Guid.NewGuid().ToString("N")[..6]}", description = "Bij de bushalte.",
            latitude = 52.954, longitude = 4.758,
        }, Cancel);
        var item = (await created.Content.ReadFromJsonAsync<ItemDto>(Cancel))!;
        var comment = "Melder wil bericht op r.bakker@kpnmail.nl";
        var page = await OpenAsync($"/items/{item.Id}", BrowserFixture.Phone, phone: true, role: Roles.Professional);
        var confirm = page.GetByRole(AriaRole.Checkbox, new() { Name = Fixture.Text("Privacy.ConfirmLabel") });

        await page.GetByLabel(Fixture.Text("Item.CommentLabel")).FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Item.CommentSubmit") }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("een e-mailadres (r…@kpnmail.nl)");
        await Expect(page.GetByLabel(Fixture.Text("Item.CommentLabel"))).ToHaveValueAsync(comment);
        Assert.DoesNotContain((await ApiItemAsync(item.Id)).Updates ?? [], u => u.Text == comment);
        await AssertAccessibleAsync(page, "phone");
        await SaveScreenshotAsync(page, "comment-phone", "#Comment_ConfirmPersonalData");

        await confirm.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Item.CommentSubmit") }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(Fixture.Text("Item.CommentAdded"));
        await Expect(page.Locator("#item-log")).ToContainTextAsync(comment);
        AssertNoScriptErrors();
    }

    static async Task AssertAccessibleAsync(IPage page, string screen)
    {
        var result = await page.RunAxe();
        var problems = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} {string.Join(", ", v.Nodes.Select(n => n.Target))}").ToList();
        Assert.True(problems.Count == 0, $"axe ({screen}): {string.Join(Environment.NewLine, problems)}");
        if (screen == "320px")
        {
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "No horizontal scrolling at 320 px.");
        }
    }

    /// <summary>For people to look at (WIJKBEELD_SCREENSHOTS=1), like <see cref="ScreenshotTests"/>.</summary>
    static async Task SaveScreenshotAsync(IPage page, string screen, string focus = "#privacy-check")
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ScreenshotTests.Variable)))
        {
            return;
        }
        var directory = Path.Combine(Path.GetTempPath(), "screens");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"privacy-warning-{screen}-top.png") });
        await page.Locator(focus).ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"privacy-warning-{screen}.png") });
    }
}
