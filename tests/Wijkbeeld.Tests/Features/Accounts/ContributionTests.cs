using System.Text.Json;

namespace Wijkbeeld.Tests.Features.Accounts;

public sealed record PendingShape(int Id, string Kind, string Title, string Description, double Latitude, double Longitude, string? NeighbourhoodCode, DateTime CreatedAt, int Version);

public sealed record AuditShape(long Id, DateTime At, int? UserId, string UserName, string Action, string EntityType, string EntityId, string? Before, string? After);

/// <summary>A resident adds something without an account; nobody sees it until a coordinator approves, merges or rejects it.</summary>
public sealed class ContributionTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    HttpClient? coordinator;

    HttpClient Coordinator => coordinator ??= App.CreateClientAs(Roles.Coordinator);

    async Task<int> ContributeAsync(string title, string kind = "kans", string? website = null)
    {
        var response = await Anonymous.PostAsJsonAsync("/api/contributions", new
        {
            kind, title, description = "Een bankje bij de speeltuin zou fijn zijn.", latitude = Places.Centrum.Latitude,
            longitude = Places.Centrum.Longitude, website,
        }, Ct);
        return (await response.ReadOkAsync<ContributionReceiptShape>(HttpStatusCode.Accepted)).Id;
    }

    Task<HttpResponseMessage> DecideAsync(int id, object decision, int version = 1)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/moderation/{id}") { Content = JsonContent.Create(decision) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return Coordinator.SendAsync(request, Ct);
    }

    async Task<List<PendingShape>> QueueAsync() => await (await Coordinator.GetAsync("/api/moderation", Ct)).ReadOkAsync<List<PendingShape>>();

    [Fact]
    public async Task A_contribution_is_hidden_until_approved_then_everyone_sees_it_and_the_audit_log_says_who()
    {
        var tag = TestApps.UniqueTag();
        var start = await Anonymous.LatestSequenceAsync();
        var id = await ContributeAsync($"Bankje {tag}");

        Assert.Empty(await Anonymous.AllItemsAsync($"?q={tag}"));
        Assert.Empty(await Client.AllItemsAsync($"?q={tag}"));
        Assert.Empty(await Anonymous.ChangesSinceAsync(start));
        var pending = Assert.Single(await QueueAsync(), p => p.Id == id);
        Assert.Equal("BU04000001", pending.NeighbourhoodCode);

        Assert.Equal(HttpStatusCode.NoContent, (await DecideAsync(id, new { decision = "goedkeuren" })).StatusCode);

        var item = Assert.Single(await Anonymous.AllItemsAsync($"?q={tag}"));
        Assert.Equal("openbaar", item.Visibility);
        Assert.DoesNotContain(await QueueAsync(), p => p.Id == id);
        Assert.Equal("created", Assert.Single(await Anonymous.ChangesSinceAsync(start), c => c.ItemId == id).Type);
        var audit = await (await Client.GetAsync($"/api/audit?type=item&id={id}", Ct)).ReadOkAsync<List<AuditShape>>();
        Assert.Contains(audit, a => a.Action == "goedgekeurd" && a.UserName == "Test coordinator");
        Assert.Contains(audit, a => a.Action == "aangemaakt");
    }

    [Fact]
    public async Task A_coordinator_may_correct_the_text_while_approving()
    {
        var tag = TestApps.UniqueTag();
        var id = await ContributeAsync($"bankje {tag} speeltuin");

        Assert.Equal(HttpStatusCode.NoContent, (await DecideAsync(id, new { decision = "goedkeuren", title = $"Bankje bij de speeltuin {tag}" })).StatusCode);

        Assert.Equal($"Bankje bij de speeltuin {tag}", (await Anonymous.GetItemAsync(id)).Title);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_keeps_the_contribution_hidden()
    {
        var tag = TestApps.UniqueTag();
        var id = await ContributeAsync($"Reclame {tag}");

        var noReason = await App.AssertChangesNothingAsync(() => DecideAsync(id, new { decision = "afwijzen" }));
        var problem = await noReason.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);
        Assert.Contains("reason", problem.Errors!.Keys);

        Assert.Equal(HttpStatusCode.NoContent, (await DecideAsync(id, new { decision = "afwijzen", reason = "Reclame voor een bedrijf." })).StatusCode);

        Assert.Empty(await Client.AllItemsAsync($"?q={tag}"));
        Assert.DoesNotContain(await QueueAsync(), p => p.Id == id);
        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(id, new { decision = "goedkeuren" }, version: 2)).StatusCode);
    }

    [Fact]
    public async Task Merging_adds_the_contribution_to_the_log_of_an_existing_item()
    {
        var tag = TestApps.UniqueTag();
        var target = await Client.FindItemAsync("Bibliotheek op Willemsoord");
        var id = await ContributeAsync($"Ook een idee {tag}");

        Assert.Equal(HttpStatusCode.NoContent, (await DecideAsync(id, new { decision = "samenvoegen", targetItemId = target.Id })).StatusCode);

        var merged = await Anonymous.GetItemAsync(target.Id);
        Assert.Contains(merged.Updates!, u => u.Type == "comment" && u.Text.Contains($"Ook een idee {tag}", StringComparison.Ordinal));
        Assert.Empty(await Client.AllItemsAsync($"?q={tag}"));
    }

    [Fact]
    public async Task A_decision_on_an_old_version_is_a_conflict()
    {
        var id = await ContributeAsync($"Dubbel {TestApps.UniqueTag()}");

        var response = await App.AssertChangesNothingAsync(() => DecideAsync(id, new { decision = "goedkeuren" }, version: 7));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, DutchTitles.Conflict);
    }

    [Theory]
    [InlineData("voorziening")]
    [InlineData("gebeurtenis")]
    [InlineData("fiets")]
    public async Task A_resident_cannot_add_facilities_events_or_unknown_kinds(string kind)
    {
        var response = await App.AssertChangesNothingAsync(() => Anonymous.PostAsJsonAsync("/api/contributions",
            new { kind, title = "Iets", latitude = Places.Centrum.Latitude, longitude = Places.Centrum.Longitude }, Ct));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);
        Assert.Contains("kind", problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_bot_that_fills_in_the_hidden_field_is_thanked_and_nothing_is_stored()
    {
        var before = await App.StoredCountsAsync();

        var response = await Anonymous.PostAsJsonAsync("/api/contributions", new
        {
            kind = "kans", title = "Goedkope zonnebrillen", latitude = Places.Centrum.Latitude, longitude = Places.Centrum.Longitude,
            website = "https://spam.example",
        }, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(before, await App.StoredCountsAsync());
    }

    [Fact]
    public async Task Personal_data_in_a_contribution_is_refused_not_stored()
    {
        var response = await App.AssertChangesNothingAsync(() => Anonymous.PostAsJsonAsync("/api/contributions", new
        {
            kind = "signaal", title = "Overlast", description = "Bel mevrouw op 06-12345678.",
            latitude = Places.Centrum.Latitude, longitude = Places.Centrum.Longitude,
        }, Ct));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);
        Assert.Contains("description", problem.Errors!.Keys);
    }

    [Fact]
    public async Task The_moderation_page_approves_with_its_form()
    {
        var tag = TestApps.UniqueTag();
        var id = await ContributeAsync($"Via de pagina {tag}");
        var browser = NewBrowser(Roles.Coordinator);

        var page = await browser.GetPageAsync("/moderatie");
        Assert.Contains($"Via de pagina {tag}", Html.Text(page));
        Assert.Contains($"name=\"Id\" value=\"{id}\"", page);
        var response = await browser.PostAsync("/moderatie?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Version"] = "1",
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(page),
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Single(await Anonymous.AllItemsAsync($"?q={tag}"));
    }
}

/// <summary>Too many contributions from one address get a clear Dutch answer and store nothing.</summary>
public sealed class ContributionRateLimitTests
{
    [Fact]
    public async Task The_third_contribution_within_the_window_is_refused()
    {
        using var app = new WijkbeeldApp(extraSettings: new Dictionary<string, string?> { ["RateLimits:Contributions"] = "2" });
        var client = app.CreateClient();
        object Body(int n) => new { kind = "kans", title = $"Idee {n}", latitude = Places.Centrum.Latitude, longitude = Places.Centrum.Longitude };
        for (var n = 1; n <= 2; n++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/contributions", Body(n), TestApps.Ct)).StatusCode);
        }

        var response = await app.AssertChangesNothingAsync(() => client.PostAsJsonAsync("/api/contributions", Body(3), TestApps.Ct));

        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, "Te veel verzoeken");
        Assert.NotNull(response.Headers.RetryAfter);
    }
}
