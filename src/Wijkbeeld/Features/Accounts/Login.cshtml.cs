using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Wijkbeeld.Features.Accounts;

public sealed class LoginModel(SignInManager<User> signIn, IAuthenticationSchemeProvider schemes, IStringLocalizer<Texts> text) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }
    public bool NeedsCode { get; private set; }
    public bool HasExternalLogin { get; private set; }

    public async Task OnGetAsync() => HasExternalLogin = await schemes.GetSchemeAsync(ExternalLogin.Scheme) is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        HasExternalLogin = await schemes.GetSchemeAsync(ExternalLogin.Scheme) is not null;
        var outcome = await AccountSignIn.PasswordAsync(signIn, Email, Password, Code);
        if (outcome == SignInOutcome.SignedIn)
        {
            // Only back to a page of this site: no open redirect through ?ReturnUrl=https://elders.
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        NeedsCode = outcome is SignInOutcome.CodeNeeded or SignInOutcome.WrongCode;
        Error = outcome == SignInOutcome.CodeNeeded ? null : text["Login.Error." + outcome].Value;
        Response.StatusCode = outcome == SignInOutcome.CodeNeeded ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return Page();
    }

    public IActionResult OnPostExternal()
    {
        var redirect = Url.Page("/Accounts/ExternalCallback", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/" });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(ExternalLogin.Scheme, redirect), ExternalLogin.Scheme);
    }
}
