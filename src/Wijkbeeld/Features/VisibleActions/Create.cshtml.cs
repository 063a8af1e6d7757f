using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;

namespace Wijkbeeld.Features.VisibleActions;

/// <summary>Adding a visible action (works on a phone: the place is picked on a small map or with the device location).</summary>
[Authorize(Policy = Policies.Writer)]
public sealed class CreateModel(VisibleActionService actions, AreaIndex areaIndex) : PageModel
{
    [BindProperty] public ActionInput Form { get; set; } = new();
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public AreaMap Areas { get; private set; } = null!;
    public List<FocusChoice> FocusThemes { get; private set; } = [];
    public ActionFormView View => new(Form, Errors, Areas, WithEvaluation: false, FocusThemes);

    public async Task OnGetAsync(string? area, int? focus, CancellationToken ct)
    {
        Areas = await areaIndex.GetAsync(ct);
        FocusThemes = await actions.FocusChoicesAsync(ct);
        Form = new ActionInput { AreaCode = area, FocusThemeId = focus, Date = DateOnly.FromDateTime(DateTime.Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form = ActionFormView.WithPostedPlace(Form, Request.Form);
        var (action, errors) = await actions.CreateAsync(Form, ct);
        if (action is null)
        {
            Errors = errors;
            Areas = await areaIndex.GetAsync(ct);
            FocusThemes = await actions.FocusChoicesAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = "Actions.Created";
        return Redirect($"/acties/{action.Id}");
    }
}
