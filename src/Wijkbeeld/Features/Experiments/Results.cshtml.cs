using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkbeeld.Features.Experiments;

/// <summary>Live results: a bar chart per question, refreshed by js/survey-results.js as answers arrive.</summary>
public sealed class ResultsModel(ExperimentService experiments) : PageModel
{
    public Experiment Experiment { get; private set; } = null!;
    public ResultsDto Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await experiments.GetAsync(id, ct) is not { } experiment || await experiments.ResultsAsync(id, ct) is not { } results) return NotFound();
        Experiment = experiment;
        Results = results;
        return Page();
    }
}
