using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>Step 3 of WerkwijzerPlus in the browser: moments added on the page land on the wall in date order, on the right side of the line.</summary>
public sealed class TimelineBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Added_moments_appear_on_the_wall_in_order_and_on_the_right_side_of_the_line()
    {
        var page = await NewPageAsync(BrowserFixture.Desktop, role: Roles.Professional);
        await GotoAsync(page, "/tijdlijn/WK040002");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var moments = new[]
        {
            ("2019-09-01", "Hangplek bij de school " + tag, "negatief", "incident"),
            ("2012-04-15", "Buurthuis open " + tag, "positief", "project"),
            ("2016-06-20", "Straatfeest " + tag, "positief", "gebeurtenis"),
        };
        foreach (var (date, title, tone, kind) in moments)
        {
            await page.Locator("#Moment_Date").FillAsync(date);
            await page.Locator("#Moment_Title").FillAsync(title);
            await page.Locator("#Moment_Kind").SelectOptionAsync(kind);
            await page.GetByLabel(Fixture.Text("Timeline.Tone." + tone), new() { Exact = true }).CheckAsync();
            await page.Locator("#Moment_Source").FillAsync("wijkagent");
            await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Timeline.SaveMoment") }).ClickAsync();
            await Expect(page.GetByText(Fixture.Text("Timeline.MomentAdded"))).ToBeVisibleAsync();
        }

        var wall = page.Locator("#wall");
        var lineBox = (await page.Locator(".wall-line").BoundingBoxAsync())!;
        async Task<LocatorBoundingBoxResult> Card(string title) =>
            (await wall.Locator(".wall-card", new() { HasText = title }).BoundingBoxAsync())!;
        var school = await Card(moments[0].Item2);
        var buurthuis = await Card(moments[1].Item2);
        var feest = await Card(moments[2].Item2);
        // Positives above the line, negatives below it.
        Assert.True(buurthuis.Y + buurthuis.Height <= lineBox.Y, "positive card above the line");
        Assert.True(feest.Y + feest.Height <= lineBox.Y, "positive card above the line");
        Assert.True(school.Y >= lineBox.Y + lineBox.Height, "negative card below the line");
        // In date order from left to right: 2012, 2016, 2019.
        Assert.True(buurthuis.X < feest.X && feest.X < school.X, $"x: {buurthuis.X} {feest.X} {school.X}");

        // The list is the same story in order, for screen readers and keyboards.
        var listed = await page.Locator("#moment-list li strong").AllTextContentsAsync();
        var mine = listed.Where(t => t.EndsWith(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal([moments[1].Item2, moments[2].Item2, moments[0].Item2], mine);

        // Zooming in to weeks spreads the wall out: the same moments lie much further apart.
        await page.GetByRole(AriaRole.Link, new() { Name = Fixture.Text("Timeline.Zoom.weken") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("zoom=weken"));
        var wideFeest = await Card(moments[2].Item2);
        var wideBuurthuis = await Card(moments[1].Item2);
        Assert.True(wideFeest.X - wideBuurthuis.X > 10 * (feest.X - buurthuis.X));

        // A filter on source keeps them; another source hides them.
        await page.Locator("#filter-source").SelectOptionAsync("wijkagent");
        await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Filter.Apply") }).ClickAsync();
        await Expect(wall.Locator(".wall-card", new() { HasText = tag })).ToHaveCountAsync(3);
        AssertNoScriptErrors();
    }
}
