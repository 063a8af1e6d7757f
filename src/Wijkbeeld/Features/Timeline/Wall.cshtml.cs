using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Features.Timeline;

/// <summary>
/// The behangrol of one area: a horizontal wall, positives above and negatives below the line, with filters,
/// zoom, the list of moments (the accessible alternative), patterns, and forms to add both.
/// </summary>
public sealed class WallModel(AreaIndex areaIndex, TimelineReader reader, TimelineService timeline, ItemReader items, Viewer viewer) : PageModel
{
    public AreaInfo Area { get; private set; } = null!;
    public TimelineDto Timeline { get; private set; } = null!;
    public WallLayout Layout { get; private set; } = null!;
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public string? Theme { get; private set; }
    public string? Source { get; private set; }
    public bool CanWrite => viewer.CanWrite;
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public Dictionary<string, string[]> PatternErrors { get; private set; } = [];

    [BindProperty] public MomentInput Moment { get; set; } = new();
    [BindProperty] public PatternInput NewPattern { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string areaCode, CancellationToken ct) =>
        await LoadAsync(areaCode, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMomentAsync(string areaCode, CancellationToken ct)
    {
        if (!viewer.CanWrite) return Forbid();
        if ((await areaIndex.GetAsync(ct)).Find(areaCode) is not { } area) return NotFound();
        var (moment, errors) = await timeline.CreateMomentAsync(area.Code, Moment, ct);
        if (moment is null)
        {
            Errors = errors;
            await LoadAsync(areaCode, ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = "Timeline.MomentAdded";
        return Redirect($"/tijdlijn/{area.Code}{ZoomQuery()}#moment-{moment.Id}");
    }

    public async Task<IActionResult> OnPostPatternAsync(string areaCode, CancellationToken ct)
    {
        if (!viewer.CanWrite) return Forbid();
        if ((await areaIndex.GetAsync(ct)).Find(areaCode) is not { } area) return NotFound();
        var (pattern, errors) = await timeline.CreatePatternAsync(area.Code, NewPattern, ct);
        if (pattern is null)
        {
            PatternErrors = errors;
            await LoadAsync(areaCode, ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = "Timeline.PatternAdded";
        return Redirect($"/tijdlijn/{area.Code}{ZoomQuery()}#patterns");
    }

    string ZoomQuery() => Request.Query["zoom"].FirstOrDefault() is { Length: > 0 } z ? $"?zoom={Uri.EscapeDataString(z)}" : "";

    async Task<bool> LoadAsync(string areaCode, CancellationToken ct)
    {
        if ((await areaIndex.GetAsync(ct)).Find(areaCode) is not { } area) return false;
        Area = area;
        Theme = Request.Query["theme"].FirstOrDefault() is { Length: > 0 } t ? t : null;
        Source = Request.Query["source"].FirstOrDefault() is { Length: > 0 } s ? s : null;
        Timeline = await reader.GetAsync(area, Theme, Source, ct);
        Layout = new WallLayout(Timeline.Moments, Request.Query["zoom"].FirstOrDefault(), Timeline.Markers);
        Themes = await items.ThemesAsync(ct);
        return true;
    }

    public string ThemeName(string code) => Themes.FirstOrDefault(t => t.Code == code)?.Name ?? code;

    public string Query(string? zoom = null, string? theme = null, string? source = null, bool keep = true)
    {
        var values = new Dictionary<string, string?>
        {
            ["zoom"] = zoom ?? Layout.Zoom, ["theme"] = keep ? theme ?? Theme : theme, ["source"] = keep ? source ?? Source : source,
        };
        return QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value))).ToString();
    }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;
}
