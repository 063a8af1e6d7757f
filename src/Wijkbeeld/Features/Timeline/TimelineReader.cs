using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Timeline;

public sealed record MomentDto(
    int Id, string Date, string Title, string Description, string Kind, string Tone, string Source, IReadOnlyList<string> Themes,
    string Visibility, string CreatedBy, int Version)
{
    public string ETag => $"\"{Version}\"";
}

public sealed record PatternDto(int Id, string Text, IReadOnlyList<int> MomentIds, string Visibility, string CreatedBy, DateTime CreatedAt);

/// <summary>
/// Something dated from another tool that shows on the wall as a read-only marker: a visible action (its date), an
/// experiment (its period) or an item of kind evenement or initiatief (the day it was put on the map).
/// </summary>
public sealed record TimelineMarkerDto(string Kind, int Id, string Title, string Date, string? EndDate, string Url);

public sealed record TimelineDto(
    string AreaCode, string AreaName, IReadOnlyList<MomentDto> Moments, IReadOnlyList<PatternDto> Patterns,
    IReadOnlyList<string> Sources, IReadOnlyList<string> Themes)
{
    /// <summary>Actions, experiments and items of the area and what lies inside it, oldest first.</summary>
    public IReadOnlyList<TimelineMarkerDto> Markers { get; init; } = [];
}

/// <summary>One area's timeline as the viewer may see it, oldest first, filtered by theme and source.</summary>
public sealed class TimelineReader(WijkbeeldDb db, AreaIndex areas)
{
    public async Task<IReadOnlyList<TimelineMarkerDto>> MarkersAsync(AreaInfo area, CancellationToken ct)
    {
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var codes = VisibleActions.VisibleActionRules.CodesIn(await areas.GetAsync(ct), area);
        var actions = db.VisibleActions.AsNoTracking();
        var experiments = db.Experiments.AsNoTracking();
        if (codes is not null)
        {
            actions = actions.Where(a => codes.Contains(a.AreaCode));
            experiments = experiments.Where(e => codes.Contains(e.AreaCode));
        }
        var markers = new List<(DateOnly Date, TimelineMarkerDto Marker)>();
        foreach (var a in await actions.Select(a => new { a.Id, a.Title, a.Date }).Take(500).ToListAsync(ct))
        {
            markers.Add((a.Date, new TimelineMarkerDto("actie", a.Id, a.Title, D(a.Date), null, $"/acties/{a.Id}")));
        }
        foreach (var e in await experiments.Select(e => new { e.Id, e.Title, e.StartsOn, e.EndsOn }).Take(500).ToListAsync(ct))
        {
            markers.Add((e.StartsOn, new TimelineMarkerDto("experiment", e.Id, e.Title, D(e.StartsOn), D(e.EndsOn), $"/experimenten/{e.Id}")));
        }
        // Items have no date of their own; events and initiatives are dated by the day they were put on the map.
        var items = await db.Items.AsNoTracking().InArea(area).Where(i => i.Kind == ItemKind.Event || i.Kind == ItemKind.Initiative)
            .Select(i => new { i.Id, i.Title, i.CreatedAt }).Take(500).ToListAsync(ct);
        foreach (var i in items)
        {
            var date = DateOnly.FromDateTime(i.CreatedAt);
            markers.Add((date, new TimelineMarkerDto("item", i.Id, i.Title, D(date), null, $"/items/{i.Id}")));
        }
        return markers.OrderBy(m => m.Date).ThenBy(m => m.Marker.Kind, StringComparer.Ordinal).ThenBy(m => m.Marker.Id).Select(m => m.Marker).ToList();
    }

    public async Task<TimelineDto> GetAsync(AreaInfo area, string? theme, string? source, CancellationToken ct)
    {
        var all = await db.TimelineMoments.AsNoTracking().Where(m => m.AreaCode == area.Code)
            .OrderBy(m => m.Date).ThenBy(m => m.Id).ToListAsync(ct);
        var sources = all.Select(m => m.Source).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var themes = all.SelectMany(m => Split(m.Themes)).Distinct().Order(StringComparer.Ordinal).ToList();
        // Filtering in memory: an area's wall holds tens to hundreds of moments, and themes are a comma list.
        var moments = all
            .Where(m => string.IsNullOrEmpty(theme) || Split(m.Themes).Contains(theme))
            .Where(m => string.IsNullOrEmpty(source) || string.Equals(m.Source, source, StringComparison.OrdinalIgnoreCase))
            .Select(ToDto).ToList();
        var patterns = await db.TimelinePatterns.AsNoTracking().Include(p => p.Moments).Where(p => p.AreaCode == area.Code)
            .OrderBy(p => p.Id).ToListAsync(ct);
        var visibleIds = all.Select(m => m.Id).ToHashSet();
        return new TimelineDto(area.Code, area.Name, moments,
            patterns.Select(p => new PatternDto(p.Id, p.Text, p.Moments.Select(m => m.MomentId).Where(visibleIds.Contains).Order().ToList(),
                p.Visibility.Code(), p.CreatedBy, p.CreatedAt)).ToList(),
            sources, themes) { Markers = await MarkersAsync(area, ct) };
    }

