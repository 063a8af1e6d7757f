using System.Text.RegularExpressions;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features.Items;

/// <summary>The item pages as a browser without JavaScript uses them: plain forms, antiforgery, redirect after post.</summary>
public sealed class ItemPagesTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    const string ConflictHeading = "Iemand anders heeft dit item intussen gewijzigd";

    async Task<ItemShape> CreateAsync(string title) => await Client.CreateItemAsync(NewItem.At(Places.Centrum, title));

    [Fact]
    public async Task The_details_page_shows_the_item_with_its_place_themes_and_log()
    {
        var item = await Client.GetItemAsync((await Client.FindItemAsync("Zwembad met zwemmen")).Id);

        var page = Html.Text(await NewBrowser().GetPageAsync($"/items/{item.Id}"));

        Assert.Matches($"<h1>.*{Regex.Escape(item.Title)}</h1>", page.ReplaceLineEndings(" "));
        Assert.Contains(item.Description, page);
        Assert.Contains(item.Neighbourhood!.Name, page);
        Assert.Contains($"/?area={item.District!.Code}", page);
        Assert.Contains("Sport en bewegen", page);
        Assert.Contains("Logboek en updates", page);
        Assert.All(item.Updates!, update => Assert.Contains(update.Text, page));
        Assert.Contains($"href=\"/items/{item.Id}/edit\"", page);
        Assert.Contains($"href=\"/items/{item.Id}/delete\"", page);
    }

    [Theory]
    [InlineData("/items/999999")]
    [InlineData("/items/999999/edit")]
    [InlineData("/items/999999/delete")]
    public async Task Pages_of_an_unknown_item_are_not_found(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await NewBrowser().GetAsync(url, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_new_item_form_creates_an_item_and_redirects_to_it()
    {
        var browser = NewBrowser();
        var title = $"Formulier {TestApps.UniqueTag()}";
        var form = await HtmlForm.LoadAsync(browser, "/items/new?kind=initiatief");
        Assert.Equal("initiatief", form.Get("Form.Kind"));
        Assert.NotEmpty(form.Get("__RequestVerificationToken") ?? "");

        var response = await form
            .Set("Form.Title", title)
            .Set("Form.Description", "Eerste regel.\r\nTweede regel.")
            .Set("Form.Latitude", "52,9335")
            .Set("Form.Longitude", "4,735")
            .Set("Form.Themes", "wonen", "ouderen")
            .Set("Form.Visibility", "partners")
            .SubmitAsync(browser);

        var target = response.RedirectTarget();
        Assert.Matches(@"^/items/\d+$", target);
        var id = int.Parse(target["/items/".Length..]);
        var page = Html.Text(await browser.GetPageAsync(target));
        Assert.Contains(title, page);
        Assert.Contains("Het item staat op de kaart.", page);
        var item = await Client.GetItemAsync(id);
        Assert.Equal((title, "initiatief", "idee", "partners"), (item.Title, item.Kind, item.Status, item.Visibility));
        Assert.Equal((52.9335, 4.735), (item.Latitude, item.Longitude));
        Assert.Equal(["ouderen", "wonen"], item.Themes);
        Assert.Equal("Eerste regel.\nTweede regel.", item.Description);
        Assert.Equal(Places.NieuwDenHelderCentrum.NeighbourhoodCode, item.Neighbourhood?.Code);
    }

    [Fact]
    public async Task An_invalid_new_item_shows_Dutch_errors_keeps_the_input_and_stores_nothing()
    {
        var browser = NewBrowser();
        var form = await HtmlForm.LoadAsync(browser, "/items/new");

        var response = await App.AssertChangesNothingAsync(() => form
            .Set("Form.Kind", "kans")
            .Set("Form.Title", "   ")
            .Set("Form.Description", "Mijn lange verhaal <met> tekens & zo")
            .Set("Form.Latitude", "52.37")
            .Set("Form.Longitude", "4.89")
            .SubmitAsync(browser));

        var html = await response.ReadPageAsync(HttpStatusCode.BadRequest);
        var page = Html.Text(html);
        Assert.Contains("Controleer het formulier", page);
        Assert.Contains("Vul een titel in.", page);
        Assert.Contains("Deze plek ligt buiten de wijken en buurten van de gemeente.", page);
        var again = HtmlForm.Parse(html, "/items/new");
        Assert.Equal("Mijn lange verhaal <met> tekens & zo", again.Get("Form.Description"));
        Assert.Equal(("kans", "52.37", "4.89"), (again.Get("Form.Kind"), again.Get("Form.Latitude"), again.Get("Form.Longitude")));
    }

    [Theory]
    [InlineData("abc", "4.75", "Kies een plek op de kaart of vul de coördinaten in.")]
    [InlineData("91", "4.75", "Deze coördinaten bestaan niet.")]
    [InlineData("", "", "Kies een plek op de kaart of vul de coördinaten in.")]
    public async Task Coordinates_that_are_not_a_place_are_explained(string latitude, string longitude, string message)
    {
        var browser = NewBrowser();
        var form = await HtmlForm.LoadAsync(browser, "/items/new");

        var response = await App.AssertChangesNothingAsync(() => form
            .Set("Form.Kind", "kans").Set("Form.Title", "Ergens").Set("Form.Latitude", latitude).Set("Form.Longitude", longitude)
            .SubmitAsync(browser));

        Assert.Contains(message, Html.Text(await response.ReadPageAsync(HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var browser = NewBrowser();
        var form = await HtmlForm.LoadAsync(browser, "/items/new");

        var response = await App.AssertChangesNothingAsync(() => form
            .Set("__RequestVerificationToken")
            .Set("Form.Kind", "kans").Set("Form.Title", "Zonder token").Set("Form.Latitude", "52.954").Set("Form.Longitude", "4.758")
            .SubmitAsync(browser));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_edit_form_saves_a_change_and_logs_it()
    {
        var item = await CreateAsync($"Wijzigen {TestApps.UniqueTag()}");
        var browser = NewBrowser();
        var form = await HtmlForm.LoadAsync(browser, $"/items/{item.Id}/edit");
        Assert.Equal((item.Title, "1", "idee"), (form.Get("Form.Title"), form.Get("Form.Version"), form.Get("Form.Status")));

        var response = await form.Set("Form.Status", "opgepakt").Set("Form.Title", item.Title + " (nu opgepakt)").SubmitAsync(browser);

        Assert.Equal($"/items/{item.Id}", response.RedirectTarget());
        var page = Html.Text(await browser.GetPageAsync($"/items/{item.Id}"));
        Assert.Contains("De wijzigingen zijn opgeslagen.", page);
        Assert.Contains("Gewijzigd: status van ‘Idee’ naar ‘Opgepakt’, titel.", page);
        var saved = await Client.GetItemAsync(item.Id);
        Assert.Equal((item.Title + " (nu opgepakt)", "opgepakt", 2), (saved.Title, saved.Status, saved.Version));
    }

    [Fact]
    public async Task Saving_the_edit_form_unchanged_keeps_every_field_and_the_related_items()
    {
        var related = await Client.FindItemAsync("Bibliotheek op Willemsoord");
        var created = await Client.CreateItemAsync(NewItem.At(Places.Willemsoord, $"Ongewijzigd {TestApps.UniqueTag()}") with
        {
            Kind = "voorziening", Status = "tijdelijk-gesloten", Themes = ["cultuur", "onderwijs"], Visibility = "organisatie",
            OwnerOrganisation = "Bibliotheek", Contact = "info@example.nl", Source = "Wijkschouw", RelatedItemIds = [related.Id],
            Description = "Regel een\nRegel twee met <tekens> & \"aanhalingstekens\"",
        });
        var item = await Client.GetItemAsync(created.Id);
        var browser = NewBrowser();

        var response = await (await HtmlForm.LoadAsync(browser, $"/items/{item.Id}/edit")).SubmitAsync(browser);

        Assert.Equal($"/items/{item.Id}", response.RedirectTarget());
        var saved = await Client.GetItemAsync(item.Id);
        Assert.Equivalent(item with { Version = 2, UpdatedAt = saved.UpdatedAt, Updates = saved.Updates }, saved, strict: true);
        Assert.Equal("Opgeslagen zonder inhoudelijke wijziging.", saved.Updates![0].Text);
    }

    [Fact]
    public async Task An_item_related_to_a_deleted_item_can_still_be_edited()
    {
        var gone = await CreateAsync($"Verdwijnt {TestApps.UniqueTag()}");
        var kept = await CreateAsync($"Blijft {TestApps.UniqueTag()}");
        var item = await Client.CreateItemAsync(NewItem.At(Places.Centrum, $"Verwant {TestApps.UniqueTag()}") with { RelatedItemIds = [gone.Id, kept.Id] });
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteItemAsync(gone.Id)).StatusCode);
        var browser = NewBrowser();

        var response = await (await HtmlForm.LoadAsync(browser, $"/items/{item.Id}/edit")).Set("Form.Title", item.Title + "!").SubmitAsync(browser);

        Assert.Equal($"/items/{item.Id}", response.RedirectTarget());
        Assert.Equal([kept.Id], (await Client.GetItemAsync(item.Id)).RelatedItemIds);
    }

    [Fact]
    public async Task Editing_a_version_someone_else_changed_shows_the_conflict_and_keeps_the_users_text()
    {
        var item = await CreateAsync($"Conflict {TestApps.UniqueTag()}");
        var browser = NewBrowser();
        var form = await HtmlForm.LoadAsync(browser, $"/items/{item.Id}/edit");
        var theirs = item.ToInput() with { Title = item.Title + " (hun versie)", Description = "Hun beschrijving." };
        await (await Client.PutItemAsync(item.Id, theirs, "\"1\"")).ReadOkAsync<ItemShape>();

        var response = await form.Set("Form.Title", "Mijn titel").Set("Form.Description", "Mijn beschrijving, met veel werk.").SubmitAsync(browser);

        var html = await response.ReadPageAsync(HttpStatusCode.Conflict);
        var page = Html.Text(html);
        Assert.Contains(ConflictHeading, page);
        Assert.Contains(theirs.Title!, page);
        Assert.Contains("Hun beschrijving.", page);
        var mine = HtmlForm.Parse(html, $"/items/{item.Id}/edit");
        Assert.Equal(("Mijn titel", "Mijn beschrijving, met veel werk.", "2"), (mine.Get("Form.Title"), mine.Get("Form.Description"), mine.Get("Form.Version")));
        Assert.Equal(theirs.Title, (await Client.GetItemAsync(item.Id)).Title);

        // Saving again, having seen their version, replaces it.
        Assert.Equal($"/items/{item.Id}", (await mine.SubmitAsync(browser)).RedirectTarget());
        var saved = await Client.GetItemAsync(item.Id);
        Assert.Equal(("Mijn titel", "Mijn beschrijving, met veel werk.", 3), (saved.Title, saved.Description, saved.Version));
    }

    [Fact]
    public async Task An_invalid_edit_shows_the_errors_and_keeps_the_item()
    {
        var item = await CreateAsync($"Ongeldig {TestApps.UniqueTag()}");
        var browser = NewBrowser();
        var form = await HtmlForm.LoadAsync(browser, $"/items/{item.Id}/edit");

        var response = await App.AssertChangesNothingAsync(() =>
            form.Set("Form.Title", new string('t', 121)).Set("Form.Status", "gesloten").SubmitAsync(browser));

        var page = Html.Text(await response.ReadPageAsync(HttpStatusCode.BadRequest));
        Assert.Contains("Maximaal 120 tekens.", page);
        Assert.Contains("Kies een status die bij de soort past", page);
        Assert.Equal(item.Title, (await Client.GetItemAsync(item.Id)).Title);
    }

    [Fact]
    public async Task Delete_asks_first_then_removes_the_item_from_the_map()
    {
        var item = await CreateAsync($"Verwijderen {TestApps.UniqueTag()}");
        var browser = NewBrowser();
        var html = await browser.GetPageAsync($"/items/{item.Id}/delete");
        Assert.Contains($"Weet u zeker dat u “{item.Title}” wilt verwijderen?", Html.Text(html));
        Assert.Equal(1, (await Client.ListItemsAsync($"?q={Uri.EscapeDataString(item.Title)}")).Total);

        var response = await HtmlForm.Parse(html, $"/items/{item.Id}/delete").SubmitAsync(browser);

        Assert.Equal("/", response.RedirectTarget());
        Assert.Contains("Het item is verwijderd. Het blijft bewaard in het logboek.", Html.Text(await browser.GetPageAsync("/")));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/items/{item.Id}", Ct)).StatusCode);
        Assert.Equal(0, (await Client.ListItemsAsync($"?q={Uri.EscapeDataString(item.Title)}")).Total);
    }

    [Fact]
    public async Task Deleting_a_version_someone_else_changed_asks_again()
    {
        var item = await CreateAsync($"Toch niet weg {TestApps.UniqueTag()}");
        var browser = NewBrowser();
        var form = await HtmlForm.LoadAsync(browser, $"/items/{item.Id}/delete");
        await (await Client.CommentAsync(item.Id, "Nog actueel!")).ReadOkAsync<ItemShape>();

        var response = await form.SubmitAsync(browser);

        var html = await response.ReadPageAsync(HttpStatusCode.Conflict);
        Assert.Contains("Het item is intussen gewijzigd door iemand anders.", Html.Text(html));
        Assert.Equal(item.Title, (await Client.GetItemAsync(item.Id)).Title);
        Assert.Equal("/", (await HtmlForm.Parse(html, $"/items/{item.Id}/delete").SubmitAsync(browser)).RedirectTarget());
    }

    [Fact]
    public async Task The_comment_form_adds_an_update_to_the_log()
    {
        var item = await CreateAsync($"Reageren {TestApps.UniqueTag()}");
        var browser = NewBrowser();
        var form = await HtmlForm.LoadAsync(browser, $"/items/{item.Id}", action: "handler=Comment");

        var response = await form.Set("Comment.Text", "Vandaag gesproken met de buurt.").SubmitAsync(browser);

        Assert.Equal($"/items/{item.Id}#log", response.RedirectTarget());
        var page = Html.Text(await browser.GetPageAsync($"/items/{item.Id}"));
        Assert.Contains("Uw update is geplaatst.", page);
        Assert.Contains("Vandaag gesproken met de buurt.", page);
        Assert.Contains("Test beheerder", page);
        var updates = (await Client.GetItemAsync(item.Id)).Updates!;
        Assert.Equal(("comment", "Test beheerder", "Vandaag gesproken met de buurt."), (updates[0].Type, updates[0].Author, updates[0].Text));
    }

    [Fact]
    public async Task An_empty_comment_is_explained_and_not_stored()
    {
        var item = await CreateAsync($"Leeg {TestApps.UniqueTag()}");
        var browser = NewBrowser();
        var form = await HtmlForm.LoadAsync(browser, $"/items/{item.Id}", action: "handler=Comment");

        var response = await App.AssertChangesNothingAsync(() => form.Set("Comment.Text", "  ").SubmitAsync(browser));

        Assert.Contains("Schrijf eerst uw update.", Html.Text(await response.ReadPageAsync(HttpStatusCode.BadRequest)));
    }
}
