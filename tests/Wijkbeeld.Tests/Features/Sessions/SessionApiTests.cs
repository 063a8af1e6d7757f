using Microsoft.EntityFrameworkCore;
using static Wijkbeeld.Tests.Features.Support.TestApps;

namespace Wijkbeeld.Tests.Features.Sessions;

/// <summary>Werksessies over HTTP: plan, join by code, breakouts of at most five, drafts, outputs, and every kind of bad input.</summary>
public sealed class SessionApiTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    HttpClient? coordinator;
    HttpClient Coordinator => coordinator ??= App.CreateClientAs(Roles.Coordinator);

    Task<int> ParticipantCountAsync() => App.WithDbAsync(db => db.SessionParticipants.CountAsync(Ct));

    Task<int> DraftCountAsync() => App.WithDbAsync(db => db.SessionDrafts.CountAsync(Ct));

    [Fact]
    public async Task A_coordinator_plans_a_session_with_5WH_and_a_programme_and_copies_it_as_a_template()
    {
        var session = await Coordinator.PlanSessionAsync("Werksessie De Kooy " + UniqueTag());
        Assert.Matches("^[A-Z2-9]{6}$", session.Code);
        Assert.Equal(["presentatie", "breakouts", "evaluatie"], session.Parts.Select(p => p.Kind));
        Assert.Equal("WK040007", session.AreaCode);

        var copy = await (await Coordinator.PostAsync($"/api/sessions/{session.Id}/copy", null, Ct)).ReadOkAsync<SessionShape>(HttpStatusCode.Created);
        Assert.NotEqual(session.Code, copy.Code);
        Assert.Equal(session.What, copy.What);
        Assert.Equal(session.Parts.Select(p => (p.Kind, p.Minutes)), copy.Parts.Select(p => (p.Kind, p.Minutes)));
        Assert.Empty(copy.Unassigned);

        var bad = await Coordinator.PostAsJsonAsync("/api/sessions", new { title = "", what = "", mode = "ergens", parts = new[] { new { kind = "feest" } } }, Ct);
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.Contains("Geef de sessie een titel.", problem.Errors!["title"]);
        Assert.Contains("Kies online, zaal of gemengd.", problem.Errors!["mode"]);
    }

    [Fact]
    public async Task Only_coordinators_plan_sessions()
    {
        var professional = await App.CreateClientAsAsync(Roles.Professional);
        Assert.Equal(HttpStatusCode.Forbidden, (await professional.PostAsJsonAsync("/api/sessions", new { title = "x", what = "y" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.PostAsJsonAsync("/api/sessions", new { title = "x", what = "y" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Joining_twice_from_the_same_browser_is_one_participant()
    {
        var session = await Coordinator.PlanSessionAsync("Twee keer " + UniqueTag());
        var (guest, join) = await App.JoinAsGuestAsync(session.Code.ToLowerInvariant(), "Anna");
        Assert.True(join.IsGuest);
        var before = await ParticipantCountAsync();
        var again = await (await guest.PostAsJsonAsync("/api/sessions/join", new { code = session.Code, displayName = "Anna" }, Ct)).ReadOkAsync<JoinShape>();
        Assert.Equal(join.ParticipantId, again.ParticipantId);
        Assert.Equal(before, await ParticipantCountAsync());
    }

    [Fact]
    public async Task A_wrong_or_expired_code_is_refused_with_a_clear_message_and_nothing_is_stored()
    {
        var before = await ParticipantCountAsync();
        var wrong = await Anonymous.PostAsJsonAsync("/api/sessions/join", new { code = "ZZZZZZ", displayName = "Bram" }, Ct);
        Assert.StartsWith("Deze code kennen we niet.", (await wrong.AssertProblemAsync(HttpStatusCode.NotFound, "Niet gevonden")).Detail);

        var empty = await Anonymous.PostAsJsonAsync("/api/sessions/join", new { code = "  ", displayName = "Bram" }, Ct);
        Assert.Contains("Typ de code van de sessie.", (await empty.AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet")).Errors!["code"]);

        var session = await Coordinator.PlanSessionAsync("Gesloten " + UniqueTag());
        Assert.Equal(HttpStatusCode.OK, (await Coordinator.PostAsync($"/api/sessions/{session.Id}/close", null, Ct)).StatusCode);
        var closed = await Anonymous.PostAsJsonAsync("/api/sessions/join", new { code = session.Code, displayName = "Bram" }, Ct);
        Assert.Equal("Deze sessie is afgelopen. Met deze code kun je niet meer meedoen.",
            (await closed.AssertProblemAsync(HttpStatusCode.Gone, "Niet meer geldig")).Detail);

        var expired = await Coordinator.PlanSessionAsync("Verlopen " + UniqueTag());
        await App.WithDbAsync(db => db.Sessions.Where(s => s.Id == expired.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.CodeExpiresAt, DateTime.UtcNow.AddMinutes(-1)), Ct));
        var late = await Anonymous.PostAsJsonAsync("/api/sessions/join", new { code = expired.Code, displayName = "Bram" }, Ct);
        await late.AssertProblemAsync(HttpStatusCode.Gone, "Niet meer geldig");
        Assert.Equal(before, await ParticipantCountAsync());
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Bram <b>")]
    [InlineData("Tom & Jerry")]
    [InlineData("\"><img src=x>")]
    public async Task A_guest_name_with_markup_is_refused_and_nothing_is_stored(string name)
    {
        var session = await Coordinator.PlanSessionAsync("Namen " + UniqueTag());
        var before = await ParticipantCountAsync();
        var response = await Anonymous.PostAsJsonAsync("/api/sessions/join", new { code = session.Code, displayName = name }, Ct);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
        Assert.Equal(["Een naam mag geen tekens als < > & of aanhalingstekens bevatten."], problem.Errors!["displayName"]);
        Assert.Equal(before, await ParticipantCountAsync());
        Assert.Empty((await Coordinator.SessionAsync(session.Id)).Unassigned);
    }

    [Fact]
    public async Task A_breakout_takes_at_most_five_and_a_sixth_is_refused_with_a_clear_message()
    {
        var session = await Coordinator.PlanSessionAsync("Vijf " + UniqueTag());
        var made = await (await Coordinator.PostAsJsonAsync($"/api/sessions/{session.Id}/breakouts", new { count = 2 }, Ct)).ReadOkAsync<List<BreakoutShape>>();
        Assert.Equal([1, 2], made.Select(b => b.Number));
        var guests = new List<(HttpClient Client, JoinShape Join)>();
        for (var i = 1; i <= 6; i++) guests.Add(await App.JoinAsGuestAsync(session.Code, $"Deelnemer {i}"));
        foreach (var (client, _) in guests.Take(5))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PickAsync(session.Id, 1)).StatusCode);
        }

        var sixth = await guests[5].Client.PickAsync(session.Id, 1);
        var problem = await sixth.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "Dit verzoek kan niet");
        Assert.Equal("Groep 1 is vol: er zitten al 5 mensen in. Kies een ander groepje.", problem.Detail);
        var byFacilitator = await Coordinator.PostAsJsonAsync($"/api/sessions/{session.Id}/members", new { participantId = guests[5].Join.ParticipantId, breakout = 1 }, Ct);
        await byFacilitator.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "Dit verzoek kan niet");

        var state = await Coordinator.SessionAsync(session.Id);
        Assert.Equal(5, state.Breakouts[0].Members.Count);
        Assert.Equal([guests[5].Join.ParticipantId], state.Unassigned.Select(m => m.Id));
        Assert.Equal(HttpStatusCode.OK, (await guests[5].Client.PickAsync(session.Id, 2)).StatusCode);

        // Shuffling 6 people over 2 groups: nobody in a group of more than five.
        var shuffled = await (await Coordinator.PostAsync($"/api/sessions/{session.Id}/breakouts/shuffle", null, Ct)).ReadOkAsync<List<BreakoutShape>>();
        Assert.All(shuffled, b => Assert.InRange(b.Members.Count, 1, 5));
        Assert.Equal(6, shuffled.Sum(b => b.Members.Count));
    }

    [Fact]
    public async Task Drafts_go_to_the_own_breakout_and_a_double_submission_stores_one()
    {
        var session = await Coordinator.PlanSessionAsync("Concepten " + UniqueTag());
        await Coordinator.PostAsJsonAsync($"/api/sessions/{session.Id}/breakouts", new { count = 2 }, Ct);
        var (anna, _) = await App.JoinAsGuestAsync(session.Code, "Anna");
        var (bram, _) = await App.JoinAsGuestAsync(session.Code, "Bram");
        await anna.PickAsync(session.Id, 1);

        // Not yet in a group, or not in the session at all: refused, nothing stored.
        var before = await DraftCountAsync();
        var noGroup = await bram.PlotAsync(session.Id, "Zwembad", Places.DeKooy);
        Assert.Equal("Kies eerst een groepje.", (await noGroup.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "Dit verzoek kan niet")).Detail);
        var outsider = await Anonymous.PlotAsync(session.Id, "Zwembad", Places.DeKooy);
        Assert.StartsWith("Je doet niet mee aan deze sessie.", (await outsider.AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang")).Detail);
        Assert.Equal(before, await DraftCountAsync());

        // The same request sent twice (a double tap, a retry) with its idempotency key: one draft.
        var key = Guid.NewGuid().ToString("N");
        async Task<HttpResponseMessage> Send()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{session.Id}/drafts")
            {
                Content = JsonContent.Create(new { kind = "voorziening", title = "Zwembad De Kooy", latitude = Places.DeKooy.Latitude, longitude = Places.DeKooy.Longitude }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await anna.SendAsync(request, Ct);
        }
        var first = await (await Send()).ReadOkAsync<DraftShape>(HttpStatusCode.Created);
        var second = await Send();
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Id, (await second.ReadOkAsync<DraftShape>(HttpStatusCode.Created)).Id);
        Assert.Equal(before + 1, await DraftCountAsync());
        Assert.Equal(1, first.Breakout);
        Assert.True(first.ByGuest);

        // A move at an old version is a conflict and keeps the newer place.
        async Task<HttpResponseMessage> Move(int version, double lat)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/sessions/{session.Id}/drafts/{first.Id}")
            {
                Content = JsonContent.Create(new { kind = "voorziening", title = "Zwembad De Kooy", latitude = lat, longitude = Places.DeKooy.Longitude }),
            };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
            return await anna.SendAsync(request, Ct);
        }
        Assert.Equal(2, (await (await Move(1, 52.901)).ReadOkAsync<DraftShape>()).Version);
        await (await Move(1, 52.905)).AssertProblemAsync(HttpStatusCode.Conflict, "Tegelijk gewijzigd");
        Assert.Equal(52.901, (await Coordinator.SessionAsync(session.Id)).Drafts.Single(d => d.Id == first.Id).Latitude, 6);
    }

    [Fact]
    public async Task Outputs_become_items_with_the_session_as_source_respecting_visibility_and_merged_duplicates_do_not()
    {
        var tag = UniqueTag();
        var session = await Coordinator.PlanSessionAsync("Uitkomsten " + tag);
        await Coordinator.PostAsJsonAsync($"/api/sessions/{session.Id}/breakouts", new { count = 2 }, Ct);
        var (anna, _) = await App.JoinAsGuestAsync(session.Code, "Anna");
        var (bram, _) = await App.JoinAsGuestAsync(session.Code, "Bram");
        await anna.PickAsync(session.Id, 1);
        await bram.PickAsync(session.Id, 2);
        var pool = await (await anna.PlotAsync(session.Id, $"Zwembad {tag}", Places.DeKooy)).ReadOkAsync<DraftShape>(HttpStatusCode.Created);
        var poolAgain = await (await bram.PlotAsync(session.Id, $"Het zwembad {tag}", Places.DeKooy)).ReadOkAsync<DraftShape>(HttpStatusCode.Created);
        var idea = await (await bram.PlotAsync(session.Id, $"Moestuin {tag}", Places.Kooypunt, "kans")).ReadOkAsync<DraftShape>(HttpStatusCode.Created);
        var secret = await (await anna.PlotAsync(session.Id, $"Zorgpunt {tag}", Places.VliegveldDeKooy, "opgave")).ReadOkAsync<DraftShape>(HttpStatusCode.Created);

        var merged = await (await Coordinator.PostAsJsonAsync($"/api/sessions/{session.Id}/drafts/{poolAgain.Id}/merge", new { intoDraftId = pool.Id }, Ct)).ReadOkAsync<DraftShape>();
        Assert.Contains($"Het zwembad {tag}", merged.Note);

        var published = await (await Coordinator.PostAsJsonAsync($"/api/sessions/{session.Id}/publish", new { draftIds = new[] { pool.Id, idea.Id }, visibility = "openbaar" }, Ct))
            .ReadOkAsync<List<DraftShape>>();
        Assert.All(published, d => Assert.NotNull(d.ItemId));
        await (await Coordinator.PostAsJsonAsync($"/api/sessions/{session.Id}/publish", new { draftIds = new[] { secret.Id }, visibility = "organisatie" }, Ct)).ReadOkAsync<List<DraftShape>>();

        // The public sees the two public items (with the session as source), not the organisation's one, and not the merged duplicate.
        var items = await (await Anonymous.GetAsync($"/api/items?q={tag}&pageSize=50", Ct)).ReadOkAsync<ItemPageShape>();
        Assert.Equal([$"Moestuin {tag}", $"Zwembad {tag}"], items.Items.Select(i => i.Title).Order());
        var item = await (await Anonymous.GetAsync($"/api/items/{published[0].ItemId}", Ct)).ReadOkAsync<ItemShape>();
        Assert.Contains("Uitkomsten " + tag, item.Source);
        var own = await (await Coordinator.GetAsync($"/api/items?q={tag}&pageSize=50", Ct)).ReadOkAsync<ItemPageShape>();
        Assert.Equal(3, own.Items.Count);

        // Publishing again, or a merged draft: refused, nothing new.
        var countsBefore = await App.StoredCountsAsync();
        var again = await Coordinator.PostAsJsonAsync($"/api/sessions/{session.Id}/publish", new { draftIds = new[] { pool.Id, poolAgain.Id } }, Ct);
        await again.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "Dit verzoek kan niet");
        Assert.Equal(countsBefore, await App.StoredCountsAsync());
    }

    [Fact]
    public async Task Parked_topics_evaluation_and_the_report_as_page_and_csv()
    {
        var tag = UniqueTag();
        var session = await Coordinator.PlanSessionAsync("Verslag " + tag);
        await Coordinator.PostAsJsonAsync($"/api/sessions/{session.Id}/breakouts", new { count = 1 }, Ct);
        var (anna, _) = await App.JoinAsGuestAsync(session.Code, "Anna");
        await anna.PickAsync(session.Id, 1);
        var parked = await (await anna.PostAsJsonAsync($"/api/sessions/{session.Id}/parked", new { text = $"Parkeren bij de school {tag}" }, Ct)).ReadOkAsync<ParkedShape>(HttpStatusCode.Created);
        Assert.Equal(1, parked.Breakout);
        await (await anna.PostAsJsonAsync($"/api/sessions/{session.Id}/evaluation", new { column = "plus", text = "Goed gesprek" }, Ct)).ReadOkAsync<EvaluationShape>(HttpStatusCode.Created);
        var anonymous = await (await anna.PostAsJsonAsync($"/api/sessions/{session.Id}/evaluation", new { column = "min", text = "Te kort", anonymous = true }, Ct)).ReadOkAsync<EvaluationShape>(HttpStatusCode.Created);
        Assert.Null(anonymous.Author);
        var wrongColumn = await anna.PostAsJsonAsync($"/api/sessions/{session.Id}/evaluation", new { column = "super", text = "x" }, Ct);
        Assert.Equal(["Kies plus, min of interessant."], (await wrongColumn.AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet")).Errors!["column"]);

        var followUp = await (await Coordinator.PostAsJsonAsync($"/api/sessions/{session.Id}/parked/{parked.Id}/outcome", new { outcome = "vervolgpunt" }, Ct)).ReadOkAsync<ParkedShape>();
        Assert.True(followUp.FollowUp);
        await (await Coordinator.PostAsJsonAsync($"/api/sessions/{session.Id}/parked/{parked.Id}/outcome", new { outcome = "item" }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "Dit verzoek kan niet");

        var csv = await Coordinator.GetStringAsync($"/api/sessions/{session.Id}/report.csv", Ct);
        Assert.Contains($"geparkeerd;1;;Parkeren bij de school {tag};;Anna;vervolgpunt;", csv);
        Assert.Contains("evaluatie;;plus;Goed gesprek;;Anna;;", csv);
        Assert.Contains("evaluatie;;min;Te kort;;;;", csv);
        var page = Html.Text(await Coordinator.GetPageAsync($"/sessies/{session.Id}/verslag"));
        Assert.Contains($"Parkeren bij de school {tag}", page);
        Assert.Contains("Goed gesprek", page);
    }

    [Fact]
    public async Task Prompt_cards_are_seeded_in_Dutch_and_editable()
    {
        var cards = await (await Coordinator.GetAsync("/api/prompt-cards", Ct)).ReadOkAsync<List<PromptCardShape>>();
        Assert.Contains(cards, c => c.Text == "Klopt wat er net is verteld met jouw ervaring? Wat ontbreekt er nog?");
        var edited = await (await Coordinator.PutAsJsonAsync($"/api/prompt-cards/{cards[0].Id}", new { text = "Wat neem jij mee naar je team?", active = true }, Ct)).ReadOkAsync<PromptCardShape>();
        Assert.Equal("Wat neem jij mee naar je team?", edited.Text);
        var session = await Coordinator.PlanSessionAsync("Kaarten " + UniqueTag());
        var drawn = await (await Coordinator.GetAsync($"/api/sessions/{session.Id}/prompt", Ct)).ReadOkAsync<PromptCardShape>();
        Assert.NotEmpty(drawn.Text);
        await (await Coordinator.PostAsJsonAsync("/api/prompt-cards", new { text = "" }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "De gegevens kloppen niet");
    }

    [Fact]
    public async Task The_join_page_shows_a_Dutch_message_for_a_wrong_code_and_sends_a_guest_to_their_page()
    {
        var session = await Coordinator.PlanSessionAsync("Pagina " + UniqueTag());
        var browser = NewBrowser(role: null);
        var form = await HtmlForm.LoadAsync(browser, $"/doe-mee?code={session.Code}");
        form.Set("DisplayName", "<b>Bram</b>");
        var refused = Html.Text(await (await form.SubmitAsync(browser)).ReadPageAsync(HttpStatusCode.BadRequest));
        Assert.Contains("Een naam mag geen tekens als < > & of aanhalingstekens bevatten.", refused);
        Assert.DoesNotContain("<b>Bram</b>", await (await browser.GetAsync($"/doe-mee?code={session.Code}", Ct)).Content.ReadAsStringAsync(Ct));

        form = await HtmlForm.LoadAsync(browser, "/doe-mee?code=QQQQQQ");
        form.Set("DisplayName", "Bram");
        Assert.Contains("Deze code kennen we niet.", Html.Text(await (await form.SubmitAsync(browser)).ReadPageAsync(HttpStatusCode.NotFound)));

        form = await HtmlForm.LoadAsync(browser, $"/doe-mee?code={session.Code}");
        form.Set("DisplayName", "Bram");
        Assert.Equal($"/sessies/{session.Id}/deelnemer", (await form.SubmitAsync(browser)).RedirectTarget());
        Assert.Contains("Welkom, Bram.", Html.Text(await browser.GetPageAsync($"/sessies/{session.Id}/deelnemer")));
        // Someone who has not joined is sent to the join page.
        Assert.Equal("/doe-mee", (await NewBrowser(role: null).GetAsync($"/sessies/{session.Id}/deelnemer", Ct)).RedirectTarget());
    }
}

public sealed record PromptCardShape(int Id, string Text, bool Active);
