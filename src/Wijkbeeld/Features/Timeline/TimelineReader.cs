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

public sealed record TimelineDto(
    string AreaCode, string AreaName, IReadOnlyList<MomentDto> Moments, IReadOnlyList<PatternDto> Patterns,
    IReadOnlyList<string> Sources, IReadOnlyList<string> Themes);

/// <summary>One area's timeline as the viewer may see it, oldest first, filtered by theme and source.</summary>
public sealed class TimelineReader(WijkbeeldDb db)
{
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
            sources, themes);
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

    public string Zoom { get; }
    public IReadOnlyList<Card> Above { get; }
    public IReadOnlyList<Card> Below { get; }
    public IReadOnlyList<Tick> Ticks { get; }
    public int Width { get; }
    public int AboveLanes { get; }
    public int BelowLanes { get; }

    public WallLayout(IReadOnlyList<MomentDto> moments, string? zoom)
    {
        var (code, perDay) = Zooms.FirstOrDefault(z => z.Code == zoom) is { Code: not null } found ? found : Zooms[0];
        Zoom = code;
        var dates = moments.Select(m => DateOnly.ParseExact(m.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = dates.Count > 0 ? dates.Min() : today.AddYears(-1);
        var last = dates.Count > 0 ? dates.Max() : today;
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
