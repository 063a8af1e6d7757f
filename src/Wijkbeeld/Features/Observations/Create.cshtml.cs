using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkbeeld.Features.Observations;

/// <summary>Recording an observation in the street, usually on a phone.</summary>
[Authorize(Policy = Accounts.Policies.Writer)]
public sealed class CreateModel(ObservationRules rules, ObservationService observations, ObservationReader reader) : PageModel
{
    [BindProperty] public ObservationForm Form { get; set; } = new();
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public IReadOnlyList<ObservationGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Form = ObservationForm.Now();
        Groups = await reader.GroupsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (observation, errors) = await rules.ValidateAsync(Form.ToInput(), ct);
        if (observation is null)
        {
            Errors = errors;
            Groups = await reader.GroupsAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await observations.CreateAsync(observation, ct);
        TempData["Message"] = "Observations.Added";
        return Redirect($"/observaties/kaart?partOfDay={ObservationCatalog.Code(observation.PartOfDay)}");
    }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    public string? Invalid(string field) => Errors.ContainsKey(field) ? "true" : null;

    public string? DescribedBy(string field, string? hint = null) =>
        string.Join(' ', new[] { hint, Errors.ContainsKey(field) ? $"error-{field}" : null }.Where(s => s is not null)) is { Length: > 0 } s ? s : null;
}
