using System.Globalization;
using System.Text.RegularExpressions;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features.Items;

/// <summary>Items without an update for Items:StaleAfterDays (180 unless configured) are marked "Verouderd".</summary>
public sealed class StaleItemsTests
{
    internal static Dictionary<string, string?> StaleAfter(int days) =>
        new() { ["Items:StaleAfterDays"] = days.ToString(CultureInfo.InvariantCulture) };

    /// <summary>The rule, checked on every item the API returns.</summary>
    internal static async Task AssertStaleExactlyWhenOlderThanAsync(HttpClient client, int days)
    {
        var items = await client.AllItemsAsync();
        var staleBefore = DateTime.UtcNow.AddDays(-days);
        Assert.All(items, i => Assert.True(i.IsStale == i.UpdatedAt < staleBefore,
            $"{i.Title}: updated {i.UpdatedAt:O}, stale {i.IsStale}, limit {days} days"));
    }

    [Fact]
    public async Task By_default_items_untouched_for_180_days_are_stale()
    {
        using var app = new WijkbeeldApp();
        var client = await app.CreateClientAsAsync(Roles.Administrator);

        await AssertStaleExactlyWhenOlderThanAsync(client, 180);
        Assert.True((await client.FindItemAsync("Fort Kijkduin")).IsStale, "updated 380 days ago");
        Assert.False((await client.FindItemAsync("Zwembad met zwemmen")).IsStale, "updated 25 days ago");
        Assert.Equal(18, (await client.AllItemsAsync()).Count(i => i.IsStale));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100_000)]
    public async Task The_setting_moves_the_limit(int days)
    {
        using var app = new WijkbeeldApp(Provider.Sqlite, StaleAfter(days));
        var client = app.CreateClient();

        await AssertStaleExactlyWhenOlderThanAsync(client, days);
        Assert.Equal(days == 1, (await client.FindItemAsync("Zwembad met zwemmen")).IsStale);
    }
}

public sealed class StaleAfter30DaysApp() : SharedApp(Provider.Sqlite, StaleItemsTests.StaleAfter(30));

/// <summary>With Items:StaleAfterDays = 30 the Bibliotheek (updated 40 days ago) is stale and the Zwembad (25) is not.</summary>
public sealed class ShortStaleSettingTests(StaleAfter30DaysApp shared) : AppTests(shared), IClassFixture<StaleAfter30DaysApp>
{
    const string StaleNotice = "Dit item is al lang niet bijgewerkt. Klopt het nog?";

    [Fact]
    public async Task Items_untouched_for_30_days_are_stale()
    {
        await StaleItemsTests.AssertStaleExactlyWhenOlderThanAsync(Client, 30);
        Assert.True((await Client.FindItemAsync("Bibliotheek op Willemsoord")).IsStale);
        Assert.False((await Client.FindItemAsync("Zwembad met zwemmen")).IsStale);
    }

    [Fact]
    public async Task The_pages_mark_stale_items()
    {
        var library = await Client.FindItemAsync("Bibliotheek op Willemsoord");
        var pool = await Client.FindItemAsync("Zwembad met zwemmen");

        var stalePage = Html.Text(await Client.GetPageAsync($"/items/{library.Id}"));
        Assert.Contains("Verouderd", stalePage);
        Assert.Contains(StaleNotice, stalePage);
        Assert.DoesNotContain(StaleNotice, Html.Text(await Client.GetPageAsync($"/items/{pool.Id}")));
        var firstPage = await Client.ListItemsAsync();
        Assert.Equal(firstPage.Items.Count(i => i.IsStale), Regex.Count(await Client.GetPageAsync("/"), "<span class=\"badge stale\">"));
    }

    [Fact]
    public async Task A_comment_makes_a_stale_item_current_again()
    {
        var item = await Client.FindItemAsync("Eenzaamheid onder ouderen in Nieuw Den Helder");
        Assert.True(item.IsStale, "updated 40 days ago");

        await (await Client.CommentAsync(item.Id, "Nieuwe cijfers van de GGD: het speelt nog steeds.")).ReadOkAsync<ItemShape>();

        Assert.False((await Client.GetItemAsync(item.Id)).IsStale);
        Assert.DoesNotContain(StaleNotice, Html.Text(await Client.GetPageAsync($"/items/{item.Id}")));
    }
}
