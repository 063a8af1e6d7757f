using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Contributions;

public sealed class ContributionForm
{
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? Website { get; set; }
}

/// <summary>"Meedoen": a resident adds an idea, a concern or a strength of their neighbourhood, without an account.</summary>
[EnableRateLimiting(RateLimits.Contributions)]
public sealed class ContributeModel(Contributions contributions) : PageModel
{
    [BindProperty] public ContributionForm Form { get; set; } = new();
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public bool Received { get; private set; }

    [DisableRateLimiting]
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (item, errors) = await contributions.SubmitAsync(new ContributionInput(
            Form.Kind, Form.Title, Form.Description, Number(Form.Latitude), Number(Form.Longitude), Form.Website), ct);
        if (item is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Received = true;
        return Page();
    }

    // Accepts a decimal comma as people type it on a Dutch phone keyboard.
    static double? Number(string? value) =>
        double.TryParse(value?.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
