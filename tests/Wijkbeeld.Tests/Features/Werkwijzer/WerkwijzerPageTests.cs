namespace Wijkbeeld.Tests.Features.Werkwijzer;

/// <summary>The werkwijzer page per area: counts per step and the next thing to do.</summary>
public sealed class WerkwijzerPageTests(SqliteApp app) : AppTests(app), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_page_counts_what_exists_per_step_and_names_the_next_step()
    {
        // A buurt nobody worked in yet: step 1 is next.
        var empty = Html.Text(await Client.GetPageAsync("/werkwijzer/BU04000101"));
        Assert.Contains("Volgende stap: 1. Buurt beleven", empty, StringComparison.Ordinal);
        Assert.Contains("0 observaties", empty, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync("/api/observations", new
        {
            date = "2026-12-04", partOfDay = "avond", group = "jongeren", activity = "staan",
            latitude = Places.Willemsoord.Latitude, longitude = Places.Willemsoord.Longitude,
        }, Ct)).StatusCode);
        var afterObservation = Html.Text(await Client.GetPageAsync("/werkwijzer/BU04000101"));
        Assert.Contains("1 observaties</strong> · laatste: 2026-12-04", afterObservation, StringComparison.Ordinal);
        Assert.Contains("Volgende stap: 2. Verhalen ophalen", afterObservation, StringComparison.Ordinal);
        Assert.Contains("0 verhalen", afterObservation, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync("/api/stories",
            new { text = "Op vrijdagavond is het plein van de jongeren", source = "jongere", area = "BU04000101", date = "2026-11-30" }, Ct)).StatusCode);
        var afterStory = Html.Text(await Client.GetPageAsync("/werkwijzer/BU04000101"));
        Assert.Contains("1 verhalen</strong> · laatste: 2026-11-30", afterStory, StringComparison.Ordinal);
        Assert.Contains("Volgende stap: 3. Betekenis geven", afterStory, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync("/api/timeline/BU04000101/moments",
            new { date = "2020-01-01", title = "Speeltuin vernield", kind = "incident", tone = "negatief", source = "wijkagent" }, Ct)).StatusCode);
        var afterMoment = Html.Text(await Client.GetPageAsync("/werkwijzer/BU04000101"));
        Assert.Contains("1 momenten en patronen</strong> · laatste: Speeltuin vernield", afterMoment, StringComparison.Ordinal);
        // The timeline alone is not enough: step 3 stays next until the team chose a focus.
        Assert.Contains("0 focusthema's", afterMoment, StringComparison.Ordinal);
        Assert.Contains("Volgende stap: 3. Betekenis geven", afterMoment, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync("/api/focus",
            new { areaCode = "BU04000101", title = "Plek voor jongeren", reason = "Ze hebben geen eigen plek." }, Ct)).StatusCode);
        var afterFocus = Html.Text(await Client.GetPageAsync("/werkwijzer/BU04000101"));
        Assert.Contains("1 focusthema's", afterFocus, StringComparison.Ordinal);
        Assert.Contains("Volgende stap: 4. Zichtbare acties", afterFocus, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync("/api/visible-actions",
            VisibleActions.VisibleActionTests.NewAction("Opruimochtend speeltuin", date: "2026-11-20"), Ct)).StatusCode);
        var afterAction = Html.Text(await Client.GetPageAsync("/werkwijzer/BU04000101"));
        Assert.Contains("1 acties</strong> · laatste: Opruimochtend speeltuin", afterAction, StringComparison.Ordinal);
        Assert.Contains("Volgende stap: 5. Experimenteren", afterAction, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/werkwijzer/XX999", Ct)).StatusCode);
        // Without an area: the whole municipality.
        Assert.Contains("Werkwijzer: Den Helder", Html.Text(await Anonymous.GetPageAsync("/werkwijzer")), StringComparison.Ordinal);
    }
}
