using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features.Items;

public sealed class ItemsApiSqliteTests(SqliteApp app) : ItemsApiTests(app), IClassFixture<SqliteApp>;

public sealed class ItemsApiPostgresTests : ItemsApiTests, IClassFixture<PostgresApp>
{
    public ItemsApiPostgresTests(PostgresApp app) : base(app) => PostgresGate.Require();
}

/// <summary>GET, POST, PUT, DELETE and comments on /api/items, on each database.</summary>
public abstract class ItemsApiTests(SharedApp shared) : AppTests(shared)
{
    [Theory]
    [InlineData("kind=kans")]
    [InlineData("kind=kans,opgave")]
    [InlineData("kind=kans&kind=opgave")]
    [InlineData("theme=jeugd")]
    [InlineData("theme=jeugd,ouderen")]
    [InlineData("status=actief")]
    [InlineData("area=BU04000001")]
    [InlineData("area=WK040003")]
    [InlineData("area=GM0400")]
    [InlineData("q=ZWEMBAD")]
    [InlineData("bbox=4.74,52.93,4.77,52.95")]
    [InlineData("kind=signaal&area=WK040000&theme=veiligheid")]
    public async Task A_filter_returns_exactly_the_matching_items(string query)
    {
        var all = await Client.AllItemsAsync();
        var expected = all.Where(Matches(query)).Select(i => i.Id).Order().ToList();

        var filtered = await Client.AllItemsAsync("?" + query);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, filtered.Select(i => i.Id).Order());
        if (query != "area=GM0400")
        {
            Assert.True(filtered.Count < all.Count, "The filter narrows the list.");
        }
    }

    /// <summary>The meaning of each filter, written out independently of the app: all parameters must match.</summary>
    static Func<ItemShape, bool> Matches(string query)
    {
        var filter = query.Split('&').Select(p => p.Split('=', 2))
            .GroupBy(kv => kv[0], kv => kv[1].Split(','))
            .ToDictionary(g => g.Key, g => g.SelectMany(v => v).ToArray());
        return item => filter.All(f => Matches(item, f.Key, f.Value));
    }

    static bool Matches(ItemShape item, string parameter, string[] values) => parameter switch
    {
        "kind" => values.Contains(item.Kind),
        "theme" => item.Themes.Intersect(values).Any(),
        "status" => values.Contains(item.Status),
        "area" => values[0][..2] switch
        {
            "BU" => item.Neighbourhood?.Code == values[0],
            "WK" => item.District?.Code == values[0],
            _ => item.MunicipalityCode == values[0],
        },
        "q" => (item.Title + "\n" + item.Description).Contains(values[0], StringComparison.OrdinalIgnoreCase),
        "bbox" => values.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray() is var b &&
            item.Longitude >= b[0] && item.Latitude >= b[1] && item.Longitude <= b[2] && item.Latitude <= b[3],
        _ => throw new ArgumentException($"No meaning written out for {parameter}."),
    };

    [Fact]
    public async Task Pages_split_the_list_newest_first_without_overlap()
    {
        var all = await Client.AllItemsAsync();
        var pages = new List<ItemPageShape>();
        for (var page = 1; page <= (all.Count + 19) / 20 + 1; page++)
        {
            pages.Add(await Client.ListItemsAsync($"?page={page}&pageSize=20"));
        }

        Assert.All(pages, p => Assert.Equal(all.Count, p.Total));
        Assert.All(pages, p => Assert.Equal(20, p.PageSize));
        Assert.Equal(all.Select(i => i.Id), pages.SelectMany(p => p.Items).Select(i => i.Id));
        Assert.Empty(pages[^1].Items);
        Assert.Equal(all.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id).Select(i => i.Id), all.Select(i => i.Id));
        Assert.Equal(50, (await Client.ListItemsAsync()).PageSize);
    }

    [Fact]
    public async Task Totals_follow_creates_and_deletes()
    {
        var tag = TestApps.UniqueTag();
        var before = (await Client.ListItemsAsync("?kind=signaal&pageSize=1")).Total;

        var first = await Client.CreateItemAsync(new NewItem { Kind = "signaal", Title = $"Eerste {tag}" });
        await Client.CreateItemAsync(new NewItem { Kind = "signaal", Title = $"Tweede {tag}" });
        await Client.CreateItemAsync(new NewItem { Kind = "kans", Title = $"Derde {tag}" });

        Assert.Equal(before + 2, (await Client.ListItemsAsync("?kind=signaal&pageSize=1")).Total);
        Assert.Equal(3, (await Client.ListItemsAsync($"?q={tag}")).Total);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteItemAsync(first.Id)).StatusCode);
        Assert.Equal(before + 1, (await Client.ListItemsAsync("?kind=signaal&pageSize=1")).Total);
        Assert.Equal(2, (await Client.ListItemsAsync($"?q={tag}")).Total);
    }

    [Fact]
    public async Task Get_returns_the_item_with_its_log_and_an_ETag_of_its_version()
    {
        var listed = await Client.FindItemAsync("Zwembad met zwemmen");

        var response = await Client.GetAsync($"/api/items/{listed.Id}", Ct);
        var item = await response.ReadOkAsync<ItemShape>();

        Assert.Equal($"\"{item.Version}\"", response.ETag());
        Assert.Equivalent(listed with { Updates = item.Updates }, item, strict: true);
        Assert.Equal("voorziening", item.Kind);
        Assert.Equal(["armoede-schulden", "gezondheid", "sport-bewegen"], item.Themes);
        Assert.NotNull(item.Updates);
        Assert.Equal(["comment", "comment", "created"], item.Updates.Select(u => u.Type));
        Assert.Equal("De korting geldt nu ook voor kinderen tot 18 jaar in het hele gezin.", item.Updates[0].Text);
    }

    [Fact]
    public async Task Get_of_an_unknown_item_is_a_Dutch_404()
    {
        var response = await Client.GetAsync("/api/items/999999", Ct);
        await response.AssertProblemAsync(HttpStatusCode.NotFound, DutchTitles.NotFound);
    }

    [Fact]
    public async Task Post_stores_the_item_in_the_buurt_and_wijk_around_its_point()
    {
        var title = $"Nieuw initiatief {TestApps.UniqueTag()}";
        var input = NewItem.At(Places.NieuwDenHelderCentrum, title) with
        {
            Kind = "initiatief", Themes = ["Ouderen", "jeugd", "jeugd"], OwnerOrganisation = "Buurtteam", Contact = "buurtteam@example.nl",
            Visibility = "partners", Source = "Test", Description = "  Regel een\r\nRegel twee  ",
        };

        var response = await Client.PostItemAsync(input);
        var created = await response.ReadOkAsync<ItemShape>(HttpStatusCode.Created);

        Assert.Equal($"/api/items/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal(new AreaRefShape("BU04000302", "Nieuw Den Helder-Centrum"), created.Neighbourhood);
        Assert.Equal(new AreaRefShape("WK040003", "Nieuw Den Helder"), created.District);
        Assert.Equal("GM0400", created.MunicipalityCode);
        Assert.Equal("idee", created.Status);
        Assert.Equal(["jeugd", "ouderen"], created.Themes);
        Assert.Equal("Regel een\nRegel twee", created.Description);
        Assert.Equal(("partners", "Buurtteam", "buurtteam@example.nl", "Test"), (created.Visibility, created.OwnerOrganisation, created.Contact, created.Source));
        Assert.False(created.IsStale);
        Assert.Equal(1, created.Version);
        Assert.InRange(created.CreatedAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));

        var read = await Client.GetItemAsync(created.Id);
        Assert.Equivalent(read, created, strict: true);
        Assert.Equal("created", Assert.Single(read.Updates!).Type);
        Assert.Equal(created.Id, (await Client.FindItemAsync(title)).Id);
    }

    [Fact]
    public async Task Post_accepts_the_longest_allowed_texts()
    {
        var created = await Client.CreateItemAsync(new NewItem
        {
            Title = TestApps.UniqueTag() + new string('t', 120 - 13),
            Description = new string('d', 4000),
        });
        Assert.Equal(120, created.Title.Length);
        Assert.Equal(4000, (await Client.GetItemAsync(created.Id)).Description.Length);
    }

    [Fact]
    public async Task Put_with_the_current_ETag_saves_and_returns_the_next_ETag()
    {
        var created = await Client.CreateItemAsync(NewItem.At(Places.Centrum, $"Te wijzigen {TestApps.UniqueTag()}"));
        var change = created.ToInput() with { Title = created.Title + " (gewijzigd)", Status = "verkend", Latitude = Places.Willemsoord.Latitude, Longitude = Places.Willemsoord.Longitude };

        var response = await Client.PutItemAsync(created.Id, change, "\"1\"");
        var saved = await response.ReadOkAsync<ItemShape>();

        Assert.Equal("\"2\"", response.ETag());
        Assert.Equal(2, saved.Version);
        Assert.Equal(change.Title, saved.Title);
        Assert.Equal("verkend", saved.Status);
        Assert.Equal(Places.Willemsoord.NeighbourhoodCode, saved.Neighbourhood?.Code);
        Assert.True(saved.UpdatedAt > created.UpdatedAt);
        var edit = saved.Updates![0];
        Assert.Equal("edited", edit.Type);
        Assert.Contains("status van ‘Idee’ naar ‘Verkend’", edit.Text);
        Assert.Equivalent(saved, await Client.GetItemAsync(created.Id), strict: true);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("W/\"1\"")]
    public async Task Put_accepts_the_version_in_other_ETag_spellings(string ifMatch)
    {
        var created = await Client.CreateItemAsync(NewItem.At(Places.Centrum, $"Spelling {TestApps.UniqueTag()}"));
        var response = await Client.PutItemAsync(created.Id, created.ToInput() with { Status = "verkend" }, ifMatch);
        Assert.Equal(2, (await response.ReadOkAsync<ItemShape>()).Version);
    }

    [Fact]
    public async Task Put_with_a_stale_ETag_is_a_conflict_showing_the_current_version()
    {
        var created = await Client.CreateItemAsync(NewItem.At(Places.Centrum, $"Tegelijk {TestApps.UniqueTag()}"));
        var theirs = created.ToInput() with { Title = created.Title + " (hun versie)" };
        await (await Client.PutItemAsync(created.Id, theirs, "\"1\"")).ReadOkAsync<ItemShape>();

        var response = await App.AssertChangesNothingAsync(() =>
            Client.PutItemAsync(created.Id, created.ToInput() with { Title = "Mijn versie" }, "\"1\""));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, DutchTitles.Conflict);
        Assert.NotNull(problem.Current);
        Assert.Equal(2, problem.Current.Version);
        Assert.Equal(theirs.Title, problem.Current.Title);
        Assert.Equal(theirs.Title, (await Client.GetItemAsync(created.Id)).Title);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Put_without_a_usable_If_Match_requires_the_version(string? ifMatch)
    {
        var created = await Client.CreateItemAsync(NewItem.At(Places.Centrum, $"Zonder versie {TestApps.UniqueTag()}"));

        var response = await App.AssertChangesNothingAsync(() =>
            Client.PutItemAsync(created.Id, created.ToInput() with { Title = "Overschreven" }, ifMatch));

        var problem = await response.AssertProblemAsync((HttpStatusCode)428, DutchTitles.VersionMissing);
        Assert.Contains("If-Match", problem.Detail);
        Assert.Equal(created.Title, (await Client.GetItemAsync(created.Id)).Title);
    }

    [Fact]
    public async Task Put_of_an_unknown_item_is_a_404()
    {
        var response = await Client.PutItemAsync(999999, new NewItem(), "\"1\"");
        await response.AssertProblemAsync(HttpStatusCode.NotFound, DutchTitles.NotFound);
    }

    [Fact]
    public async Task Delete_hides_the_item_but_keeps_it_and_its_log_in_the_database()
    {
        var tag = TestApps.UniqueTag();
        var created = await Client.CreateItemAsync(NewItem.At(Places.Middelzand, $"Weg {tag}"));

        var response = await Client.DeleteItemAsync(created.Id);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await Client.GetAsync($"/api/items/{created.Id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, DutchTitles.NotFound);
        Assert.Equal(0, (await Client.ListItemsAsync($"?q={tag}")).Total);
        Assert.DoesNotContain(created.Id, (await Client.AllItemsAsync($"?area={Places.Middelzand.NeighbourhoodCode}")).Select(i => i.Id));
        var stored = await App.WithDbAsync(db => db.Items.IgnoreQueryFilters().Include(i => i.Updates).SingleAsync(i => i.Id == created.Id, Ct));
        Assert.True(stored.IsDeleted);
        Assert.NotNull(stored.DeletedAt);
        Assert.Equal(created.Title, stored.Title);
        Assert.Equal(["Created", "Deleted"], stored.Updates.OrderBy(u => u.Id).Select(u => u.Type.ToString()));

        await (await Client.DeleteItemAsync(created.Id)).AssertProblemAsync(HttpStatusCode.NotFound, DutchTitles.NotFound);
        await (await Client.CommentAsync(created.Id, "Nog iets")).AssertProblemAsync(HttpStatusCode.NotFound, DutchTitles.NotFound);
    }

    [Fact]
    public async Task Delete_with_a_stale_If_Match_is_a_conflict_and_keeps_the_item()
    {
        var created = await Client.CreateItemAsync(NewItem.At(Places.Centrum, $"Blijft {TestApps.UniqueTag()}"));
        await (await Client.PutItemAsync(created.Id, created.ToInput() with { Status = "verkend" }, "\"1\"")).ReadOkAsync<ItemShape>();

        var response = await App.AssertChangesNothingAsync(() => Client.DeleteItemAsync(created.Id, "\"1\""));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, DutchTitles.Conflict);
        Assert.Equal(2, problem.CurrentVersion);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteItemAsync(created.Id, "\"2\"")).StatusCode);
    }

    [Fact]
    public async Task A_comment_grows_the_log_and_makes_a_stale_item_current()
    {
        var stale = await Client.FindItemAsync("Fort Kijkduin");
        Assert.True(stale.IsStale);
        var before = await Client.GetItemAsync(stale.Id);

        var response = await Client.CommentAsync(stale.Id, "  Het fort is weer open voor buurtactiviteiten.  ");
        var after = await response.ReadOkAsync<ItemShape>();

        Assert.False(after.IsStale);
        Assert.True(after.UpdatedAt > before.UpdatedAt);
        Assert.InRange(after.UpdatedAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal($"\"{after.Version}\"", response.ETag());
        Assert.Equal(before.Updates!.Count + 1, after.Updates!.Count);
        // The author is the signed-in account, not a name the client sends.
        Assert.Equal(("comment", "Test beheerder", "Het fort is weer open voor buurtactiviteiten."), (after.Updates[0].Type, after.Updates[0].Author, after.Updates[0].Text));
        Assert.Equal(before.Title, after.Title);
        Assert.Equivalent(after, await Client.GetItemAsync(stale.Id), strict: true);
        Assert.DoesNotContain(stale.Id, (await Client.AllItemsAsync()).Where(i => i.IsStale).Select(i => i.Id));
    }

    public static TheoryData<string?> BadComments => new() { (string?)null, "   ", new string('x', 4001) };

    [Theory]
    [MemberData(nameof(BadComments))]
    public async Task A_comment_without_text_or_with_too_long_text_is_refused(string? text)
    {
        var item = await Client.FindItemAsync("Bibliotheek op Willemsoord");

        var response = await App.AssertChangesNothingAsync(() => Client.CommentAsync(item.Id, text));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);
        Assert.NotNull(problem.Errors);
        Assert.Single(problem.Errors);
    }
}
