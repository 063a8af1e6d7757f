using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Contributions;

/// <summary>"Meedoen": a resident adds an idea, a concern or a strength of their neighbourhood, without an account.</summary>
[EnableRateLimiting(RateLimits.Contributions)]
public sealed class ContributeModel(Contributions contributions) : PageModel
{
    [BindProperty] public ItemForm Form { get; set; } = new();

    /// <summary>The honeypot (hidden from people, see <see cref="ContributionInput"/>).</summary>
    [BindProperty(Name = "Form.Website")] public string? Website { get; set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public bool Received { get; private set; }

    [DisableRateLimiting]
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = Form.ToInput();
        var (item, errors) = await contributions.SubmitAsync(new ContributionInput(
            input.Kind, input.Title, input.Description, input.Latitude, input.Longitude, Website), ct);
        if (item is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Received = true;
        return Page();
    }
}