    public async Task<MomentDto?> GetMomentAsync(int id, CancellationToken ct) =>
        await db.TimelineMoments.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } m ? ToDto(m) : null;

    public static MomentDto ToDto(Moment m) => new(
        m.Id, m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Title, m.Description, m.Kind, MomentCatalog.ToneCode(m.IsPositive),
        m.Source, Split(m.Themes), m.Visibility.Code(), m.CreatedBy, m.Version);

    static string[] Split(string themes) => themes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Places the moments on the wall for one zoom level: x from the date, and a lane per moment so cards on the same
/// side never overlap (positives above the line, negatives below). Computed on the server: the wall needs no script.
/// </summary>
public sealed class WallLayout
{
    public const int CardWidth = 168;
    public const int LaneHeight = 92;

    public static readonly (string Code, double PixelsPerDay)[] Zooms = [("jaren", 0.6), ("maanden", 4), ("weken", 26)];

    public sealed record Card(MomentDto Moment, int X, int Lane);

    public sealed record Tick(int X, string Label, bool Major);

    /// <summary>A marker of an action, experiment or item: from X, Width wide (an experiment spans its period), in its lane.</summary>
    public sealed record MarkerCard(TimelineMarkerDto Marker, int X, int Width, int Lane);

    public const int MarkerWidth = 150;
    public const int MarkerLaneHeight = 30;

    public string Zoom { get; }
    public IReadOnlyList<Card> Above { get; }
    public IReadOnlyList<Card> Below { get; }
    public IReadOnlyList<Tick> Ticks { get; }
    public int Width { get; }
    public int AboveLanes { get; }
    public int BelowLanes { get; }
    public IReadOnlyList<MarkerCard> Markers { get; }
    public int MarkerLanes { get; }

    public WallLayout(IReadOnlyList<MomentDto> moments, string? zoom, IReadOnlyList<TimelineMarkerDto>? markers = null)
    {
        markers ??= [];
        static DateOnly Parse(string d) => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (code, perDay) = Zooms.FirstOrDefault(z => z.Code == zoom) is { Code: not null } found ? found : Zooms[0];
        Zoom = code;
        var dates = moments.Select(m => Parse(m.Date)).ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var allDates = dates.Concat(markers.Select(m => Parse(m.Date))).Concat(markers.Where(m => m.EndDate is not null).Select(m => Parse(m.EndDate!))).ToList();
        var first = allDates.Count > 0 ? allDates.Min() : today.AddYears(-1);
        var last = allDates.Count > 0 ? allDates.Max() : today;
        var start = code == "jaren" ? new DateOnly(first.Year, 1, 1) : new DateOnly(first.Year, first.Month, 1);
        var end = code == "jaren" ? new DateOnly(last.Year + 1, 1, 1) : new DateOnly(last.Year, last.Month, 1).AddMonths(1);
        int X(DateOnly d) => (int)Math.Round((d.DayNumber - start.DayNumber) * perDay) + 8;
        Width = Math.Max(X(end) + CardWidth, 320);

        List<Card> Place(IEnumerable<(MomentDto Moment, DateOnly Date)> side, out int lanes)
        {
            var laneEnds = new List<int>();
            var cards = new List<Card>();
            foreach (var (moment, date) in side)
            {
                var x = X(date);
                var lane = laneEnds.FindIndex(e => e < x);
                if (lane < 0) { lane = laneEnds.Count; laneEnds.Add(0); }
                laneEnds[lane] = x + CardWidth + 6;
                cards.Add(new Card(moment, x, lane));
            }
            lanes = Math.Max(1, laneEnds.Count);
            return cards;
        }
        var paired = moments.Zip(dates).Select(p => (p.First, p.Second)).ToList();
        Above = Place(paired.Where(p => p.First.Tone == "positief"), out var above);
        Below = Place(paired.Where(p => p.First.Tone != "positief"), out var below);
        AboveLanes = above;
        BelowLanes = below;

        // Markers in their own band under the line, in lanes so they never overlap.
        var markerEnds = new List<int>();
        var markerCards = new List<MarkerCard>();
        foreach (var marker in markers)
        {
            var x = X(Parse(marker.Date));
            var span = marker.EndDate is { } endDate ? X(Parse(endDate)) - x : 0;
            var width = Math.Max(MarkerWidth, span);
            var lane = markerEnds.FindIndex(e => e < x);
            if (lane < 0) { lane = markerEnds.Count; markerEnds.Add(0); }
            markerEnds[lane] = x + width + 4;
            markerCards.Add(new MarkerCard(marker, x, width, lane));
        }
        Markers = markerCards;
        MarkerLanes = markerEnds.Count;
        Width = Math.Max(Width, markerCards.Select(c => c.X + c.Width + 8).DefaultIfEmpty(0).Max());

        var ticks = new List<Tick>();
        var nl = CultureInfo.GetCultureInfo("nl-NL");
        for (var d = start; d <= end; d = code == "jaren" ? d.AddYears(1) : d.AddMonths(1))
        {
            var major = d.Month == 1;
            ticks.Add(new Tick(X(d), code == "jaren" || major ? d.Year.ToString(CultureInfo.InvariantCulture) : d.ToString("MMM", nl), major));
            if (code == "weken")
            {
                // Week lines on Mondays inside the month.
                for (var w = d.AddDays((8 - (int)d.DayOfWeek) % 7); w < d.AddMonths(1); w = w.AddDays(7))
                {
                    if (w != d) ticks.Add(new Tick(X(w), w.Day.ToString(CultureInfo.InvariantCulture), false));
                }
            }
        }
        Ticks = ticks;
    }
}
