using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Werkagenda;
using Wijkbeeld.Tests.Features.Accounts;

namespace Wijkbeeld.Tests.Features.Werkagenda;

/// <summary>The conversation cards: the seeded deck, drawing, editing by coordinators with If-Match, bad input, and the session deck kept apart.</summary>
public sealed class ConversationCardTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    static HttpRequestMessage Put(int id, object body, int? version)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/conversation-cards/{id}") { Content = JsonContent.Create(body) };
        if (version is { } v) request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v}\""));
        return request;
    }

    /// <summary>Every card of both decks as stored: what "nothing changed" is checked against.</summary>
    Task<string> DeckAsync() => App.WithDbAsync(async db => string.Join("|",
        await db.SessionPromptCards.OrderBy(c => c.Id).Select(c => c.Id + c.Category + c.Text + c.Theme + c.Active + c.Version).ToListAsync(Ct)));

    async Task<ConversationCardDto> AddAsync(string text, string theme = "Eigen vragen") =>
        await (await Client.PostAsJsonAsync("/api/conversation-cards", new { text, theme }, Ct)).ReadOkAsync<ConversationCardDto>(HttpStatusCode.Created);

    [Fact]
    public async Task The_deck_starts_with_the_questions_of_the_toolkit_and_stays_apart_from_the_session_questions()
    {
        var reader = await App.CreateClientAsAsync(Roles.Reader);
        var deck = await (await reader.GetAsync("/api/conversation-cards", Ct)).ReadOkAsync<List<ConversationCardDto>>();
        Assert.Contains(deck, c => c.Text.StartsWith("Hoe zie jij de wijk?", StringComparison.Ordinal) && c.Theme == "Van legpuzzel naar ecosysteem");
        Assert.Contains(deck, c => c.Text.Contains("Wat je voor mij doet, maar niet met mij, doe je tegen mij.", StringComparison.Ordinal));
        Assert.True(deck.Count >= ConversationDeck.Seed.Length);

        var drawn = await (await reader.GetAsync("/api/conversation-cards/draw", Ct)).ReadOkAsync<ConversationCardDto>();
        Assert.Contains(deck, c => c.Id == drawn.Id);
        var other = await (await reader.GetAsync($"/api/conversation-cards/draw?not={drawn.Id}", Ct)).ReadOkAsync<ConversationCardDto>();
        Assert.NotEqual(drawn.Id, other.Id);

        var sessionDeck = await (await Client.GetAsync("/api/prompt-cards/", Ct)).ReadOkAsync<List<ConversationCardDto>>();
        Assert.DoesNotContain(sessionDeck, s => deck.Any(c => c.Id == s.Id));
        await (await Client.PutAsJsonAsync($"/api/prompt-cards/{drawn.Id}", new { text = "Gekaapt", active = true }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "Niet gevonden");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync("/api/conversation-cards/draw", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_adds_edits_and_hides_a_card_with_the_current_version()
    {
        var coordinator = await App.CreateClientAsAsync(Roles.Coordinator);
        var tag = TestApps.UniqueTag();
        var response = await coordinator.PostAsJsonAsync("/api/conversation-cards", new { text = "Wat leerden we deze maand? " + tag, theme = "Eigen vragen" }, Ct);
        var card = await response.ReadOkAsync<ConversationCardDto>(HttpStatusCode.Created);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.True(card.Active);

        var edited = await (await coordinator.SendAsync(Put(card.Id, new { text = "Wat leerden we dit kwartaal? " + tag, theme = "Eigen vragen" }, 1), Ct))
            .ReadOkAsync<ConversationCardDto>();
        Assert.Equal(2, edited.Version);
        Assert.True(edited.Active);

        var before = await DeckAsync();
        var conflict = await (await coordinator.SendAsync(Put(card.Id, new { text = "Oud", active = false }, 1), Ct)).AssertProblemAsync(HttpStatusCode.Conflict, "Tegelijk gewijzigd");
        Assert.Equal(2, conflict.CurrentVersion);
        await (await coordinator.SendAsync(Put(card.Id, new { text = "Zonder versie" }, null), Ct)).AssertProblemAsync(HttpStatusCode.PreconditionRequired, "Versie ontbreekt");
        Assert.Equal(before, await DeckAsync());

        var hidden = await (await coordinator.SendAsync(Put(card.Id, new { text = edited.Text, theme = edited.Theme, active = false }, 2), Ct)).ReadOkAsync<ConversationCardDto>();
        Assert.False(hidden.Active);
        var reader = await App.CreateClientAsAsync(Roles.Reader);
        Assert.DoesNotContain(await (await reader.GetAsync("/api/conversation-cards", Ct)).ReadOkAsync<List<ConversationCardDto>>(), c => c.Id == card.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/conversation-cards/{card.Id}", Ct)).StatusCode);
        Assert.Contains(await (await coordinator.GetAsync("/api/conversation-cards", Ct)).ReadOkAsync<List<ConversationCardDto>>(), c => c.Id == card.Id && !c.Active);
        for (var i = 0; i < 20; i++)
        {
            Assert.NotEqual(card.Id, (await (await reader.GetAsync("/api/conversation-cards/draw", Ct)).ReadOkAsync<ConversationCardDto>()).Id);
        }
        var audit = await (await Client.GetAsync($"/api/audit?type=reflectievraag&id={card.Id}", Ct)).ReadOkAsync<List<AuditShape>>();
        Assert.Contains(audit, a => a.Action == "aangemaakt");
        Assert.Contains(audit, a => a.Action == "gewijzigd");
    }

    [Fact]
    public async Task Only_coordinators_change_the_deck()
    {
        var card = await AddAsync("Een vraag " + TestApps.UniqueTag());
        var before = await DeckAsync();
        foreach (var role in new[] { Roles.Reader, Roles.Professional })
        {
            var client = await App.CreateClientAsAsync(role);
            await (await client.PostAsJsonAsync("/api/conversation-cards", new { text = "Van een " + role }, Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
            await (await client.SendAsync(Put(card.Id, new { text = "Anders" }, 1), Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/conversation-cards/{card.Id}", Ct)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.PostAsJsonAsync("/api/conversation-cards", new { text = "Anoniem" }, Ct)).StatusCode);
        Assert.Equal(before, await DeckAsync());
    }

    public static TheoryData<string, string> BadCards => new()
    {
        { """{"text":""}""", "text" },
        { """{"text":"   "}""", "text" },
        { """{"text":"TEXT"}""".Replace("TEXT", new string('v', 301)), "text" },
        { """{"text":"Een vraag","theme":"THEME"}""".Replace("THEME", new string('t', 101)), "theme" },
        { """{"text":"Bel Jan op 0612345678 voor de kaart"}""", "confirmPersonalData" },
    };

    [Theory]
    [MemberData(nameof(BadCards))]
    public async Task Bad_cards_are_refused_in_Dutch_and_nothing_changes(string body, string field)
    {
        var card = await AddAsync("Bestaande vraag " + TestApps.UniqueTag());
        var before = await DeckAsync();
        var added = await (await Client.PostAsync("/api/conversation-cards", TestApps.Body(body, "application/json"), Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.True(added.Errors!.ContainsKey(field), string.Join(", ", added.Errors.Keys));
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/conversation-cards/{card.Id}") { Content = TestApps.Body(body, "application/json") };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var changed = await (await Client.SendAsync(put, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.True(changed.Errors!.ContainsKey(field));
        Assert.Equal(before, await DeckAsync());
    }

    [Fact]
    public async Task The_cards_page_lets_a_coordinator_edit_and_a_reader_only_read_and_draw()
    {
        var card = await AddAsync("Paginavraag " + TestApps.UniqueTag());
        var coordinator = NewBrowser(Roles.Coordinator);
        var html = await coordinator.GetPageAsync("/gesprekskaarten");
        var item = html[html.IndexOf($"id=\"kaart-{card.Id}\"", StringComparison.Ordinal)..];
        var edit = HtmlForm.Parse(item[..item.IndexOf("</li>", StringComparison.Ordinal)], "/gesprekskaarten");
        Assert.Equal(card.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), edit.Get("Form.Id"));
        edit.Set("Form.Text", "Paginavraag gewijzigd");
        Assert.StartsWith("/gesprekskaarten", (await edit.SubmitAsync(coordinator)).RedirectTarget(), StringComparison.Ordinal);
        Assert.Equal("Paginavraag gewijzigd", (await (await Client.GetAsync($"/api/conversation-cards/{card.Id}", Ct)).ReadOkAsync<ConversationCardDto>()).Text);

        var reader = NewBrowser(Roles.Reader);
        var page = Html.Text(await reader.GetPageAsync("/gesprekskaarten?kaart=trek"));
        Assert.DoesNotContain("<textarea", page, StringComparison.Ordinal);
        Assert.Contains("Paginavraag gewijzigd", page, StringComparison.Ordinal);
        Assert.Contains("class=\"card-text\"", page, StringComparison.Ordinal);
    }
}
