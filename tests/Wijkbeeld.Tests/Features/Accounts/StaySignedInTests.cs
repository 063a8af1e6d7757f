using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Wijkbeeld.Tests.Features.Accounts;

/// <summary>
/// The account page makes an authenticator key on its first view, which renews the security stamp. The person looking
/// at it must stay signed in: with the stamp checked on every request here, a stale cookie would answer 401 at once
/// (in production: one minute later, as a new colleague who just accepted an invitation lands on this page).
/// </summary>
public sealed class StaySignedInTests
{
    [Fact]
    public async Task Opening_the_account_page_for_the_first_time_keeps_the_person_signed_in()
    {
        using var app = new WijkbeeldApp();
        using var strict = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero)));
        var account = await app.CreateAccountAsync(Roles.Professional);
        var client = strict.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(account);

        var page = await client.GetPageAsync("/account");
        Assert.Contains("Mijn account", page);

        var session = await client.GetAsync("/api/session", TestApps.Ct);
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account", TestApps.Ct)).StatusCode);
    }
}
