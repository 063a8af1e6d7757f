using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Werkagenda;

namespace Wijkbeeld.Features.Network;

/// <summary>"Overleggen": the meetings inventory, hours per person and organisation, and what dropping or merging meetings frees.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(Meetings meetings, Viewer viewer, IStringLocalizer<Texts> text) : PageModel
{
    public IReadOnlyList<MeetingDto> List { get; private set; } = [];
    public MeetingTotals Totals { get; private set; } = null!;
    public bool WhatIf { get; private set; }
    public Dictionary<int, string> Choices { get; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public Viewer Viewer => viewer;
    [BindProperty] public MeetingForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        List = await meetings.ListAsync(ct);
        var drop = new List<string>();
        var merge = new List<string>();
        foreach (var m in List)
        {
            var choice = Request.Query[$"m{m.Id}"].ToString();
            Choices[m.Id] = choice;
            if (choice == "drop") drop.Add(m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            else if (choice.StartsWith("merge:", StringComparison.Ordinal)) merge.Add($"{m.Id}:{choice[6..]}");
        }
        WhatIf = drop.Count + merge.Count > 0;
        var (changes, errors) = Meetings.ParseChanges(drop, merge, List.Select(m => m.Id).ToList(), text);
        Errors = errors;
        if (errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        Totals = meetings.ForViewer(Meetings.Totals(List, errors.Count > 0 ? [] : changes));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await meetings.AddAsync(Form.ToInput(), ct);
        if (result.Outcome == Outcome.Ok)
        {
            TempData["Message"] = "Meetings.Added";
            return Redirect("/overleggen");
        }
        if (result.Outcome == Outcome.Forbidden) return Forbid();
        await OnGetAsync(ct);
        Errors = result.Errors ?? [];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

public sealed class MeetingForm
{
    public string? Name { get; set; }
    public string? Purpose { get; set; }
    public string? Frequency { get; set; }
    /// <summary>As the number field sends it ("2.5"); read without the Dutch culture, which would take the dot for thousands.</summary>
    public string? HoursPerMonth { get; set; }
    public bool Essential { get; set; }
    /// <summary>One participant a line: "name; organisation".</summary>
    public string? Participants { get; set; }

    public MeetingInput ToInput() => new(Name, Purpose, Frequency,
        decimal.TryParse(HoursPerMonth?.Trim().Replace(',', '.'), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var hours) ? hours : null,
        Essential,
        (Participants ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(';', 2, StringSplitOptions.TrimEntries))
            .Select(parts => new ParticipantDto(parts[0], parts.Length > 1 ? parts[1] : "")).ToList());
}
