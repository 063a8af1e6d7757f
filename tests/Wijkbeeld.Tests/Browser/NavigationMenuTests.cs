using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>The main menu: all links in view on a desktop; on a phone folded behind a menu button that works with the keyboard.</summary>
public sealed class NavigationMenuTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task On_a_phone_the_menu_opens_and_closes_with_the_keyboard_and_on_a_desktop_it_is_always_open()
    {
        var phone = await OpenAsync("/activiteit", BrowserFixture.Narrow, phone: true, role: Roles.Coordinator);
        var menu = phone.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Nav.Menu") });
        var moderation = phone.GetByRole(AriaRole.Link, new() { Name = Fixture.Text("Nav.Moderation") });
        await Expect(menu).ToBeVisibleAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(moderation).ToBeHiddenAsync();

        await menu.FocusAsync();
        await phone.Keyboard.PressAsync("Enter");
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(moderation).ToBeVisibleAsync();
        await phone.Keyboard.PressAsync("Tab");
        await Expect(phone.GetByRole(AriaRole.Link, new() { Name = Fixture.Text("Nav.Map"), Exact = true })).ToBeFocusedAsync();
        await phone.Keyboard.PressAsync("Escape");
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(menu).ToBeFocusedAsync();
        await Expect(moderation).ToBeHiddenAsync();

        // A link in the open menu takes the person there.
        await menu.ClickAsync();
        await moderation.ClickAsync();
        await Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/moderatie$"));

        var desktop = await OpenAsync("/activiteit", BrowserFixture.Desktop, role: Roles.Coordinator);
        await Expect(desktop.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Nav.Menu") })).ToBeHiddenAsync();
        await Expect(desktop.GetByRole(AriaRole.Link, new() { Name = Fixture.Text("Nav.Moderation") })).ToBeVisibleAsync();
        AssertNoScriptErrors();
    }
}
