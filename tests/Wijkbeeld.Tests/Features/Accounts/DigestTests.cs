using Microsoft.Extensions.DependencyInjection;
using Wijkbeeld.Features.Follow;

namespace Wijkbeeld.Tests.Features.Accounts;

public sealed record FollowShape(int Id, string Target, string Key, string Name, string Frequency, DateTime? LastSentAt);

/// <summary>Following an area, theme or item, and the digest e-mail of what changed there, through a real SMTP server.</summary>
public sealed class DigestTests(SmtpTestServer smtp) : IClassFixture<SmtpTestServer>, IDisposable
{
    readonly WijkbeeldApp app = new(extraSettings: new Dictionary<string, string?>(smtp.AppSettings) { ["Digest:Enabled"] = "false" });

    Task<int> SendDueAsync(DateTime now) => app.WithDbAsync(async _ =>
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Digests>().SendDueAsync(now, TestApps.Ct);
    });

    [Fact]
    public async Task A_daily_digest_lists_changes_in_what_someone_follows_that_they_may_see_and_nothing_else()
    {
        var account = await app.CreateAccountAsync(Roles.Reader, TestAccounts.Police);
        var reader = app.CreateClient();
        await reader.SignInAsync(account);
        var writer = await app.CreateClientAsAsync(Roles.Administrator);
        var tag = TestApps.UniqueTag();
        var followed = await (await reader.PostAsJsonAsync("/api/follows", new { target = "gebied", key = Places.Centrum.NeighbourhoodCode, frequency = "dagelijks" }, TestApps.Ct))
            .ReadOkAsync<FollowShape>(HttpStatusCode.Created);
        Assert.Equal("dagelijks", followed.Frequency);
        await (await reader.PostAsJsonAsync("/api/follows", new { target = "thema", key = "ouderen" }, TestApps.Ct)).ReadOkAsync<FollowShape>(HttpStatusCode.Created);
        var bad = await reader.PostAsJsonAsync("/api/follows", new { target = "gebied", key = "BU99999999" }, TestApps.Ct);
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);

        await writer.CreateItemAsync(NewItem.At(Places.Centrum, $"In de buurt {tag}"));
        await writer.CreateItemAsync(NewItem.At(Places.Middelzand, $"Ouderenmiddag {tag}") with { Themes = ["ouderen"] });
        await writer.CreateItemAsync(NewItem.At(Places.Middelzand, $"Elders {tag}"));
        await writer.CreateItemAsync(NewItem.At(Places.Centrum, $"Alleen gemeente {tag}") with { Visibility = "organisatie" });

        Assert.Equal(1, await SendDueAsync(DateTime.UtcNow));

        var mail = await smtp.WaitForMessageAsync(account.Email);
        Assert.Contains("2 wijzigingen", mail.Subject);
        Assert.Contains($"In de buurt {tag}", mail.TextBody);
        Assert.Contains($"Ouderenmiddag {tag}", mail.TextBody);
        Assert.DoesNotContain($"Elders {tag}", mail.TextBody);
        Assert.DoesNotContain($"Alleen gemeente {tag}", mail.TextBody);
        // Not due again until tomorrow, and tomorrow only with what is new.
        Assert.Equal(0, await SendDueAsync(DateTime.UtcNow.AddHours(1)));
        Assert.Equal(0, await SendDueAsync(DateTime.UtcNow.AddDays(1)));
        Assert.Single(smtp.Messages, m => m.To.Contains(account.Email));
    }

    [Fact]
    public async Task Following_an_item_from_its_page_and_unfollowing_on_the_follow_page()
    {
        var account = await app.CreateAccountAsync(Roles.Professional);
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await browser.SignInAsync(account);
        var item = await browser.FindItemAsync("Bibliotheek op Willemsoord");

        var page = await browser.GetPageAsync($"/items/{item.Id}");
        var follow = await HtmlForm.Parse(page, $"/items/{item.Id}", "/volgen").SubmitAsync(browser);
        Assert.Equal($"/items/{item.Id}", follow.RedirectTarget());

        var mine = await browser.GetFromJsonAsync<List<FollowShape>>("/api/follows", TestApps.Ct);
        var only = Assert.Single(mine!);
        Assert.Equal(("item", "Bibliotheek op Willemsoord"), (only.Target, only.Name));
        var list = await browser.GetPageAsync("/volgen");
        Assert.Contains("Bibliotheek op Willemsoord", Html.Text(list));
        var removed = await HtmlForm.Parse(list, "/volgen", "handler=Remove").SubmitAsync(browser);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty((await browser.GetFromJsonAsync<List<FollowShape>>("/api/follows", TestApps.Ct))!);
    }

    public void Dispose() => app.Dispose();
}
