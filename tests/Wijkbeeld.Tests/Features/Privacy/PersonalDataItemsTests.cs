using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features.Privacy;

/// <summary>
/// AVG: personal data in an item's free text is flagged before saving, in the API, the import and the pages (without
/// JavaScript); it is stored only when confirmed, and the answer never repeats the whole number.
/// </summary>
public sealed class PersonalDataItemsTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    const string Bsn = "111222333";
    const string ConfirmField = "confirmPersonalData";

    static NewItem Item(string tag, string description) =>
        NewItem.At(Places.Centrum, $"Privacy {tag}") with { Description = description };

    static async Task<ProblemShape> AssertFlaggedAsync(HttpResponseMessage response, params string[] fields)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(Bsn, body);
        Assert.DoesNotContain("12345678", body);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);
        Assert.Contains($"\"{ConfirmField}\": true", problem.Detail);
        Assert.Equal(fields.Append(ConfirmField).Order(), problem.Errors!.Keys.Order());
        return problem;
    }

    [Fact]
    public async Task A_BSN_in_a_description_is_refused_with_a_Dutch_message_that_does_not_repeat_it_and_nothing_is_stored()
    {
        var tag = TestApps.UniqueTag();

        var response = await App.AssertChangesNothingAsync(() => Client.PostItemAsync(Item(tag, $"Mevrouw met BSN {Bsn} heeft hulp nodig.")));

        var problem = await AssertFlaggedAsync(response, "description");
        Assert.Equal("Hier staat misschien een BSN (eindigt op 33). Dat zijn persoonsgegevens.", Assert.Single(problem.Errors!["description"]));
        Assert.Equal("Haal de persoonsgegevens weg, of bevestig dat ze hier mogen staan.", Assert.Single(problem.Errors![ConfirmField]));
        Assert.Empty(await Client.AllItemsAsync($"?q={tag}"));
    }

    [Fact]
    public async Task Every_field_says_what_it_holds()
    {
        var item = Item(TestApps.UniqueTag(), "Bel Jan op 06-12345678 of mail jan.jansen@gmail.com.") with
        {
            Title = "Buurtapp +31 6 8765 4321", OwnerOrganisation = "Stichting (KvK 12345672)", Source = "melding van p.devries@hotmail.com",
        };

        var problem = await AssertFlaggedAsync(await App.AssertChangesNothingAsync(() => Client.PostItemAsync(item)), "description", "source", "title");

        Assert.Equal("Hier staat misschien een telefoonnummer (eindigt op 78) en een e-mailadres (j…@gmail.com). Dat zijn persoonsgegevens.",
            Assert.Single(problem.Errors!["description"]));
        Assert.Contains("een telefoonnummer (eindigt op 21)", problem.Errors!["title"][0]);
        Assert.Contains("een e-mailadres (p…@hotmail.com)", problem.Errors!["source"][0]);
    }

    [Fact]
    public async Task Confirmed_personal_data_is_stored()
    {
        var tag = TestApps.UniqueTag();
        var description = "Aanmelden bij Joke, 06-12345678.";

        var created = await Client.CreateItemAsync(Item(tag, description) with { ConfirmPersonalData = true });

        Assert.Equal(description, (await Client.GetItemAsync(created.Id)).Description);
    }

    [Fact]
    public async Task The_contact_field_takes_an_organisations_phone_and_e_mail_but_never_a_BSN()
    {
        var tag = TestApps.UniqueTag();
        var created = await Client.CreateItemAsync(Item(tag, "Spreekuur elke dinsdag.") with { Contact = "info@buurthuis.nl, 0223-123456" });
        Assert.Equal("info@buurthuis.nl, 0223-123456", created.Contact);

        var response = await App.AssertChangesNothingAsync(() => Client.PostItemAsync(Item(tag, "Spreekuur.") with { Contact = $"BSN {Bsn}" }));
        await AssertFlaggedAsync(response, "contact");
    }

    [Fact]
    public async Task Ordinary_numbers_are_not_flagged()
    {
        var description = "Op 01-03-2024 om 10:00 in buurt BU04000101 (WK040003, GM0400), Zuidstraat 12, 1781 AB. " +
            "Budget € 123.456.782, 250 bezoekers, KvK 12345672. Bel de gemeente: 14 0223.";

        var created = await Client.CreateItemAsync(Item(TestApps.UniqueTag(), description));

        Assert.Equal(description, created.Description);
    }

    [Fact]
    public async Task An_edit_that_adds_personal_data_changes_nothing_until_confirmed_and_what_was_confirmed_is_not_asked_again()
    {
        var item = await Client.CreateItemAsync(Item(TestApps.UniqueTag(), "Spreekuur bij Joke, 06-12345678.") with { ConfirmPersonalData = true });
        var etag = $"\"{item.Version}\"";

        // The confirmed phone number stays; changing the title does not ask about it again.
        var renamed = await (await Client.PutItemAsync(item.Id, item.ToInput() with { Title = item.Title + " (nieuw)" }, etag)).ReadOkAsync<ItemShape>();

        var adding = item.ToInput() with { Title = renamed.Title, Description = renamed.Description + $" BSN {Bsn}." };
        var refused = await App.AssertChangesNothingAsync(() => Client.PutItemAsync(item.Id, adding, $"\"{renamed.Version}\""));
        var problem = await AssertFlaggedAsync(refused, "description");
        Assert.DoesNotContain("telefoonnummer", problem.Errors!["description"][0]);
        var unchanged = await Client.GetItemAsync(item.Id);
        Assert.Equal((renamed.Description, renamed.Version), (unchanged.Description, unchanged.Version));

        var saved = await (await Client.PutItemAsync(item.Id, adding with { ConfirmPersonalData = true }, $"\"{renamed.Version}\"")).ReadOkAsync<ItemShape>();
        Assert.EndsWith($"BSN {Bsn}.", saved.Description);
    }

    [Fact]
    public async Task A_comment_with_personal_data_is_refused_until_confirmed()
    {
        var item = await Client.CreateItemAsync(Item(TestApps.UniqueTag(), "Een item om op te reageren."));
        var url = $"/api/items/{item.Id}/comments";

        var refused = await App.AssertChangesNothingAsync(() =>
            Client.PostAsJsonAsync(url, new { text = "Gesproken met de moeder, 06 1234 5678." }, Ct));
        var problem = await AssertFlaggedAsync(refused, "text");
        Assert.Contains("telefoonnummer (eindigt op 78)", problem.Errors!["text"][0]);

        var mail = await App.AssertChangesNothingAsync(() => Client.PostAsJsonAsync(url, new { text = "Mail kees@ziggo.nl even." }, Ct));
        await AssertFlaggedAsync(mail, "text");

        var saved = await (await Client.PostAsJsonAsync(url,
            new { text = "Gesproken met de moeder, 06 1234 5678.", confirmPersonalData = true }, Ct)).ReadOkAsync<ItemShape>();
        Assert.Contains(saved.Updates!, u => u.Text == "Gesproken met de moeder, 06 1234 5678.");
    }

    [Fact]
    public async Task An_import_with_personal_data_stores_nothing_unless_confirmed()
    {
        var tag = TestApps.UniqueTag();
        var csv = "kind,title,description,latitude,longitude\n" +
            $"kans,Eerste {tag},Geen bijzonderheden.,52.954,4.758\n" +
            $"kans,Tweede {tag},Contact via jan.jansen@gmail.com,52.954,4.758\n";

        var refused = await App.AssertChangesNothingAsync(() => Client.PostAsync("/api/items/import", TestApps.Body(csv, "text/csv"), Ct));
        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.BadRequest);
        Assert.True(problem.RowErrors!.Any(e => e.Row == 3 && e.Field == "description" && e.Message.Contains("e-mailadres (j…@gmail.com)")),
            string.Join("; ", problem.RowErrors!));

        var report = await (await Client.PostAsync("/api/items/import?confirmPersonalData=true", TestApps.Body(csv, "text/csv"), Ct))
            .ReadOkAsync<ItemImportReportShape>();
        Assert.Equal(2, report.Created);
    }

    [Fact]
    public async Task The_form_without_JavaScript_warns_and_saves_only_with_the_checkbox_ticked()
    {
        var browser = NewBrowser();
        var title = $"Formulier privacy {TestApps.UniqueTag()}";
        var form = await HtmlForm.LoadAsync(browser, "/items/new?kind=signaal");
        Assert.Null(form.Get("Form.ConfirmPersonalData"));
        form.Set("Form.Title", title)
            .Set("Form.Description", $"Bewoner met BSN {Bsn} belt steeds.")
            .Set("Form.Latitude", "52,954")
            .Set("Form.Longitude", "4,758");

        var response = await App.AssertChangesNothingAsync(() => form.SubmitAsync(browser));

        var html = await response.ReadPageAsync(HttpStatusCode.BadRequest);
        var page = Html.Text(html);
        Assert.Contains("Hier staat misschien een BSN (eindigt op 33). Dat zijn persoonsgegevens.", page);
        Assert.Contains("Ik heb het gecontroleerd: deze gegevens mogen hier staan.", page);
        Assert.Contains("href=\"#Form_ConfirmPersonalData\"", html);
        Assert.Contains($"BSN {Bsn} belt steeds.", page); // the user's text is kept, to remove or confirm

        var again = HtmlForm.Parse(html, "/items/new");
        Assert.Null(again.Get("Form.ConfirmPersonalData"));
        var confirmed = await again.Set("Form.ConfirmPersonalData", "true").SubmitAsync(browser);

        var id = int.Parse(confirmed.RedirectTarget()["/items/".Length..]);
        Assert.Equal($"Bewoner met BSN {Bsn} belt steeds.", (await Client.GetItemAsync(id)).Description);
    }

    [Fact]
    public async Task Removing_the_personal_data_saves_without_the_checkbox()
    {
        var browser = NewBrowser();
        var title = $"Formulier weghalen {TestApps.UniqueTag()}";
        var form = (await HtmlForm.LoadAsync(browser, "/items/new?kind=kans"))
            .Set("Form.Title", title).Set("Form.Description", "Info: 0223 123456").Set("Form.Latitude", "52.954").Set("Form.Longitude", "4.758");
        var html = await (await form.SubmitAsync(browser)).ReadPageAsync(HttpStatusCode.BadRequest);

        var response = await HtmlForm.Parse(html, "/items/new").Set("Form.Description", "Info: bij het buurthuis").SubmitAsync(browser);

        Assert.Matches(@"^/items/\d+$", response.RedirectTarget());
    }

    [Fact]
    public async Task The_comment_form_asks_for_confirmation_too()
    {
        var item = await Client.CreateItemAsync(Item(TestApps.UniqueTag(), "Een item voor het logboek."));
        var browser = NewBrowser();
        var form = (await HtmlForm.LoadAsync(browser, $"/items/{item.Id}", action: "Comment"))
            .Set("Comment.Text", "Moeder bereikbaar op m.jansen@live.nl");

        var html = await (await App.AssertChangesNothingAsync(() => form.SubmitAsync(browser))).ReadPageAsync(HttpStatusCode.BadRequest);
        Assert.Contains("een e-mailadres (m…@live.nl)", Html.Text(html));

        var confirmed = await HtmlForm.Parse(html, $"/items/{item.Id}", action: "Comment").Set("Comment.ConfirmPersonalData", "true").SubmitAsync(browser);
        Assert.Equal($"/items/{item.Id}#log", confirmed.RedirectTarget());
        Assert.Contains((await Client.GetItemAsync(item.Id)).Updates!, u => u.Text == "Moeder bereikbaar op m.jansen@live.nl");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_confirmation_field()
    {
        var json = await Client.GetStringAsync("/openapi/v1.json", Ct);
        Assert.Contains(ConfirmField, json);
    }
}
