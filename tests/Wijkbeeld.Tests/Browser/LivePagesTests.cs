using Microsoft.Playwright;
using Wijkbeeld.Tests.Features.Support;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>The live item page and "Wat speelt er": they follow changes made elsewhere, within a second.</summary>
public sealed class LivePagesTests(BrowserFixture fixture) : LiveBrowserTest(fixture)
{
    HttpClient Api => Fixture.Writer;

    /// <summary>The item page shows the title, a log of <c>arg.entries</c> lines whose first contains <c>arg.log</c>, and the notice.</summary>
    const string ItemPageShows = """
        document.querySelector('#item-body h1')?.textContent.includes(arg.title)
          && document.querySelectorAll('#item-log li').length === arg.entries
          && document.querySelector('#item-log li')?.textContent.includes(arg.log)
          && !document.getElementById('item-live-notice').hidden
          && document.getElementById('item-live-notice').textContent === arg.notice
        """;

    /// <summary>The first entry of "Wat speelt er" is a change of <c>arg.type</c> (its Dutch label) to the item titled <c>arg.title</c>.</summary>
    const string ActivityTopIs = """
        (() => {
          const top = document.querySelector('#activity-list li.activity-entry');
          return !!top && top.querySelector('.item-title')?.textContent.trim() === arg.title
            && top.querySelector('.change-type')?.textContent.trim() === arg.type;
        })()
        """;

