using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Wijkbeeld.Features.Accounts;

/// <summary>Identity's messages in Dutch, from the resources.</summary>
sealed class DutchIdentityErrors(IStringLocalizer<Texts> text) : IdentityErrorDescriber
{
    IdentityError Error(string code, params object[] args) => new() { Code = code, Description = text["Account.Error." + code, args] };

    public override IdentityError DefaultError() => Error(nameof(DefaultError));
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), length);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken));
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail));
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail));
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateEmail));
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidEmail));
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure));
}
