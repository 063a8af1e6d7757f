using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Tests.Features.Support;

/// <summary>Base for a test class that shares one app (see <see cref="SharedApp"/>).</summary>
public abstract class AppTests(SharedApp shared)
{
    HttpClient? client;

    protected Provider Provider => shared.Provider;
    protected WijkbeeldApp App => shared.App;
    HttpClient? anonymous;

    /// <summary>An administrator who works at the municipality: may do everything (most tests act as one).</summary>
    protected HttpClient Client => client ??= shared.Administrator;

    /// <summary>A visitor without an account: sees only public items, and may only contribute.</summary>
    protected HttpClient Anonymous => anonymous ??= App.CreateClient();

    /// <summary>A client like a browser: its own cookies (antiforgery, TempData), and redirects shown, not followed.</summary>
    protected HttpClient NewBrowser(string? role = Wijkbeeld.Features.Accounts.Roles.Administrator)
    {
        var browser = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (role is not null)
        {
            browser.SignInAsync(App.CreateAccountAsync(role).GetAwaiter().GetResult()).GetAwaiter().GetResult();
        }
        return browser;
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
}

/// <summary>Rows in the database, deleted ones included, and the change log: what "nothing changed" is checked against.</summary>
public sealed record StoredCounts(int Items, int Updates, int Areas, int Changes);

/// <summary>Helpers on any app and its responses: database counts, problem checks, JSON bodies, unique titles.</summary>
public static class TestApps
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A title fragment no sample item contains, to find one's own items with <c>q=</c>.</summary>
    public static string UniqueTag() => "tst" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<T> WithDbAsync<T>(this WijkbeeldApp app, Func<WijkbeeldDb, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<WijkbeeldDb>());
    }

    public static Task<StoredCounts> StoredCountsAsync(this WijkbeeldApp app) => app.WithDbAsync(async db => new StoredCounts(
        await db.Items.IgnoreQueryFilters().CountAsync(Ct),
        await db.ItemUpdates.CountAsync(Ct),
        await db.Areas.CountAsync(Ct),
        await db.ItemChanges.CountAsync(Ct)));

    /// <summary>Runs a request that must be refused and checks that it stored nothing.</summary>
    public static async Task<HttpResponseMessage> AssertChangesNothingAsync(this WijkbeeldApp app, Func<Task<HttpResponseMessage>> send)
    {
        var before = await app.StoredCountsAsync();
        var response = await send();
        Assert.Equal(before, await app.StoredCountsAsync());
        return response;
    }

    /// <summary>Checks status, content type and Dutch title of a problem response (RFC 9457) and returns its body.</summary>
    public static async Task<ProblemShape> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string title)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<ProblemShape>(body, JsonSerializerOptions.Web)!;
        Assert.Equal((int)status, problem.Status);
        Assert.Equal(title, problem.Title);
        return problem;
    }

    public static async Task<T> ReadOkAsync<T>(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web)!;
    }

    public static StringContent Body(string content, string mediaType) =>
        new(content, new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" });
}
