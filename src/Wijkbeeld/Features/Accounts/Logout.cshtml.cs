using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkbeeld.Features.Accounts;

/// <summary>Signing out is a POST (with the anti-forgery token), so a link on another site cannot sign someone out.</summary>
public sealed class LogoutModel(SignInManager<User> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        // Pages and map data the service worker kept may hold items only this account could see.
        Response.Headers["Clear-Site-Data"] = "\"cache\"";
        return LocalRedirect("/");
    }
}
