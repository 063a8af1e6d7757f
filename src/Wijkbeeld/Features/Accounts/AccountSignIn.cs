using Microsoft.AspNetCore.Identity;

namespace Wijkbeeld.Features.Accounts;

public enum SignInOutcome { SignedIn, Wrong, LockedOut, CodeNeeded, WrongCode }

/// <summary>One sign-in rule for the login page and the API: password, lockout after five wrong tries, then the TOTP code if set up.</summary>
static class AccountSignIn
{
    public static async Task<SignInOutcome> PasswordAsync(SignInManager<User> signIn, string? email, string? password, string? code)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return SignInOutcome.Wrong;
        }
        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return SignInOutcome.Wrong;
        }
        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            return SignInOutcome.LockedOut;
        }
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return SignInOutcome.LockedOut;
        }
        if (!check.Succeeded)
        {
            return SignInOutcome.Wrong;
        }
        if (await signIn.UserManager.GetTwoFactorEnabledAsync(user))
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                return SignInOutcome.CodeNeeded;
            }
            var valid = await signIn.UserManager.VerifyTwoFactorTokenAsync(
                user, signIn.UserManager.Options.Tokens.AuthenticatorTokenProvider, code.Replace(" ", "", StringComparison.Ordinal));
            if (!valid)
            {
                await signIn.UserManager.AccessFailedAsync(user);
                return SignInOutcome.WrongCode;
            }
        }
        await signIn.UserManager.ResetAccessFailedCountAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        return SignInOutcome.SignedIn;
    }
}
