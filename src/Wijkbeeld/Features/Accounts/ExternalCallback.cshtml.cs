using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Wijkbeeld.Features.Accounts;

/// <summary>
/// Back from the identity provider: signs in the account with the same (verified) e-mail address.
/// Nobody gets an account by single sign-on alone: an administrator or coordinator invites first.
/// </summary>
public sealed class ExternalCallbackModel(SignInManager<User> signIn, IStringLocalizer<Texts> text) : PageModel
{
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            Error = text["Login.Error.External"];
            return Page();
        }
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false);
        if (!result.Succeeded && info.Principal.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value is { } email
            && await signIn.UserManager.FindByEmailAsync(email) is { } user)
        {
            await signIn.UserManager.AddLoginAsync(user, info);
            await signIn.SignInAsync(user, isPersistent: false);
            result = Microsoft.AspNetCore.Identity.SignInResult.Success;
        }
        if (!result.Succeeded)
        {
            Error = text[result.IsLockedOut ? "Login.Error.LockedOut" : "Login.Error.NoInvitation"];
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
