using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// Step 5 of WerkwijzerPlus in the browser: build a survey, open its QR poster, decode the QR code, answer through that
/// address from a second browser without an account, and see the answer arrive in the open results page.
/// </summary>
public sealed class ExperimentBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_survey_answered_through_the_posters_QR_code_shows_up_live_in_the_results()
    {
        var team = await NewPageAsync(BrowserFixture.Desktop, role: Roles.Coordinator);
        await GotoAsync(team, "/experimenten");
        var title = "Bankjes op het plein " + Guid.NewGuid().ToString("N")[..6];
        await team.Locator("#Form_AreaCode").SelectOptionAsync("WK040001");
        await team.Locator("#Form_Title").FillAsync(title);
        await team.Locator("#Form_Hypothesis").FillAsync("Als we bankjes neerzetten, dan blijven ouderen langer op het plein.");
        await team.Locator("#Form_Place").FillAsync("Plein bij de bieb");
        await team.Locator("#Form_StartsOn").FillAsync("2026-11-01");
        await team.Locator("#Form_EndsOn").FillAsync("2026-12-31");
        await team.Locator("#Form_StopCriterion").FillAsync("Meer meldingen van overlast");
        await team.Locator("#Form_RemovalPlan").FillAsync("De gemeente haalt de bankjes binnen een week weg");
        await team.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Experiments.Start") }).ClickAsync();
        await Expect(team.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);

        // The survey builder: one multiple-choice question.
        await team.Locator("#Question_Text").FillAsync("Gebruikt u de bankjes?");
        await team.GetByLabel(Fixture.Text("Experiments.Kind.keuze"), new() { Exact = true }).CheckAsync();
        await team.Locator("#Question_Options").FillAsync("Ja\nNee\nSoms");
        await team.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Experiments.SaveQuestion") }).ClickAsync();
        await Expect(team.Locator(".question-list")).ToContainTextAsync("Gebruikt u de bankjes?");
        var experimentPath = new Uri(team.Url).AbsolutePath;

        // The poster: decode its QR code from the PNG.
        await team.GetByRole(AriaRole.Link, new() { Name = Fixture.Text("Experiments.Poster") }).ClickAsync();
        await Expect(team.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Gebruikt u de bankjes?");
        var src = await team.Locator("#poster-qr").GetAttributeAsync("src");
        Assert.StartsWith("data:image/png;base64,", src, StringComparison.Ordinal);
        var surveyUrl = Decode(Convert.FromBase64String(src![(src!.IndexOf(',') + 1)..]));
        Assert.Contains("/enquete/", surveyUrl, StringComparison.Ordinal);
        await Expect(team.Locator(".poster-url")).ToHaveTextAsync(surveyUrl);

        // The team keeps the results open.
        await GotoAsync(team, experimentPath + "/resultaten");
        await Expect(team.Locator("#response-count")).ToHaveTextAsync(Fixture.Text("Experiments.ResponseCount").Replace("{0}", "0", StringComparison.Ordinal));

        // A resident scans the code with a phone: no account.
        var resident = await NewPageAsync(BrowserFixture.Phone, phone: true);
        var response = await resident.GotoAsync(surveyUrl);
        Assert.Equal(200, response!.Status);
        await resident.GetByLabel("Soms", new() { Exact = true }).CheckAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Experiments.Send") }).ClickAsync();
        await Expect(resident.Locator("#survey-thanks")).ToBeVisibleAsync();

        // The answer arrives in the open results page without a reload.
        await Expect(team.Locator("#response-count")).ToHaveTextAsync(Fixture.Text("Experiments.ResponseCount").Replace("{0}", "1", StringComparison.Ordinal));
        await Expect(team.Locator("tr", new() { HasText = "Soms" }).Locator(".bar-count")).ToHaveTextAsync("1");
        await Expect(team.Locator("tr", new() { HasText = "Nee" }).Locator(".bar-count")).ToHaveTextAsync("0");

        // The same phone cannot answer twice today.
        await resident.GotoAsync(surveyUrl);
        await Expect(resident.Locator("#survey-done")).ToBeVisibleAsync();
        AssertNoScriptErrors();
    }

    /// <summary>Reads the QR code from the PNG: pixel luminance (ImageSharp) into ZXing.</summary>
    static string Decode(byte[] png)
    {
        using var image = Image.Load<Rgba32>(png);
        var luminance = new byte[image.Width * image.Height];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var p = image[x, y];
                luminance[y * image.Width + x] = (byte)((p.R * 299 + p.G * 587 + p.B * 114) / 1000);
            }
        }
        var source = new ZXing.RGBLuminanceSource(luminance, image.Width, image.Height, ZXing.RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new ZXing.BarcodeReaderGeneric { Options = { PossibleFormats = [ZXing.BarcodeFormat.QR_CODE], TryHarder = true } }.Decode(source);
        Assert.NotNull(result);
        return result.Text;
    }
}
