using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Werkagenda;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Koppelkansen;

/// <summary>"Koppelkansen": where drivers meet per buurt, all koppelkansen, suggestions; writers link an item, coordinators add drivers.</summary>
public sealed class IndexModel(Koppelkansen koppelkansen, Viewer viewer, WijkbeeldDb db, ItemReader reader) : PageModel
{
    public IReadOnlyList<DriverDto> Drivers { get; private set; } = [];
    public IReadOnlyList<LinkDto> Links { get; private set; } = [];
    public IReadOnlyList<MeetingPoint> Meetings { get; private set; } = [];
    public IReadOnlyList<Suggestion> Suggestions { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title)> Items { get; private set; } = [];
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public Viewer Viewer => viewer;
    public int? SelectedItem { get; private set; }

    public async Task OnGetAsync(int? item, CancellationToken ct)
    {
        SelectedItem = item;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostLinkAsync(int? itemId, List<string>? drivers, string? message, bool confirmPersonalData, CancellationToken ct)
    {
        if (!viewer.CanWrite) return Forbid();
        return await Handle(await koppelkansen.AddAsync(new LinkInput(itemId, drivers, message, confirmPersonalData), ct), "Koppelkansen.Added", ct);
    }

    public async Task<IActionResult> OnPostDriverAsync(string? name, List<string>? themes, CancellationToken ct)
    {
        if (!viewer.CanModerate) return Forbid();
        return await Handle(await koppelkansen.AddDriverAsync(new DriverInput(name, themes), ct), "Koppelkansen.DriverAdded", ct);
    }

    async Task<IActionResult> Handle<T>(Result<T> result, string message, CancellationToken ct)
    {
        if (result.Outcome == Outcome.Ok)
        {
            TempData["Message"] = message;
            return Redirect("/koppelkansen");
        }
        if (result.Outcome == Outcome.Forbidden) return Forbid();
        Errors = result.Errors ?? [];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Drivers = await koppelkansen.DriversAsync(ct);
        Links = await koppelkansen.ListAsync(ct);
        Meetings = await koppelkansen.MeetingPointsAsync(ct);
        Suggestions = await koppelkansen.SuggestionsAsync(ct, 10);
        Themes = await reader.ThemesAsync(ct);
        if (viewer.CanWrite)
        {
            Items = (await db.Items.OrderBy(i => i.Title).Select(i => new { i.Id, i.Title }).Take(2000).ToListAsync(ct)).Select(i => (i.Id, i.Title)).ToList();
        }
    }
}
