using System.Text.RegularExpressions;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features.Map;

/// <summary>The wijkkaart page: filters and the item list are plain HTML, so the list works without JavaScript.</summary>
public sealed class MapPageTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    static int ShownCount(string html) =>
        int.Parse(Regex.Match(html, """<span class="count" id="item-count">\((\d+)\)</span>""").Groups[1].Value);

    [Fact]
    public async Task The_map_page_lists_the_newest_items_in_the_HTML()
    {
        var api = await Client.ListItemsAsync();

        var html = await NewBrowser().GetPageAsync("/");

        Assert.Equal(api.Items.Select(i => (i.Id, i.Title)), Html.ItemLinks(html));
        Assert.Equal(api.Total, ShownCount(html));
        Assert.Matches("<form id=\"filters\"[^>]*method=\"get\" action=\"/\"", html);
        Assert.Contains("<noscript>", html);
        var page = Html.Text(html);
        Assert.Contains("Wijkkaart van Den Helder", page);
        Assert.Contains($"Pagina 1 van {(api.Total + 49) / 50}", page);
        Assert.Contains("dit zijn voorbeeldgegevens", page);
    }

    [Fact]
    public async Task The_next_page_link_shows_the_rest_of_the_list()
    {
        var all = await Client.AllItemsAsync();
        var browser = NewBrowser();

        var first = await browser.GetPageAsync("/");
        var next = Html.Decode(Regex.Match(first, """<a href="(/\?[^"]*page=2[^"]*)" hx-get""").Groups[1].Value);
        var second = await browser.GetPageAsync(next);

        Assert.Equal(all.Select(i => i.Id), Html.ItemLinks(first).Concat(Html.ItemLinks(second)).Select(l => l.Id));
    }

    [Theory]
    [InlineData("?kind=kans&area=WK040003")]
    [InlineData("?kind=signaal&kind=opgave&theme=veiligheid")]
    [InlineData("?area=BU04000001")]
    [InlineData("?status=actief&q=buurthuis")]
    [InlineData("?bbox=4.74,52.93,4.77,52.95")]
    public async Task A_filter_in_the_URL_narrows_the_list_to_what_the_API_returns(string query)
    {
        var all = (await Client.ListItemsAsync("?pageSize=1")).Total;
        var expected = await Client.AllItemsAsync(query);

        var html = await NewBrowser().GetPageAsync("/" + query);

        Assert.Equal(expected.Select(i => i.Id).Take(50), Html.ItemLinks(html).Select(l => l.Id));
        Assert.Equal(expected.Count, ShownCount(html));
        Assert.True(expected.Count < all);
    }

    [Fact]
    public async Task The_filter_form_shows_the_chosen_filter()
    {
        var html = await NewBrowser().GetPageAsync("/?kind=kans&area=WK040003&q=school");

        Assert.Matches("""<input type="checkbox" name="kind" value="kans" checked="checked">""", html);
        Assert.DoesNotMatch("""<input type="checkbox" name="kind" value="opgave" checked""", html);
        Assert.Matches("""<option value="WK040003" selected="selected">""", html);
        Assert.Contains("value=\"school\"", html);
    }

    [Fact]
    public async Task A_filter_without_results_says_so()
    {
        var html = await NewBrowser().GetPageAsync($"/?q={TestApps.UniqueTag()}");

        Assert.Empty(Html.ItemLinks(html));
        Assert.Contains("Geen items gevonden. Pas het filter aan of zoom uit.", Html.Text(html));
    }

    [Theory]
    [InlineData("?kind=fiets", "Kies een bekende soort")]
    [InlineData("?area=BU99999999", "Onbekende wijk of buurt: BU99999999.")]
    [InlineData("?bbox=1,2,3", "Het kaartvenster (bbox) moet vier getallen zijn")]
    [InlineData("?page=abc", "Vul een heel getal in van 1 tot en met 1000000.")]
    public async Task A_bad_filter_is_explained_in_Dutch_with_a_400(string query, string message)
    {
        var html = await NewBrowser().GetPageAsync("/" + query, HttpStatusCode.BadRequest);

        var page = Html.Text(html);
        Assert.Contains("Het filter klopt niet", page);
        Assert.Contains(message, page);
        Assert.Empty(Html.ItemLinks(html));
        Assert.Contains("<form id=\"filters\"", html);
    }

    [Fact]
    public async Task An_htmx_request_gets_only_the_list()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/?kind=kans");
        request.Headers.Add("HX-Request", "true");

        var html = await (await NewBrowser().SendAsync(request, Ct)).ReadPageAsync();

        Assert.DoesNotContain("<html", html);
        Assert.DoesNotContain("<form", html);
        Assert.Equal((await Client.AllItemsAsync("?kind=kans")).Select(i => i.Id), Html.ItemLinks(html).Select(l => l.Id));
    }
}
