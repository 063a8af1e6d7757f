using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>Step 2 of WerkwijzerPlus in the browser: a resident tells a story on a phone; after moderation it is read in its area and on its profile.</summary>
public sealed class StoryBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData(320)]
    [InlineData(375)]
    public async Task A_residents_story_from_a_phone_shows_in_the_reading_view_and_on_the_profile_after_approval(int width)
    {
        var tag = "bankjes " + Guid.NewGuid().ToString("N")[..8];
        var story = $"Sinds de nieuwe {tag} bij de haven praten de buren meer met elkaar.";

        // A resident without an account, on a phone.
        var phone = await NewPageAsync(new ViewportSize { Width = width, Height = 640 }, phone: true);
        await GotoAsync(phone, "/verhalen/vertel");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), $"/verhalen/vertel scrolls sideways at {width} px");
        await phone.GetByLabel(Fixture.Text("Stories.Tell.Text")).FillAsync(story);
        await phone.GetByLabel(Fixture.Text("Stories.Source.bewoner"), new() { Exact = true }).CheckAsync();
        await phone.Locator("#Form_Area").SelectOptionAsync("BU04000101");
        await phone.GetByLabel("Ontmoeting", new() { Exact = true }).CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Stories.Tell.Submit") }).ClickAsync();
        await Expect(phone.Locator("#story-received")).ToContainTextAsync(Fixture.Text("Stories.Tell.ThanksTitle"));

        // Not visible before approval.
        await GotoAsync(phone, "/verhalen/gebied/BU04000101");
        await Expect(phone.GetByText(tag)).ToHaveCountAsync(0);

        // A moderator approves it.
        var moderator = await NewPageAsync(role: Roles.Coordinator);
        await GotoAsync(moderator, "/verhalen/moderatie");
        var pending = moderator.Locator(".contribution", new() { HasText = tag });
        await Expect(pending).ToHaveCountAsync(1);
        await pending.Locator(".moderation-actions").GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Moderation.Approve"), Exact = true }).ClickAsync();
        await Expect(moderator.GetByText(Fixture.Text("Stories.Moderation.Approved"))).ToBeVisibleAsync();
        await Expect(moderator.Locator(".contribution", new() { HasText = tag })).ToHaveCountAsync(0);

        // The resident (and everyone) reads it in the area and on the profile page.
        await GotoAsync(phone, "/verhalen/gebied/BU04000101");
        var quote = phone.Locator(".story-quote", new() { HasText = tag });
        await Expect(quote).ToHaveCountAsync(1);
        await Expect(quote.Locator("figcaption")).ToContainTextAsync(Fixture.Text("Stories.Source.bewoner"));
        await Expect(quote.Locator("figcaption")).ToContainTextAsync("Ontmoeting");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), $"the reading view scrolls sideways at {width} px");
        await GotoAsync(phone, "/profiel/BU04000101");
        await Expect(phone.Locator("#profile-stories .story-quote", new() { HasText = tag })).ToHaveCountAsync(1);
        await phone.Locator("#profile-stories a[href='/verhalen/gebied/BU04000101']").ClickAsync();
        await phone.WaitForURLAsync("**/verhalen/gebied/BU04000101");
        AssertNoScriptErrors();
    }
}
