using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Infrastructure.Email;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Accounts;

/// <summary>
/// Asks for a reset link by e-mail. The answer is the same whether an account exists or not,
/// so nobody can find out who has an account.
/// </summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ForgotPasswordModel(UserManager<User> users, IEmailSender mail, EmailTemplates templates, IStringLocalizer<Texts> text) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }

    [DisableRateLimiting]
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Email) && await users.FindByEmailAsync(Email.Trim()) is { } user)
        {
            var token = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = new Uri($"{Request.Scheme}://{Request.Host}/wachtwoord-herstellen?email={Uri.EscapeDataString(user.Email!)}&token={token}");
            await mail.SendAsync(user.Email!, templates.Compose(text["Reset.MailSubject"], user.DisplayName,
                [text["Reset.MailText"]], new EmailAction(text["Reset.MailAction"], link), [text["Reset.MailIgnore"]]), ct);
        }
        Sent = true;
        return Page();
    }
}
