using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Wijkbeeld.Features.Accounts;

/// <summary>A new password from the link in the reset e-mail; the link works once and for two hours.</summary>
public sealed class ResetPasswordModel(UserManager<User> users, IStringLocalizer<Texts> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Repeat { get; set; }
    public List<string> Errors { get; } = [];
    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email);
        string? token = null;
        try
        {
            token = Token is null ? null : System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Token));
        }
        catch (FormatException)
        {
        }
        if (Password != Repeat)
        {
            Errors.Add(text["Invitation.NotSame"]);
        }
        else if (user is null || token is null)
        {
            Errors.Add(text["Account.Error.InvalidToken"]);
        }
        else
        {
            var result = await users.ResetPasswordAsync(user, token, Password ?? "");
            if (result.Succeeded)
            {
                // A reset also lifts a lockout: the person proved they own the address.
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
                Done = true;
                return Page();
            }
            Errors.AddRange(result.Errors.Select(e => e.Description));
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
