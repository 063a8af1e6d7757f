using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features.Activity;

public sealed class ActivityApiSqliteTests(SqliteApp app) : ActivityApiTests(app), IClassFixture<SqliteApp>;

public sealed class ActivityApiPostgresTests : ActivityApiTests, IClassFixture<PostgresApp>
{
    public ActivityApiPostgresTests(PostgresApp app) : base(app) => PostgresGate.Require();
}

/// <summary>
/// "Wat speelt er" over HTTP: every change to an item, wherever it is made, is one entry with a higher sequence
/// number in GET /api/activity and the Atom feed; only public items are in them; refused writes leave no trace.
/// </summary>
public abstract partial class ActivityApiTests(SharedApp shared) : AppTests(shared)
{
    static readonly XNamespace Atom = ActivityApi.Atom;

    /// <summary>The one public change since <paramref name="since"/>, checked to be for <paramref name="itemId"/>.</summary>
    async Task<ActivityEntryShape> OneChangeSinceAsync(long since, string type, int itemId)
    {
        var entries = await Client.ChangesSinceAsync(since);
        var entry = Assert.Single(entries);
        Assert.Equal((type, itemId), (entry.Type, entry.ItemId));
        Assert.True(entry.Sequence > since, $"Sequence {entry.Sequence} is not after {since}.");
        Assert.Equal(entry.Sequence, (await Client.ActivityAsync("pageSize=1")).LatestSequence);
        return entry;
    }

    [Fact]
    public async Task Every_change_through_the_API_adds_exactly_one_entry_with_a_higher_sequence_number()
    {
        var tag = TestApps.UniqueTag();
        var start = await Client.LatestSequenceAsync();

        var created = await Client.CreateItemAsync(NewItem.At(Places.NieuwDenHelderCentrum, $"Buurtkast {tag}") with { Kind = "initiatief", Themes = ["wonen", "jeugd"] });
        var onCreate = await OneChangeSinceAsync(start, "created", created.Id);

        var put = await Client.PutItemAsync(created.Id, created.ToInput() with { Title = $"Buurtkast {tag} (verplaatst)", Status = "loopt" }, "\"1\"");
        var updated = await put.ReadOkAsync<ItemShape>();
        var onUpdate = await OneChangeSinceAsync(onCreate.Sequence, "updated", created.Id);

        var commented = await (await Client.CommentAsync(created.Id, "De kast hangt nu bij de bibliotheek.")).ReadOkAsync<ItemShape>();
        var onComment = await OneChangeSinceAsync(onUpdate.Sequence, "commented", created.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteItemAsync(created.Id, "\"3\"")).StatusCode);
        var onDelete = await OneChangeSinceAsync(onComment.Sequence, "deleted", created.Id);

