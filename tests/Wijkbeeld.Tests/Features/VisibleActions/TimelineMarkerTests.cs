using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Wijkbeeld.Tests.Features.Experiments;

namespace Wijkbeeld.Tests.Features.VisibleActions;

public sealed record MarkerShape(string Kind, int Id, string Title, string Date, string? EndDate, string Url);

public sealed record TimelineWithMarkersShape(string AreaCode, MarkerShape[] Markers);

/// <summary>Visible actions, experiments (their period) and items appear on the timeline wall as read-only markers, in date order.</summary>
public sealed partial class TimelineMarkerTests(SqliteApp app) : AppTests(app), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Actions_experiments_and_items_of_the_area_are_markers_on_the_wall_in_date_order()
    {
        var tag = TestApps.UniqueTag();
        // Nieuw Den Helder (WK040003) with a buurt of its own: the wijk's wall shows what lies in its buurten too.
        var later = await (await Client.PostAsJsonAsync("/api/visible-actions",
            VisibleActionTests.NewAction($"Later {tag}", date: "2026-06-10", areaCode: "BU04000302", place: Places.NieuwDenHelderCentrum), Ct))
            .ReadOkAsync<ActionShape>(HttpStatusCode.Created);
        var earlier = await (await Client.PostAsJsonAsync("/api/visible-actions",
            VisibleActionTests.NewAction($"Eerder {tag}", date: "2025-03-01", areaCode: "WK040003", place: Places.NieuwDenHelderCentrum), Ct))
            .ReadOkAsync<ActionShape>(HttpStatusCode.Created);
        var experiment = await (await Client.PostAsJsonAsync("/api/experiments", new
        {
            areaCode = "WK040003", title = $"Proef {tag}", hypothesis = "Als we ..., dan ...", place = "Plein",
            startsOn = "2025-09-01", endsOn = "2025-12-31", stopCriterion = "Overlast", removalPlan = "Weghalen",
        }, Ct)).ReadOkAsync<ExperimentShape>(HttpStatusCode.Created);
        var item = await Client.CreateItemAsync(NewItem.At(Places.NieuwDenHelderCentrum, $"Straatfeest {tag}") with { Kind = "initiatief" });
        var elsewhere = await (await Client.PostAsJsonAsync("/api/visible-actions", VisibleActionTests.NewAction($"Elders {tag}"), Ct))
            .ReadOkAsync<ActionShape>(HttpStatusCode.Created);

        var timeline = await (await Client.GetAsync("/api/timeline/WK040003", Ct)).ReadOkAsync<TimelineWithMarkersShape>();
        var mine = timeline.Markers.Where(m => m.Title.Contains(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"actie {earlier.Id}", $"experiment {experiment.Id}", $"actie {later.Id}", $"item {item.Id}"],
            mine.Select(m => $"{m.Kind} {m.Id}").ToArray());
        Assert.Equal(("2025-09-01", "2025-12-31"), (mine[1].Date, mine[1].EndDate));
        Assert.DoesNotContain(timeline.Markers, m => m.Id == elsewhere.Id && m.Kind == "actie");

        // On the wall: links to their pages, left to right in date order, not among the moments.
        var html = await Client.GetPageAsync("/tijdlijn/WK040003");
        var lefts = MarkerLeft().Matches(html).Where(m => mine.Any(x => m.Groups["id"].Value == $"{x.Kind}-{x.Id}"))
            .Select(m => (Id: m.Groups["id"].Value, Left: int.Parse(m.Groups["left"].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal([$"actie-{earlier.Id}", $"experiment-{experiment.Id}", $"actie-{later.Id}", $"item-{item.Id}"], lefts.Select(l => l.Id).ToArray());
        Assert.True(lefts.Zip(lefts.Skip(1)).All(p => p.First.Left <= p.Second.Left), string.Join(", ", lefts));
        Assert.Contains($"href=\"/acties/{earlier.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/experimenten/{experiment.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"wall-card positive kind-actie", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("""class="wall-marker marker-\w+" id="(?<id>\w+-\d+)"[^>]*style="left: (?<left>\d+)px""")]
    private static partial Regex MarkerLeft();
}
