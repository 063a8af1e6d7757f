using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Wijkbeeld.Features.Follow;
using Wijkbeeld.Tests.Features.VisibleActions;

namespace Wijkbeeld.Tests.Features.Borgen;

/// <summary>The reminder: a safeguard whose review date passed shows in the digest of whoever follows its area, until the next date is set.</summary>
public sealed class BorgenDigestTests(SmtpTestServer smtp) : IClassFixture<SmtpTestServer>, IDisposable
{
    readonly WijkbeeldApp app = new(extraSettings: new Dictionary<string, string?>(smtp.AppSettings) { ["Digest:Enabled"] = "false" });

    Task<int> SendDueAsync(DateTime now) => app.WithDbAsync(async _ =>
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Digests>().SendDueAsync(now, TestApps.Ct);
    });

    [Fact]
    public async Task An_overdue_safeguard_in_a_followed_wijk_is_in_the_digest_until_the_next_review_date_is_recorded()
    {
        var account = await app.CreateAccountAsync(Roles.Professional);
        var follower = app.CreateClient();
        await follower.SignInAsync(account);
        (await follower.PostAsJsonAsync("/api/follows", new { target = "gebied", key = "WK040001", frequency = "dagelijks" }, TestApps.Ct)).EnsureSuccessStatusCode();
        var writer = await app.CreateClientAsAsync(Roles.Administrator);
        var tag = TestApps.UniqueTag();
        var action = await (await writer.PostAsJsonAsync("/api/visible-actions", VisibleActionTests.NewAction($"Buurtkast {tag}", status: "gedaan"), TestApps.Ct))
            .ReadOkAsync<ActionShape>(HttpStatusCode.Created);
        var past = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var created = await writer.PostAsJsonAsync("/api/safeguards", new
        {
            actionId = action.Id, ownerOrganisation = "Woningcorporatie", reviewMeeting = "Wijkoverleg Willemsoord", nextReviewOn = past,
        }, TestApps.Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        Assert.Equal(1, await SendDueAsync(DateTime.UtcNow));
        var mail = await smtp.WaitForMessageAsync(account.Email);
        Assert.Contains($"Buurtkast {tag}: bespreking was gepland op {past} in Wijkoverleg Willemsoord", mail.TextBody);
        Assert.Contains("/borgen/BU04000101", mail.TextBody);
    }

    public void Dispose() => app.Dispose();
}