        // All four, in order, as a client catching up from before the first sees them.
        var all = await Client.ChangesSinceAsync(start);
        Assert.Equal([onCreate.Sequence, onUpdate.Sequence, onComment.Sequence, onDelete.Sequence], all.Select(e => e.Sequence));
        Assert.Equal(["created", "updated", "commented", "deleted"], all.Select(e => e.Type));
        Assert.Equal(all.Select(e => e.Sequence).Order(), all.Select(e => e.Sequence));
        Assert.All(all, e => Assert.Equal(
            ("initiatief", "GM0400", Places.NieuwDenHelderCentrum.DistrictCode, Places.NieuwDenHelderCentrum.NeighbourhoodCode),
            (e.Kind, e.MunicipalityCode, e.DistrictCode, e.NeighbourhoodCode)));
        Assert.All(all, e => Assert.Equal(["jeugd", "wonen"], e.Themes));
        // Title as it was at each change; the summary is what the item's log says.
        Assert.Equal([created.Title, updated.Title, updated.Title, updated.Title], all.Select(e => e.Title));
        Assert.Equal("Toegevoegd aan de wijkkaart.", onCreate.Summary);
        Assert.Equal(updated.Updates![0].Text, onUpdate.Summary);
        Assert.StartsWith("Gewijzigd: status van ‘Idee’ naar ‘", onUpdate.Summary);
        Assert.Equal("De kast hangt nu bij de bibliotheek.", onComment.Summary);
        Assert.Equal("Verwijderd van de kaart.", onDelete.Summary);
        Assert.InRange(onCreate.At, created.CreatedAt.AddSeconds(-1), commented.UpdatedAt);
        Assert.True(onDelete.At >= onComment.At && onComment.At >= onUpdate.At && onUpdate.At >= onCreate.At);
    }

    [Fact]
    public async Task Every_change_through_the_page_forms_adds_exactly_one_entry()
    {
        var browser = NewBrowser();
        var title = $"Formulier {TestApps.UniqueTag()}";
        var start = await Client.LatestSequenceAsync();

        var create = await (await HtmlForm.LoadAsync(browser, "/items/new?kind=kans")).Set("Form.Title", title)
            .Set("Form.Description", "Via het formulier.").Set("Form.Latitude", "52,954").Set("Form.Longitude", "4,758")
            .SubmitAsync(browser);
        var id = int.Parse(create.RedirectTarget()["/items/".Length..], CultureInfo.InvariantCulture);
        var onCreate = await OneChangeSinceAsync(start, "created", id);
        Assert.Equal((title, "kans", Places.Centrum.NeighbourhoodCode), (onCreate.Title, onCreate.Kind, onCreate.NeighbourhoodCode));

        var edit = await (await HtmlForm.LoadAsync(browser, $"/items/{id}/edit")).Set("Form.Title", title + " bewerkt").SubmitAsync(browser);
        Assert.Equal($"/items/{id}", edit.RedirectTarget());
        var onEdit = await OneChangeSinceAsync(onCreate.Sequence, "updated", id);
        Assert.Equal((title + " bewerkt", "Gewijzigd: titel."), (onEdit.Title, onEdit.Summary));

        var comment = await (await HtmlForm.LoadAsync(browser, $"/items/{id}", action: "handler=Comment"))
            .Set("Comment.Text", "Besproken in het wijkoverleg.").SubmitAsync(browser);
        Assert.Equal($"/items/{id}#log", comment.RedirectTarget());
        var onComment = await OneChangeSinceAsync(onEdit.Sequence, "commented", id);
        Assert.Equal("Besproken in het wijkoverleg.", onComment.Summary);

        var delete = await (await HtmlForm.LoadAsync(browser, $"/items/{id}/delete")).SubmitAsync(browser);
        Assert.Equal("/", delete.RedirectTarget());
        await OneChangeSinceAsync(onComment.Sequence, "deleted", id);
    }

    [Fact]
    public async Task An_import_adds_one_created_entry_per_item_in_file_order()
    {
        var tag = TestApps.UniqueTag();
        var start = await Client.LatestSequenceAsync();
        var before = await App.StoredCountsAsync();
        var file = GeoJsonSamples.FeatureCollection(
        [
            GeoJsonSamples.ItemFeature(NewItem.At(Places.Centrum, $"Import A {tag}") with { Kind = "voorziening" }),
            GeoJsonSamples.ItemFeature(NewItem.At(Places.Middelzand, $"Import B {tag}") with { Kind = "signaal", Visibility = "partners" }),
            GeoJsonSamples.ItemFeature(NewItem.At(Places.Willemsoord, $"Import C {tag}") with { Kind = "kracht" }),
        ]);

        var report = await (await Client.PostAsync("/api/items/import", TestApps.Body(file.ToJsonString(), "application/geo+json"), Ct))
            .ReadOkAsync<ItemImportReportShape>();

        Assert.Equal(3, report.Created);
        // Three changes stored, one per item; the partners-only one is not in the public feed.
        Assert.Equal(before.Changes + 3, (await App.StoredCountsAsync()).Changes);
        var entries = await Anonymous.ChangesSinceAsync(start);
        Assert.Equal([($"Import A {tag}", "voorziening"), ($"Import C {tag}", "kracht")], entries.Select(e => (e.Title, e.Kind)));
        Assert.Equal(3, (await Client.ChangesSinceAsync(start)).Count);
        Assert.All(entries, e => Assert.Equal("created", e.Type));
        var items = await Client.AllItemsAsync($"?q={tag}");
        Assert.Equal(items.Where(i => i.Visibility == "openbaar").Select(i => i.Id).Order(), entries.Select(e => e.ItemId).Order());
        Assert.True(entries[0].Sequence < entries[1].Sequence);
    }

    [Fact]
    public async Task Since_returns_only_later_entries_oldest_first_and_pages_say_whether_there_is_more()
    {
        var tag = TestApps.UniqueTag();
        var start = await Client.LatestSequenceAsync();
        var ids = new List<int>();
        for (var n = 1; n <= 5; n++)
        {
            ids.Add((await Client.CreateItemAsync(NewItem.At(Places.Centrum, $"Reeks {n} {tag}"))).Id);
        }

        // Catch-up: after a number, oldest first, two at a time.
        var first = await Client.ActivityAsync($"since={start}&pageSize=2");
        Assert.Equal(ids[0..2], first.Entries.Select(e => e.ItemId));
        Assert.Equal((true, 2), (first.HasMore, first.PageSize));
        var second = await Client.ActivityAsync($"since={first.Entries[^1].Sequence}&pageSize=2");
        Assert.Equal(ids[2..4], second.Entries.Select(e => e.ItemId));
        Assert.True(second.HasMore);
        var third = await Client.ActivityAsync($"since={second.Entries[^1].Sequence}&pageSize=2");
        Assert.Equal([ids[4]], third.Entries.Select(e => e.ItemId));
        Assert.False(third.HasMore);
        var all = first.Entries.Concat(second.Entries).Concat(third.Entries).Select(e => e.Sequence).ToList();
        Assert.Equal(all.Order(), all);
        Assert.All(all, s => Assert.True(s > start));
        Assert.Equal(third.Entries[0].Sequence, third.LatestSequence);

        var nothingNew = await Client.ActivityAsync($"since={third.LatestSequence}");
        Assert.Equal((0, false, third.LatestSequence), (nothingNew.Entries.Count, nothingNew.HasMore, nothingNew.LatestSequence));

        // Without since: newest first, by page, without overlap.
        var page1 = await Client.ActivityAsync("pageSize=2");
        var page2 = await Client.ActivityAsync("pageSize=2&page=2");
        var page3 = await Client.ActivityAsync("pageSize=2&page=3");
        Assert.Equal([ids[4], ids[3], ids[2], ids[1], ids[0]],
            page1.Entries.Concat(page2.Entries).Concat(page3.Entries).Take(5).Select(e => e.ItemId));
        Assert.Equal((1, 2, true), (page1.Page, page1.PageSize, page1.HasMore));
        Assert.Equal(2, page2.Page);
        Assert.True(page1.Entries[1].Sequence > page2.Entries[0].Sequence);
        Assert.Equal(50, (await Client.ActivityAsync()).PageSize);
        Assert.Equal(200, (await Client.ActivityAsync("pageSize=200")).PageSize);

        // The whole history, page by page, ends, and has every entry once.
        var history = await Client.ChangesSinceAsync(0);
        Assert.Equal(history.Select(e => e.Sequence).Distinct().Order(), history.Select(e => e.Sequence));
        Assert.Equal(third.LatestSequence, history[^1].Sequence);
    }

    [Fact]
    public async Task Area_kind_and_theme_filters_select_the_matching_entries()
    {
        var tag = TestApps.UniqueTag();
        var start = await Client.LatestSequenceAsync();
        var a = await Client.CreateItemAsync(NewItem.At(Places.Centrum, $"A {tag}") with { Kind = "kans", Themes = ["jeugd"] });
        var b = await Client.CreateItemAsync(NewItem.At(Places.Middelzand, $"B {tag}") with { Kind = "signaal", Themes = ["veiligheid"] });
        var c = await Client.CreateItemAsync(NewItem.At(Places.NieuwDenHelderCentrum, $"C {tag}") with { Kind = "kans", Themes = ["ouderen", "wonen"] });
        var d = await Client.CreateItemAsync(NewItem.At(Places.Willemsoord, $"D {tag}") with { Kind = "voorziening", Themes = ["jeugd"] });

        async Task<IEnumerable<int>> Ids(string filter) => (await Client.ChangesSinceAsync(start, filter)).Select(e => e.ItemId);

        Assert.Equal([a.Id, b.Id, c.Id, d.Id], await Ids(""));
        Assert.Equal([a.Id], await Ids("area=BU04000001"));
        Assert.Equal([b.Id], await Ids("area=WK040008"));
        Assert.Equal([a.Id, b.Id, c.Id, d.Id], await Ids("area=GM0400"));
        Assert.Equal([a.Id, c.Id], await Ids("kind=kans"));
        Assert.Equal([a.Id, b.Id, c.Id], await Ids("kind=kans,signaal"));
        Assert.Equal([a.Id, b.Id, c.Id], await Ids("kind=kans&kind=signaal"));
        Assert.Equal([a.Id, d.Id], await Ids("theme=jeugd"));
        Assert.Equal([c.Id], await Ids("theme=wonen"));
        // Several themes: either one, as for /api/items.
        Assert.Equal([a.Id, c.Id, d.Id], await Ids("theme=jeugd,ouderen"));
        Assert.Equal([a.Id], await Ids("kind=kans&theme=jeugd&area=WK040000"));
        Assert.Empty(await Ids("kind=kracht&area=WK040008"));

        // On the whole feed (the sample's history too) every entry matches its filter.
        foreach (var (filter, matches) in new (string, Func<ActivityEntryShape, bool>)[]
        {
            ("area=WK040003", e => e.DistrictCode == "WK040003"),
            ("area=BU04000001", e => e.NeighbourhoodCode == "BU04000001"),
            ("kind=signaal", e => e.Kind == "signaal"),
            ("theme=ouderen", e => e.Themes.Contains("ouderen")),
            ("theme=jeugd,ouderen", e => e.Themes.Contains("jeugd") || e.Themes.Contains("ouderen")),
        })
        {
            var entries = await Client.ChangesSinceAsync(0, filter);
            var all = await Client.ChangesSinceAsync(0);
            Assert.NotEmpty(entries);
            Assert.All(entries, e => Assert.True(matches(e), $"{filter}: entry {e.Sequence} does not match."));
            Assert.Equal(all.Where(matches).Select(e => e.Sequence), entries.Select(e => e.Sequence));
        }
    }

    [Fact]
    public async Task Changes_to_items_for_partners_or_one_organisation_never_reach_the_public_feed()
    {
        var tag = TestApps.UniqueTag();
        var start = await Client.LatestSequenceAsync();
        var before = await App.StoredCountsAsync();
        var partners = await Client.CreateItemAsync(NewItem.At(Places.Centrum, $"Partneroverleg {tag}") with { Visibility = "partners" });
        var organisation = await Client.CreateItemAsync(NewItem.At(Places.Willemsoord, $"Intern dossier {tag}") with
        {
            Kind = "signaal", Visibility = "organisatie", OwnerOrganisation = "Wijkteam Willemsoord",
        });
        foreach (var item in new[] { partners, organisation })
        {
            await (await Client.PutItemAsync(item.Id, item.ToInput() with { Title = item.Title + " (bijgewerkt)" }, "\"1\"")).ReadOkAsync<ItemShape>();
            await (await Client.CommentAsync(item.Id, "Alleen voor ingewijden.")).ReadOkAsync<ItemShape>();
        }
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteItemAsync(organisation.Id)).StatusCode);
        await (await Client.PostAsync("/api/items/import", TestApps.Body(GeoJsonSamples.FeatureCollection(
            [GeoJsonSamples.ItemFeature(NewItem.At(Places.Middelzand, $"Geimporteerd intern {tag}") with { Visibility = "partners" })]).ToJsonString(),
            "application/geo+json"), Ct)).ReadOkAsync<ItemImportReportShape>();

        // Stored (eight changes) but not public: not in the feed, the Atom feed or the page, with or without a filter.
        Assert.Equal(before.Changes + 8, (await App.StoredCountsAsync()).Changes);
        Assert.Empty(await Anonymous.ChangesSinceAsync(start));
        Assert.Empty(await Anonymous.ChangesSinceAsync(start, "area=BU04000001"));
        Assert.Empty(await Anonymous.ChangesSinceAsync(start, "kind=signaal"));
        var atom = (await Anonymous.AtomFeedAsync()).ToString();
        var page = Html.Text(await NewBrowser(role: null).GetPageAsync("/activiteit"));
        foreach (var text in new[] { "Partneroverleg", "Intern dossier", "Geimporteerd intern", "Alleen voor ingewijden" })
        {
            Assert.DoesNotContain(text, atom);
            Assert.DoesNotContain(text, page);
        }

        // A public item that becomes partners-only drops out from then on, and comes back when it is public again.
        var turning = await Client.CreateItemAsync(NewItem.At(Places.Centrum, $"Wisselend {tag}"));
        var hidden = await (await Client.PutItemAsync(turning.Id, turning.ToInput() with { Visibility = "partners" }, "\"1\"")).ReadOkAsync<ItemShape>();
        await (await Client.CommentAsync(turning.Id, "Even niet openbaar.")).ReadOkAsync<ItemShape>();
        await (await Client.PutItemAsync(turning.Id, hidden.ToInput() with { Visibility = "openbaar" }, "\"3\"")).ReadOkAsync<ItemShape>();
        Assert.Equal(["created", "updated"], (await Anonymous.ChangesSinceAsync(start)).Select(e => e.Type));

        // The sample's own history: no entry about any item that is not public.
        var notPublic = (await Client.AllItemsAsync()).Where(i => i.Visibility != "openbaar").Select(i => i.Id).ToHashSet();
        Assert.NotEmpty(notPublic);
        Assert.DoesNotContain(await Anonymous.ChangesSinceAsync(0), e => notPublic.Contains(e.ItemId) && e.ItemId != turning.Id);
    }

    [Fact]
    public async Task The_Atom_feed_is_well_formed_Atom_whose_entries_link_to_their_items()
    {
        var tag = TestApps.UniqueTag();
        var title = $"Koffie & thee <gratis> \"{tag}\"";
        var item = await Client.CreateItemAsync(NewItem.At(Places.Willemsoord, title) with { Kind = "gebeurtenis" });
        await (await Client.CommentAsync(item.Id, "Elke dinsdag om 10 uur.")).ReadOkAsync<ItemShape>();

        var feed = await Client.AtomFeedAsync();

        var root = feed.Root!;
        Assert.Equal(Atom + "feed", root.Name);
        Assert.False(string.IsNullOrWhiteSpace(root.Element(Atom + "title")?.Value));
        Assert.False(string.IsNullOrWhiteSpace(root.Element(Atom + "id")?.Value));
        Assert.Matches(Rfc3339(), root.Element(Atom + "updated")!.Value);
        Assert.EndsWith("/api/activity.atom", root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        Assert.Equal("Wijkbeeld", root.Element(Atom + "author")?.Element(Atom + "name")?.Value);
        var entries = root.Elements(Atom + "entry").ToList();
        Assert.InRange(entries.Count, 2, 50);
        Assert.All(entries, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "id")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")?.Value));
            Assert.Matches(Rfc3339(), entry.Element(Atom + "updated")!.Value);
            Assert.Matches(@"^https?://[^/]+/items/\d+$", entry.Element(Atom + "link")!.Attribute("href")!.Value);
            Assert.NotNull(entry.Element(Atom + "category")?.Attribute("term"));
        });
        var updated = entries.Select(e => DateTime.Parse(e.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)).ToList();
        Assert.Equal(updated.OrderDescending(), updated);
        Assert.Equal(entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count(), entries.Count);

        // Newest first: the comment, then the new item, with the title exactly as typed (escaped in the XML, not mangled).
        Assert.Equal($"Update: {title}", entries[0].Element(Atom + "title")!.Value);
        Assert.Equal("Elke dinsdag om 10 uur.", entries[0].Element(Atom + "summary")!.Value);
        Assert.Equal($"Nieuw: {title}", entries[1].Element(Atom + "title")!.Value);
        Assert.All(entries.Take(2), e => Assert.EndsWith($"/items/{item.Id}", e.Element(Atom + "link")!.Attribute("href")!.Value));
        Assert.Equal(("gebeurtenis", "Gebeurtenis"),
            ((string?)entries[1].Element(Atom + "category")!.Attribute("term"), (string?)entries[1].Element(Atom + "category")!.Attribute("label")));
        Assert.Equal(updated[0], DateTime.Parse(root.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

        // The same filters as the API.
        var signals = (await Client.AtomFeedAsync("kind=signaal&area=WK040000")).Root!.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(signals);
        Assert.All(signals, e => Assert.Equal("signaal", (string?)e.Element(Atom + "category")!.Attribute("term")));
        var expected = (await Client.ActivityAsync("kind=signaal&area=WK040000")).Entries.Select(e => $"/items/{e.ItemId}");
        Assert.Equal(expected, signals.Select(e => new Uri(e.Element(Atom + "link")!.Attribute("href")!.Value).AbsolutePath));
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")]
    private static partial Regex Rfc3339();

    public static TheoryData<string, string[]> InvalidQueries => new()
    {
        { "since=abc", ["since"] },
        { "since=-1", ["since"] },
        { "since=1.5", ["since"] },
        { "since=99999999999999999999", ["since"] },
        { "area=BU99999999", ["area"] },
        { "area=Amsterdam", ["area"] },
        { "kind=fiets", ["kind"] },
        { "theme=onbekend-thema", ["theme"] },
        { "pageSize=0", ["pageSize"] },
        { "pageSize=201", ["pageSize"] },
        { "page=0", ["page"] },
        { "since=x&area=BU99999999&kind=fiets", ["area", "kind", "since"] },
    };

    [Theory]
    [MemberData(nameof(InvalidQueries))]
    public async Task A_bad_query_is_a_Dutch_validation_problem_naming_the_parameters(string query, string[] fields)
    {
        var response = await Client.GetAsync("/api/activity?" + query, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);
        Assert.Equal(fields, problem.Errors!.Keys.Order());
        if (fields.Contains("since"))
        {
            Assert.StartsWith("Vul een heel getal in van 0 tot en met", problem.Errors["since"].Single());
        }
        if (fields.Contains("area") && query.Contains("BU99999999"))
        {
            Assert.Equal(["Onbekende wijk of buurt: BU99999999."], problem.Errors["area"]);
        }
    }

    [Theory]
    [InlineData("area=BU99999999", "area")]
    [InlineData("kind=fiets", "kind")]
    public async Task The_Atom_feed_with_a_bad_filter_is_a_Dutch_validation_problem(string query, string field)
    {
        var response = await Client.GetAsync("/api/activity.atom?" + query, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);
        Assert.Equal([field], problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_refused_write_adds_no_entry()
    {
        var item = await Client.CreateItemAsync(NewItem.At(Places.Centrum, $"Geweigerd {TestApps.UniqueTag()}"));
        await (await Client.PutItemAsync(item.Id, item.ToInput() with { Title = item.Title + "!" }, "\"1\"")).ReadOkAsync<ItemShape>();
        var browser = NewBrowser();
        var staleEdit = await HtmlForm.LoadAsync(browser, $"/items/{item.Id}/edit");
        var staleDelete = await HtmlForm.LoadAsync(browser, $"/items/{item.Id}/delete");
        await (await Client.CommentAsync(item.Id, "Tussendoor gewijzigd.")).ReadOkAsync<ItemShape>();
        var start = await Client.LatestSequenceAsync();
        var badImport = GeoJsonSamples.FeatureCollection(
        [
            GeoJsonSamples.ItemFeature(NewItem.At(Places.Centrum, "Goede rij")),
            GeoJsonSamples.ItemFeature(new NewItem { Title = "Rij in Amsterdam", Latitude = Places.AmsterdamLatitude, Longitude = Places.AmsterdamLongitude }),
        ]).ToJsonString();

        var refused = new (string What, HttpStatusCode Status, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("POST zonder titel", HttpStatusCode.BadRequest, () => Client.PostItemAsync(new NewItem { Title = " " })),
            ("POST buiten de gemeente", HttpStatusCode.BadRequest, () => Client.PostItemAsync(new NewItem { Latitude = Places.AmsterdamLatitude, Longitude = Places.AmsterdamLongitude })),
            ("PUT ongeldig", HttpStatusCode.BadRequest, () => Client.PutItemAsync(item.Id, item.ToInput() with { Kind = "fiets" }, "\"3\"")),
            ("PUT oude versie", HttpStatusCode.Conflict, () => Client.PutItemAsync(item.Id, item.ToInput() with { Title = "Oud" }, "\"1\"")),
            ("PUT zonder If-Match", (HttpStatusCode)428, () => Client.PutItemAsync(item.Id, item.ToInput(), null)),
            ("PUT onbekend item", HttpStatusCode.NotFound, () => Client.PutItemAsync(999999, new NewItem(), "\"1\"")),
            ("DELETE oude versie", HttpStatusCode.Conflict, () => Client.DeleteItemAsync(item.Id, "\"2\"")),
            ("DELETE onbekend item", HttpStatusCode.NotFound, () => Client.DeleteItemAsync(999999)),
            ("update zonder tekst", HttpStatusCode.BadRequest, () => Client.CommentAsync(item.Id, "  ")),
            ("update bij onbekend item", HttpStatusCode.NotFound, () => Client.CommentAsync(999999, "Hallo")),
            ("import met een foute rij", HttpStatusCode.BadRequest, () => Client.PostAsync("/api/items/import", TestApps.Body(badImport, "application/geo+json"), Ct)),
            ("formulier: wijzigen op oude versie", HttpStatusCode.Conflict, () => staleEdit.Set("Form.Title", "Mijn titel").SubmitAsync(browser)),
            ("formulier: verwijderen op oude versie", HttpStatusCode.Conflict, () => staleDelete.SubmitAsync(browser)),
            ("formulier: ongeldige wijziging", HttpStatusCode.BadRequest, async () =>
                await (await HtmlForm.LoadAsync(browser, $"/items/{item.Id}/edit")).Set("Form.Title", "").SubmitAsync(browser)),
            ("formulier: lege update", HttpStatusCode.BadRequest, async () =>
                await (await HtmlForm.LoadAsync(browser, $"/items/{item.Id}", action: "handler=Comment")).Set("Comment.Text", " ").SubmitAsync(browser)),
            ("formulier: ongeldig nieuw item", HttpStatusCode.BadRequest, async () =>
                await (await HtmlForm.LoadAsync(browser, "/items/new")).Set("Form.Kind", "kans").Set("Form.Title", "").SubmitAsync(browser)),
        };

        foreach (var (what, status, send) in refused)
        {
            var response = await App.AssertChangesNothingAsync(send);
            Assert.True(response.StatusCode == status, $"{what}: expected {(int)status}, got {(int)response.StatusCode}.");
        }

        Assert.Empty(await Client.ChangesSinceAsync(start));
        Assert.Equal(start, await Client.LatestSequenceAsync());
    }

    [Fact]
    public async Task The_activity_page_lists_the_same_entries_as_the_API_newest_first()
    {
        var item = await Client.CreateItemAsync(NewItem.At(Places.Middelzand, $"Op de pagina {TestApps.UniqueTag()}") with { Kind = "kracht" });
        var browser = NewBrowser();

        foreach (var filter in new[] { "", "kind=kracht", "area=WK040008", "theme=jeugd" })
        {
            var html = await browser.GetPageAsync("/activiteit" + (filter.Length == 0 ? "" : "?" + filter));
            var expected = (await Client.ActivityAsync(filter)).Entries.Select(e => e.Sequence);
            Assert.Equal(expected, ActivitySequences().Matches(html).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
        }
        var page = await browser.GetPageAsync("/activiteit?kind=kracht");
        Assert.Contains($"<a class=\"item-title\" href=\"/items/{item.Id}\">{item.Title}</a>", page);
        Assert.Contains("href=\"/api/activity.atom?kind=kracht\"", page);

        var bad = await browser.GetAsync("/activiteit?area=BU99999999", Ct);
        Assert.Contains("Onbekende wijk of buurt: BU99999999.", Html.Text(await bad.ReadPageAsync(HttpStatusCode.BadRequest)));
    }

    [GeneratedRegex("""<li class="activity-entry" data-sequence="(\d+)" """)]
    private static partial Regex ActivitySequences();

}
