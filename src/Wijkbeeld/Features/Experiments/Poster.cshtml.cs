using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkbeeld.Features.Experiments;

/// <summary>The A4 poster to hang on the spot: the question and a QR code to the public survey.</summary>
public sealed class PosterModel(ExperimentService experiments) : PageModel
{
    public Experiment Experiment { get; private set; } = null!;
    public string SurveyUrl { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await experiments.GetAsync(id, ct) is not { } experiment) return NotFound();
        Experiment = experiment;
        SurveyUrl = $"{ExperimentEndpoints.BaseUrl(Request)}/enquete/{experiment.SurveyToken}";
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(ExperimentEndpoints.QrPng(SurveyUrl));
        return Page();
    }
}
