using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>The map page with the keyboard only: skip link, the filter form in order, the map's zoom buttons, the list.</summary>
public sealed class KeyboardTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Skip_link_filter_form_zoom_buttons_and_list_links_are_reachable_with_tab()
    {
        var total = (await ApiItemsAsync()).Total;
        var page = await OpenAsync("/");
        await WaitForMapAsync(page, total, expectedInView: total);

        // The first Tab shows the skip link; Enter moves focus to the main content.
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = Fixture.Text("Nav.SkipToContent") });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await AssertFocusIsVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main")).ToBeFocusedAsync();

        // From there Tab walks through the filter form in reading order.
        var form = page.GetByRole(AriaRole.Search, new() { Name = Fixture.Text("Filter.Label") });
        var controls = new List<ILocator>();
        var fold = form.Locator("summary");
        if (await fold.IsVisibleAsync())
        {
            controls.Add(fold); // the filter panel folds on narrow screens only
        }
        controls.AddRange(KindLabels.Select(k => form.GetByRole(AriaRole.Checkbox, new() { Name = k, Exact = true })));
        controls.AddRange(new[] { "Filter.Theme", "Filter.Status", "Filter.Area", "Filter.Text" }.Select(k => form.GetByLabel(Fixture.Text(k), new() { Exact = true })));
        controls.Add(form.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Filter.Apply") }));
        controls.Add(form.GetByRole(AriaRole.Link, new() { Name = Fixture.Text("Filter.Reset") }));
        foreach (var control in controls)
        {
            await page.Keyboard.PressAsync("Tab");
            await Expect(control).ToBeFocusedAsync();
            await AssertFocusIsVisibleAsync(page);
        }

        // Then the map itself, its markers, and its zoom buttons, which work with Enter.
        await page.Keyboard.PressAsync("Tab");
        await Expect(Map(page)).ToBeFocusedAsync();
        var zoomIn = page.GetByRole(AriaRole.Button, new() { Name = "Inzoomen" });
        await TabUntilFocusedAsync(page, zoomIn);
        await AssertFocusIsVisibleAsync(page);
        var view = BboxFromUrl(page);
        var zoom = await page.EvaluateAsync<int>("() => window.wijkbeeldMap.getZoom()");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("z => window.wijkbeeldMap.getZoom() === z", zoom + 1);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Uitzoomen" })).ToBeFocusedAsync();
        await AssertFocusIsVisibleAsync(page);

        // The list follows the zoom; once it has, Tab reaches its item links.
        var zoomed = await WaitForNewBboxAsync(page, view);
        var inView = (await ApiItemsAsync($"bbox={zoomed}")).Total;
        Assert.InRange(inView, 1, total - 1);
        await Expect(ListCount(page)).ToHaveTextAsync($"({inView})");
        var firstItem = page.Locator("#item-list a.item-title").First;
        await TabUntilFocusedAsync(page, firstItem);
        await AssertFocusIsVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/items/\d+$"));
        AssertNoScriptErrors();
    }

    /// <summary>Presses Tab until <paramref name="target"/> has focus; fails after <paramref name="max"/> presses.</summary>
    static async Task TabUntilFocusedAsync(IPage page, ILocator target, int max = 150)
    {
        for (var i = 0; i < max; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }
        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        Assert.Fail($"{target} not reached after {max} presses of Tab; focus is on {focused}");
    }

    /// <summary>The focused element shows a focus indicator (outline or box shadow).</summary>
    static async Task AssertFocusIsVisibleAsync(IPage page)
    {
        var style = await page.EvaluateAsync<string>("""
            () => {
              const e = document.activeElement, s = getComputedStyle(e);
              const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
              return visible ? '' : `${e.outerHTML.slice(0, 120)} (outline: ${s.outlineStyle} ${s.outlineWidth}, box-shadow: ${s.boxShadow})`;
            }
            """);
        Assert.True(style.Length == 0, "No visible focus indicator on " + style);
    }
}
