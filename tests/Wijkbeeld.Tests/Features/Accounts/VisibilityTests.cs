using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Wijkbeeld.Tests.Features.Accounts;

/// <summary>An anonymous visitor, a partner and a member of the owning organisation each see exactly what they may: in the API, the exports, the feed and the pages.</summary>
public sealed class VisibilityTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    public static TheoryData<string, string[]> Viewers => new()
    {
        { "anoniem", ["openbaar"] },
        { "partner", ["openbaar", "partners"] },
        { "lid", ["openbaar", "partners", "organisatie"] },
    };

    async Task<HttpClient> ViewerAsync(string who) => who switch
    {
        "anoniem" => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }),
        "partner" => await SignedInAsync(Roles.Professional, TestAccounts.Police),
        _ => await SignedInAsync(Roles.Reader, TestAccounts.Municipality),
    };

    async Task<HttpClient> SignedInAsync(string role, string organisation)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(await App.CreateAccountAsync(role, organisation));
        return client;
    }

    async Task<Dictionary<string, ItemShape>> ThreeItemsAsync(string tag)
    {
        var items = new Dictionary<string, ItemShape>();
        foreach (var visibility in new[] { "openbaar", "partners", "organisatie" })
        {
            items[visibility] = await Client.CreateItemAsync(NewItem.At(Places.Willemsoord, $"{visibility} {tag}") with { Visibility = visibility });
        }
        return items;
    }

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task Each_viewer_sees_exactly_the_items_they_may_in_the_API_and_exports(string who, string[] visible)
    {
        var tag = TestApps.UniqueTag();
        var items = await ThreeItemsAsync(tag);
        var viewer = await ViewerAsync(who);

        Assert.Equal(visible.Order(), (await viewer.AllItemsAsync($"?q={tag}")).Select(i => i.Visibility).Order());
        foreach (var (visibility, item) in items)
        {
            var status = (await viewer.GetAsync($"/api/items/{item.Id}", Ct)).StatusCode;
            Assert.Equal(visible.Contains(visibility) ? HttpStatusCode.OK : HttpStatusCode.NotFound, status);
        }
        var geojson = JsonDocument.Parse(await viewer.GetStringAsync($"/api/items.geojson?q={tag}", Ct));
        Assert.Equal(visible.Length, geojson.RootElement.GetProperty("features").GetArrayLength());
        var csv = await viewer.GetStringAsync($"/api/items.csv?q={tag}", Ct);
        Assert.Equal(visible.Length, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task Each_viewer_sees_exactly_the_changes_and_pages_they_may(string who, string[] visible)
    {
        var start = await Client.LatestSequenceAsync();
        var tag = TestApps.UniqueTag();
        var items = await ThreeItemsAsync(tag);
        var viewer = await ViewerAsync(who);

        var changes = await viewer.ChangesSinceAsync(start);
        Assert.Equal(visible.Select(v => items[v].Id).Order(), changes.Where(c => c.Title.EndsWith(tag, StringComparison.Ordinal)).Select(c => c.ItemId).Order());
        var atom = (await viewer.AtomFeedAsync()).ToString();
        var activity = Html.Text(await viewer.GetPageAsync("/activiteit"));
        foreach (var (visibility, item) in items)
        {
            var page = await viewer.GetAsync($"/items/{item.Id}", Ct);
            Assert.Equal(visible.Contains(visibility) ? HttpStatusCode.OK : HttpStatusCode.NotFound, page.StatusCode);
            Assert.Equal(visible.Contains(visibility), atom.Contains($"{visibility} {tag}", StringComparison.Ordinal));
            Assert.Equal(visible.Contains(visibility), activity.Contains($"{visibility} {tag}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Making_an_item_organisation_only_takes_it_out_of_the_public_view()
    {
        var tag = TestApps.UniqueTag();
        var item = await Client.CreateItemAsync(NewItem.At(Places.Centrum, $"Wordt intern {tag}"));
        Assert.Single(await Anonymous.AllItemsAsync($"?q={tag}"));

        await (await Client.PutItemAsync(item.Id, item.ToInput() with { Visibility = "organisatie" }, $"\"{item.Version}\"")).ReadOkAsync<ItemShape>();

        Assert.Empty(await Anonymous.AllItemsAsync($"?q={tag}"));
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous.GetAsync($"/api/items/{item.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Organisation_only_needs_an_organisation_that_owns_the_item()
    {
        var outsider = await SignedInAsync(Roles.Professional, TestAccounts.Police);
        var admin = App.CreateClient();
        await admin.SignInAsync(await App.CreateAccountAsync(Roles.Administrator, organisation: null));

        var response = await App.AssertChangesNothingAsync(() => admin.PostItemAsync(NewItem.At(Places.Centrum, "Zonder organisatie") with { Visibility = "organisatie" }));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);
        Assert.Contains("visibility", problem.Errors!.Keys);
        // A professional of another organisation may add items of their own organisation.
        var own = await outsider.CreateItemAsync(NewItem.At(Places.Centrum, "Eigen politie-item") with { Visibility = "organisatie" });
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous.GetAsync($"/api/items/{own.Id}", Ct)).StatusCode);
    }
}

/// <summary>A public download never holds contact details; someone signed in gets them.</summary>
public sealed class PublicExportTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_public_CSV_leaves_contact_details_out()
    {
        var tag = TestApps.UniqueTag();
        await Client.CreateItemAsync(NewItem.At(Places.Centrum, $"Spreekuur {tag}") with { Contact = "wijkteam@denhelder.example" });

        var open = await Anonymous.GetStringAsync($"/api/items.csv?q={tag}", Ct);
        var partner = await Client.GetStringAsync($"/api/items.csv?q={tag}", Ct);

        Assert.Contains($"Spreekuur {tag}", open);
        Assert.DoesNotContain("wijkteam@denhelder.example", open);
        Assert.Contains("wijkteam@denhelder.example", partner);
    }
}