    [Fact]
    public async Task The_page_of_an_item_changed_elsewhere_refreshes_its_facts_and_log_and_says_so()
    {
        var tag = TestApps.UniqueTag();
        var item = await Api.CreateItemAsync(NewItem.At(Places.Willemsoord, $"Repair Café {tag}") with { Kind = "initiatief" });
        var page = await OpenLiveAsync($"/items/{item.Id}", BrowserFixture.Phone, phone: true, role: Roles.Professional);
        var notice = page.Locator("#item-live-notice");
        var draft = page.GetByLabel(Fixture.Text("Item.CommentLabel"));
        await Expect(notice).ToBeHiddenAsync();
        await draft.FillAsync("Mijn half geschreven update");
        var changedNotice = Fixture.Text("Live.ItemChanged");

        // Edited through the API.
        var edited = item.ToInput() with { Title = $"Repair Café {tag} (maandelijks)", Description = "Elke eerste zaterdag van de maand." };
        await ExpectLiveAsync("item gewijzigd", [page], ItemPageShows,
            new { title = edited.Title, entries = 2, log = "Gewijzigd: titel, beschrijving.", notice = changedNotice },
            () => Api.PutItemAsync(item.Id, edited, "\"1\""));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveAccessibleNameAsync(edited.Title!);
        await Expect(page.Locator("#item-body .description")).ToHaveTextAsync(edited.Description!);
        await Expect(notice).ToHaveAttributeAsync("role", "status");

        // An update posted in another browser, with the comment form on the same page.
        var other = await OpenLiveAsync($"/items/{item.Id}", role: Roles.Professional);
        await other.GetByLabel(Fixture.Text("Item.CommentLabel")).FillAsync("Gereedschap gezocht: wie heeft een soldeerbout?");
        await ExpectLiveAfterAsync("update elders", [page], ItemPageShows,
            new { title = edited.Title, entries = 3, log = "Gereedschap gezocht", notice = changedNotice },
            () => SubmitAsync(other, other.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Item.CommentSubmit") })));
        await Expect(other.GetByRole(AriaRole.Status).Filter(new() { HasText = Fixture.Text("Item.CommentAdded") })).ToBeVisibleAsync();

        // What the user was typing is still there.
        await Expect(draft).ToHaveValueAsync("Mijn half geschreven update");

        // Deleted elsewhere: the page says so.
        await ExpectLiveAsync("item verwijderd", [page],
            "!document.getElementById('item-live-notice').hidden && document.getElementById('item-live-notice').textContent === arg.notice",
            new { notice = Fixture.Text("Live.ItemDeleted") },
            async () => Assert.Equal(HttpStatusCode.NoContent, (await Api.DeleteItemAsync(item.Id)).StatusCode));
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task The_page_of_an_item_shows_the_last_of_two_changes_made_right_after_each_other()
    {
        var tag = TestApps.UniqueTag();
        var item = await Api.CreateItemAsync(NewItem.At(Places.Centrum, $"Snel na elkaar {tag}"));
        var page = await OpenLiveAsync($"/items/{item.Id}");

        // An update, and straight after it a new title: the page must end with both.
        await (await Api.CommentAsync(item.Id, "Eerst een update.")).ReadOkAsync<ItemShape>();
        var renamed = await (await Api.PutItemAsync(item.Id, item.ToInput() with { Title = $"Snel na elkaar {tag} (nieuwe titel)" }, "\"2\""))
            .ReadOkAsync<ItemShape>();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveAccessibleNameAsync(renamed.Title);
        await Expect(page.Locator("#item-log li")).ToHaveCountAsync(3);
        await Expect(page.Locator("#item-log li").First).ToContainTextAsync("Gewijzigd: titel.");
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task Wat_speelt_er_shows_a_new_change_at_the_top_within_a_second_and_keeps_its_filter()
    {
        var tag = TestApps.UniqueTag();
        var everything = await OpenLiveAsync("/activiteit");
        var kansOnly = await OpenLiveAsync("/activiteit?kind=kans", BrowserFixture.Phone, phone: true);
        var created = Fixture.Text("Change.created");
        var facility = $"Speeltuin {tag}";
        var chance = $"Speeltuin opknappen {tag}";

        await ExpectLiveAsync("voorziening in wat speelt er", [everything], ActivityTopIs, new { title = facility, type = created },
            () => Api.CreateItemAsync(NewItem.At(Places.Middelzand, facility) with { Kind = "voorziening" }));
        await Expect(Announcer(everything)).ToHaveTextAsync($"{created}: {facility}");
        await Expect(everything.Locator("#activity-list li.activity-entry").First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bflash\b"));

        ItemShape kans = null!;
        await ExpectLiveAsync("kans in wat speelt er", [everything, kansOnly], ActivityTopIs, new { title = chance, type = created },
            async () => kans = await Api.CreateItemAsync(NewItem.At(Places.Middelzand, chance) with { Kind = "kans" }));
        await Expect(Announcer(kansOnly)).ToHaveTextAsync($"{created}: {chance}");
        // The kans-only list never showed the voorziening.
        await Expect(kansOnly.Locator("#activity-list li.activity-entry").Filter(new() { HasText = facility })).ToHaveCountAsync(0);
        await Expect(kansOnly.Locator("#activity-kind")).ToHaveValueAsync("kans");
        var top = await Api.ActivityAsync("pageSize=1");
        await Expect(everything.Locator("#activity-list li.activity-entry").First).ToHaveAttributeAsync("data-sequence", top.LatestSequence.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var update = Fixture.Text("Change.commented");
        await ExpectLiveAsync("update in wat speelt er", [everything, kansOnly], ActivityTopIs, new { title = chance, type = update },
            () => Api.CommentAsync(kans.Id, "Samen met de buurt."));
        await Expect(Announcer(everything)).ToHaveTextAsync($"{update}: {chance}");
        AssertNoScriptErrors();
    }

    [Fact]
    public async Task Wat_speelt_er_shows_and_announces_every_item_of_an_import()
    {
        var tag = TestApps.UniqueTag();
        var page = await OpenLiveAsync("/activiteit");
        var created = Fixture.Text("Change.created");
        string[] titles = [$"Import een {tag}", $"Import twee {tag}", $"Import drie {tag}"];
        var file = GeoJsonSamples.FeatureCollection(titles.Select(t => (System.Text.Json.Nodes.JsonNode)GeoJsonSamples.ItemFeature(NewItem.At(Places.Centrum, t))));

        await ExpectLiveAsync("import in wat speelt er", [page], ActivityTopIs, new { title = titles[^1], type = created },
            async () => await (await Api.PostAsync("/api/items/import", TestApps.Body(file.ToJsonString(), "application/geo+json"), Cancel))
                .ReadOkAsync<ItemImportReportShape>());

        // Newest first, each once; the last one announced and highlighted.
        var entries = page.Locator("#activity-list li.activity-entry").Filter(new() { HasText = tag });
        await Expect(entries).ToHaveCountAsync(3);
        await Expect(entries.Locator(".item-title")).ToHaveTextAsync(titles.Reverse().ToArray());
        await Expect(Announcer(page)).ToHaveTextAsync($"{created}: {titles[^1]}");
        await Expect(entries.First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bflash\b"));
        AssertNoScriptErrors();
    }
}
