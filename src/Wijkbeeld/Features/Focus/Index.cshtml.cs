using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Observations;
using Wijkbeeld.Features.Stories;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Focus;

/// <summary>The form as a browser posts it.</summary>
public sealed class FocusForm
{
    public int? Id { get; set; }
    public int Version { get; set; }
    public string? Title { get; set; }
    public string? Reason { get; set; }
    public List<int> PatternIds { get; set; } = [];
    public List<int> StoryIds { get; set; } = [];
    public List<int> ObservationIds { get; set; } = [];
    public string? Visibility { get; set; } = "partners";
    public bool ConfirmPersonalData { get; set; }

    public FocusInput ToInput(string areaCode) => new()
    {
        AreaCode = areaCode, Title = Title, Reason = Reason, PatternIds = PatternIds, StoryIds = StoryIds, ObservationIds = ObservationIds,
        Visibility = Visibility, ConfirmPersonalData = ConfirmPersonalData,
    };
}

public sealed record Choice(int Id, string Label);

/// <summary>The focus themes of one area: why the team chose them and what they rest on; writers add, change and remove them.</summary>
public sealed class IndexModel(AreaIndex areaIndex, FocusReader reader, FocusService focus, WijkbeeldDb db, ObservationReader observations, Viewer viewer)
    : PageModel
{
    public const int ChoiceLimit = 300;

    [BindProperty] public FocusForm Form { get; set; } = new();
    public AreaInfo Area { get; private set; } = null!;
    public IReadOnlyList<FocusDto> Themes { get; private set; } = [];
    public IReadOnlyList<Choice> Patterns { get; private set; } = [];
    public IReadOnlyList<Choice> Stories { get; private set; } = [];
    public IReadOnlyList<Choice> Observations { get; private set; } = [];
    public FormErrors Errors { get; private set; } = new(new Dictionary<string, string[]>());
    public bool CanWrite => viewer.CanWrite;
    public bool Editing => Form.Id is not null;

    public async Task<IActionResult> OnGetAsync(string areaCode, int? bewerk, CancellationToken ct)
    {
        if (!await LoadAsync(areaCode, ct)) return NotFound();
        if (bewerk is { } id && Themes.FirstOrDefault(t => t.Id == id) is { } existing)
        {
            Form = new FocusForm
            {
                Id = existing.Id, Version = existing.Version, Title = existing.Title, Reason = existing.Reason, PatternIds = [.. existing.PatternIds],
                StoryIds = [.. existing.StoryIds], ObservationIds = [.. existing.ObservationIds], Visibility = existing.Visibility,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string areaCode, CancellationToken ct)
    {
        if (!viewer.CanWrite) return Forbid();
        if ((await areaIndex.GetAsync(ct)).Find(areaCode) is not { } area) return NotFound();
        Dictionary<string, string[]> errors;
        if (Form.Id is { } id)
        {
            FocusOutcome outcome;
            (outcome, errors) = await focus.UpdateAsync(id, Form.Version, Form.ToInput(area.Code), ct);
            if (outcome is FocusOutcome.NotFound) return NotFound();
            if (outcome is FocusOutcome.Forbidden) return Forbid();
            if (outcome is FocusOutcome.Conflict)
            {
                errors = new() { ["title"] = [HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Texts>>()["Problem.Conflict"]] };
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
        }
        else
        {
            (_, errors) = await focus.CreateAsync(Form.ToInput(area.Code), ct);
        }
        if (errors.Count > 0)
        {
            Errors = new(errors);
            if (Response.StatusCode != StatusCodes.Status409Conflict) Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(areaCode, ct);
            return Page();
        }
        TempData["Message"] = "Focus.Added";
        return Redirect($"/focus/{area.Code}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string areaCode, int id, CancellationToken ct)
    {
        if (!viewer.CanWrite) return Forbid();
        return await focus.DeleteAsync(id, ct) switch
        {
            FocusOutcome.Done => SetMessageAndRedirect(areaCode),
            FocusOutcome.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }

    IActionResult SetMessageAndRedirect(string areaCode)
    {
        TempData["Message"] = "Focus.Deleted";
        return Redirect($"/focus/{areaCode}");
    }

    async Task<bool> LoadAsync(string areaCode, CancellationToken ct)
    {
        if ((await areaIndex.GetAsync(ct)).Find(areaCode) is not { } area) return false;
        Area = area;
        Themes = await reader.ListAsync(area.Code, ct);
        Patterns = await db.TimelinePatterns.AsNoTracking().Where(p => p.AreaCode == area.Code).OrderByDescending(p => p.Id).Take(ChoiceLimit)
            .Select(p => new Choice(p.Id, p.Text)).ToListAsync(ct);
        Stories = (await db.Stories.AsNoTracking().InArea(area).OrderByDescending(s => s.ToldOn).ThenByDescending(s => s.Id).Take(ChoiceLimit)
            .Select(s => new { s.Id, s.Text, s.ToldOn }).ToListAsync(ct))
            .Select(s => new Choice(s.Id, $"{s.ToldOn:yyyy-MM-dd} · {Short(s.Text)}")).ToList();
        Observations = (await observations.ListAsync(new ObservationFilter(null, null, null, area, null, null), ct, ChoiceLimit))
            .Select(o => new Choice(o.Id, $"{o.Date} {o.Weekday} {o.PartOfDay} · {o.GroupName}{(o.Count is { } c ? $" ({c})" : "")} · {o.Activity}"
                + (o.Notes.Length > 0 ? " · " + Short(o.Notes) : ""))).ToList();
        return true;
    }

    static string Short(string text) => text.Length <= 140 ? text : text[..137] + "...";

    public string LabelOf(IReadOnlyList<Choice> choices, int id) => choices.FirstOrDefault(c => c.Id == id)?.Label ?? $"#{id}";
}
