using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Wijkbeeld.Features.Accounts;

/// <summary>One's own account: two-factor sign-in, a download of everything about oneself, and deleting the account.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ManageModel(UserManager<User> users, SignInManager<User> signIn, PersonalData personalData, IStringLocalizer<Texts> text) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Password { get; set; }
    public User Me { get; private set; } = null!;
    public string Role { get; private set; } = Roles.Reader;
    public bool TwoFactorEnabled { get; private set; }
    public string? AuthenticatorKey { get; private set; }
    public string? AuthenticatorUri { get; private set; }
    public string? QrDataUri { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostEnableTwoFactorAsync()
    {
        if (!await LoadAsync()) return Challenge();
        var valid = await users.VerifyTwoFactorTokenAsync(Me, users.Options.Tokens.AuthenticatorTokenProvider, (Code ?? "").Replace(" ", "", StringComparison.Ordinal));
        if (!valid)
        {
            Error = text["Account.TwoFactorWrong"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(Me, true);
        return await ReloadAsync(text["Account.TwoFactorDone"]);
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync()
    {
        if (!await LoadAsync()) return Challenge();
        await users.SetTwoFactorEnabledAsync(Me, false);
        await users.ResetAuthenticatorKeyAsync(Me);
        return await ReloadAsync(text["Account.TwoFactorRemoved"]);
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!await LoadAsync()) return Challenge();
        if (string.IsNullOrEmpty(Password) || !await users.CheckPasswordAsync(Me, Password))
        {
            Error = text["Account.DeleteWrongPassword"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await personalData.DeleteAccountAsync(Me, ct);
        await signIn.SignOutAsync();
        return LocalRedirect("/?account=verwijderd");
    }

    async Task<IActionResult> ReloadAsync(string message)
    {
        await signIn.RefreshSignInAsync(Me);
        await LoadAsync();
        Message = message;
        return Page();
    }

    async Task<bool> LoadAsync()
    {
        var id = users.GetUserId(User);
        var me = id is null ? null : await users.Users.Include(u => u.Organisation).FirstOrDefaultAsync(u => u.Id.ToString() == id);
        if (me is null) return false;
        Me = me;
        Role = (await users.GetRolesAsync(me)).FirstOrDefault() ?? Roles.Reader;
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(me);
        if (!TwoFactorEnabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(me);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(me);
                key = await users.GetAuthenticatorKeyAsync(me);
                // A new key renews the security stamp; without a fresh cookie this person would be signed out at the next stamp check.
                await signIn.RefreshSignInAsync(me);
            }
            AuthenticatorKey = key;
            AuthenticatorUri = $"otpauth://totp/Wijkbeeld:{Uri.EscapeDataString(me.Email ?? "")}?secret={key}&issuer=Wijkbeeld&digits=6";
            using var qr = new QRCodeGenerator().CreateQrCode(AuthenticatorUri, QRCodeGenerator.ECCLevel.Q);
            QrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(qr).GetGraphic(5));
        }
        return true;
    }
}
