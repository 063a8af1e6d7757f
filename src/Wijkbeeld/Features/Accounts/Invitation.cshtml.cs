using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Wijkbeeld.Features.Accounts;

public sealed class InvitationModel(Invitations invitations, SignInManager<User> signIn, IStringLocalizer<Texts> text) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Repeat { get; set; }
    public Invitation? Invitation { get; private set; }
    public InvitationOutcome Outcome { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        if (Invitation is null)
        {
            return Page();
        }
        if (Password != Repeat)
        {
            Errors.Add(text["Invitation.NotSame"]);
        }
        else
        {
            var result = await invitations.AcceptAsync(token, DisplayName ?? "", Password ?? "", ct);
            if (result.User is { } user)
            {
                await signIn.SignInAsync(user, isPersistent: false);
                return LocalRedirect("/account");
            }
            Errors.AddRange(result.Errors);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    async Task LoadAsync(string token, CancellationToken ct)
    {
        var invitation = await invitations.FindAsync(token, ct);
        Outcome = invitations.Check(invitation);
        Invitation = Outcome == InvitationOutcome.Accepted ? invitation : null;
        if (Invitation is null)
        {
            Response.StatusCode = Outcome == InvitationOutcome.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        }
    }
}
