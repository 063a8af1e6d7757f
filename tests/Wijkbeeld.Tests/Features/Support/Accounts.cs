using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Infrastructure.Data;
using static Wijkbeeld.Tests.Features.Support.TestApps;

namespace Wijkbeeld.Tests.Features.Support;

public sealed record TestAccount(int Id, string Email, string Password, string Role, int? OrganisationId);

/// <summary>Accounts for tests: made directly in the app's database (as an invitation would), signed in through the API.</summary>
public static class TestAccounts
{
    /// <summary>The sample organisation most tests work for.</summary>
    public const string Municipality = "Gemeente Den Helder";
    public const string Police = "Politie Noord-Holland Noord";
    public const string Welfare = "Stichting Welzijn Den Helder";

    public static async Task<TestAccount> CreateAccountAsync(this WijkbeeldApp app, string role, string? organisation = Municipality)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbeeldDb>();
        int? organisationId = organisation is null ? null : await db.Organisations.Where(o => o.Name == organisation).Select(o => (int?)o.Id).SingleAsync(Ct);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var email = $"{role}-{Guid.NewGuid():N}@example.nl";
        var password = "een lange zin als wachtwoord " + Guid.NewGuid().ToString("N")[..6];
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Test {role}", OrganisationId = organisationId, CreatedAt = DateTime.UtcNow };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return new TestAccount(user.Id, email, password, role, organisationId);
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password, string? code = null) =>
        await client.PostAsJsonAsync("/api/session", new { email, password, code }, Ct);

    public static async Task SignInAsync(this HttpClient client, TestAccount account) =>
        Assert.Equal(HttpStatusCode.NoContent, (await client.SignInAsync(account.Email, account.Password)).StatusCode);

    /// <summary>A client with its own cookies, signed in as a new account with <paramref name="role"/>.</summary>
    public static async Task<HttpClient> CreateClientAsAsync(this WijkbeeldApp app, string role, string? organisation = Municipality)
    {
        var account = await app.CreateAccountAsync(role, organisation);
        var client = app.CreateClient();
        await client.SignInAsync(account);
        return client;
    }

    /// <summary>The same, for code that cannot wait (lazy properties).</summary>
    public static HttpClient CreateClientAs(this WijkbeeldApp app, string role, string? organisation = Municipality) =>
        app.CreateClientAsAsync(role, organisation).GetAwaiter().GetResult();
}
