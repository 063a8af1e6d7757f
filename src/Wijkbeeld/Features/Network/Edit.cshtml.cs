using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Werkagenda;

namespace Wijkbeeld.Features.Network;

/// <summary>Change one meeting of the inventory (its organisation's writers and coordinators), with the version it was read at.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class EditModel(Meetings meetings, IStringLocalizer<Texts> text) : PageModel
{
    public MeetingDto Meeting { get; private set; } = null!;
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    [BindProperty] public MeetingForm Form { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await meetings.GetAsync(id, ct) is not { } m) return NotFound();
        if (!m.MayChange) return Forbid();
        Meeting = m;
        Version = m.Version;
        Form = new MeetingForm
        {
            Name = m.Name, Purpose = m.Purpose, Frequency = m.Frequency, HoursPerMonth = m.HoursPerMonth.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), Essential = m.Essential,
            Participants = string.Join("\n", m.Participants.Select(p => $"{p.Name}; {p.Organisation}")),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await meetings.UpdateAsync(id, Version, Form.ToInput(), ct);
        switch (result.Outcome)
        {
            case Outcome.Ok:
                TempData["Message"] = "Meetings.Saved";
                return Redirect("/overleggen");
            case Outcome.NotFound:
                return NotFound();
            case Outcome.Forbidden:
                return Forbid();
        }
        if (await meetings.GetAsync(id, ct) is not { } m) return NotFound();
        Meeting = m;
        Errors = result.Errors ?? new() { ["version"] = [text["Werkagenda.Error.Conflict"]] };
        Response.StatusCode = result.Outcome == Outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }
}
