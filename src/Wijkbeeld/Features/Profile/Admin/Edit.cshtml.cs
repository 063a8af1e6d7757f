using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkbeeld.Features.Profile.Admin;

/// <summary>Edit an indicator's label, unit, direction (higher is better) and source. A stale version shows the other edit.</summary>
public sealed class EditModel(IndicatorReader reader, IndicatorEditor editor) : PageModel
{
    public sealed class EditForm
    {
        public string? Label { get; set; }
        public string? Unit { get; set; }
        public string? Direction { get; set; }
        public string? Source { get; set; }
        public string? Description { get; set; }
        public int Version { get; set; }
    }

    [BindProperty] public EditForm Form { get; set; } = new();
    public string Key { get; private set; } = "";
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public IndicatorSummary? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (await reader.FindAsync(key, ct) is not { } indicator)
        {
            return NotFound();
        }
        Key = indicator.Key;
        Form = new EditForm
        {
            Label = indicator.Label, Unit = indicator.Unit, Source = indicator.Source, Description = indicator.Description,
            Direction = Direction(indicator.HigherIsBetter), Version = indicator.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        Key = key;
        bool? higher = Form.Direction switch { "hoger" => true, "lager" => false, _ => null };
        var result = await editor.EditAsync(key, new IndicatorEdit(Form.Label, Form.Unit, higher, Form.Source, Form.Description), Form.Version, ct);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Errors.Count > 0)
        {
            Errors = result.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (result.Conflict)
        {
            // Keep the user's text; saving again knowingly replaces the other version.
            Current = result.Indicator;
            Form.Version = Current!.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData["Message"] = "Profile.Edit.Saved";
        return Redirect("/profiel/beheer/indicatoren");
    }

    public static string Direction(bool? higherIsBetter) => higherIsBetter switch { true => "hoger", false => "lager", _ => "geen" };

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var e) ? e[0] : null;
}
