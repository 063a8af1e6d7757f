using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkbeeld.Features.Observations;

/// <summary>Coordinators keep the list of groups an observer chooses from.</summary>
[Authorize(Policy = Accounts.Policies.Moderator)]
public sealed class GroupsModel(ObservationReader reader, ObservationService observations) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    public IReadOnlyList<ObservationGroup> Groups { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Groups = await reader.GroupsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (group, errors) = await observations.AddGroupAsync(Name, ct);
        if (group is null)
        {
            Error = string.Join(" ", errors.Values.SelectMany(v => v));
            Groups = await reader.GroupsAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = "Observations.GroupAdded";
        return Redirect("/observaties/groepen");
    }
}
