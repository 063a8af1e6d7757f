using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Werkwijzer;

/// <summary>
/// Where a team stands in the six steps of WerkwijzerPlus for one area: per step what exists (count, latest) and
/// the next thing to do. Steps without a tool in Wijkbeeld yet say so.
/// </summary>
public sealed class OverviewModel(AreaIndex areaIndex, WijkbeeldDb db, Borgen.SafeguardService safeguards, IStringLocalizer<Texts> text) : PageModel
{
    public sealed record Step(int Number, string Key, int? Count, string? Latest, string? Link, string? LinkText, bool HasTool)
    {
        /// <summary>A second line for a step with two tools (step 3: the timeline and the focus themes).</summary>
        public (int Count, string Text, string Link, string LinkText)? Extra { get; init; }
        /// <summary>Warnings under the step (borgen: overdue reviews, successes without an owner).</summary>
        public IReadOnlyList<string> Notes { get; init; } = [];
    }

    public AreaInfo Area { get; private set; } = null!;
    public AreaMap Areas { get; private set; } = null!;
    public IReadOnlyList<Step> Steps { get; private set; } = [];
    public int? NextStep { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? areaCode, CancellationToken ct)
    {
        Areas = await areaIndex.GetAsync(ct);
        var area = areaCode is null ? Areas.All.FirstOrDefault(a => a.Level == AreaLevel.Municipality) : Areas.Find(areaCode);
        if (area is null) return NotFound();
        Area = area;
        var code = area.Code;

        var observations = db.Observations.AsNoTracking().InArea(area);
        var observationCount = await observations.CountAsync(ct);
        var latestObservation = await observations.OrderByDescending(o => o.ObservedOn).Select(o => (DateOnly?)o.ObservedOn).FirstOrDefaultAsync(ct);
        var moments = db.TimelineMoments.AsNoTracking().Where(m => m.AreaCode == code);
        var momentCount = await moments.CountAsync(ct);
        var latestMoment = await moments.OrderByDescending(m => m.Date).Select(m => m.Title).FirstOrDefaultAsync(ct);
        var patternCount = await db.TimelinePatterns.CountAsync(p => p.AreaCode == code, ct);
        var stories = db.Stories.AsNoTracking().InArea(area);
        var storyCount = await stories.CountAsync(ct);
        var latestStory = await stories.OrderByDescending(s => s.ToldOn).ThenByDescending(s => s.Id).Select(s => (DateOnly?)s.ToldOn).FirstOrDefaultAsync(ct);
        var focusCount = await db.FocusThemes.CountAsync(f => f.AreaCode == code, ct);
        var experiments = db.Experiments.AsNoTracking().Where(e => e.AreaCode == code);
        var experimentCount = await experiments.CountAsync(ct);
        var latestExperiment = await experiments.OrderByDescending(e => e.StartsOn).Select(e => e.Title).FirstOrDefaultAsync(ct);
        var codes = VisibleActions.VisibleActionRules.CodesIn(Areas, area);
        var actions = db.VisibleActions.AsNoTracking();
        if (codes is not null) actions = actions.Where(a => codes.Contains(a.AreaCode));
        var actionCount = await actions.CountAsync(ct);
        var latestAction = await actions.OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).Select(a => a.Title).FirstOrDefaultAsync(ct);
        var borgen = await safeguards.OverviewAsync(area, ct);
        var borgenNotes = new List<string>();
        if (borgen.OverdueCount > 0) borgenNotes.Add(text["Werkwijzer.Step6.Overdue", borgen.OverdueCount]);
        if (borgen.Pending.Count > 0) borgenNotes.Add(text["Werkwijzer.Step6.Pending", borgen.Pending.Count]);

        Steps =
        [
            new(1, "Observe", observationCount, latestObservation?.ToString("yyyy-MM-dd"), $"/observaties/kaart?area={code}", "Werkwijzer.Step1.Link", true),
            new(2, "Stories", storyCount, latestStory?.ToString("yyyy-MM-dd"), $"/verhalen/gebied/{code}", "Werkwijzer.Step2.Link", true),
            new(3, "Meaning", momentCount + patternCount, latestMoment, $"/tijdlijn/{code}", "Werkwijzer.Step3.Link", true)
            {
                Extra = (focusCount, "Werkwijzer.Step3.Focus", $"/focus/{code}", "Werkwijzer.Step3.FocusLink"),
            },
            new(4, "Actions", actionCount, latestAction, $"/acties?area={code}", "Werkwijzer.Step4.Link", true),
            new(5, "Experiment", experimentCount, latestExperiment, "/experimenten", "Werkwijzer.Step5.Link", true),
            new(6, "Secure", borgen.Secured.Count, borgen.Secured.FirstOrDefault()?.Title, $"/borgen/{code}", "Werkwijzer.Step6.Borgen", true) { Notes = borgenNotes },
        ];
        // The steps build on each other: the next thing to do is the first step with a tool that has nothing yet.
        // Step 3 is done when the team has chosen a focus, not before.
        NextStep = Steps.FirstOrDefault(s => s.HasTool && (s.Count == 0 || s.Extra?.Count == 0))?.Number;
        return Page();
    }
}
