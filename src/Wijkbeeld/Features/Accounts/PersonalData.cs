using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Accounts;

/// <summary>The AVG rights of a person with an account: see everything Wijkbeeld holds about them, and leave.</summary>
public sealed class PersonalData(WijkbeeldDb db, UserManager<User> users, IStringLocalizer<Texts> text)
{
    public async Task<object> ExportAsync(User user, CancellationToken ct)
    {
        var organisation = user.OrganisationId is { } id ? await db.Organisations.Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;
        var written = await db.ItemUpdates.Where(u => u.AuthorId == user.Id)
            .OrderBy(u => u.At).Select(u => new { u.ItemId, u.At, Type = u.Type.ToString(), u.Text }).ToListAsync(ct);
        var actions = await db.AuditLog.Where(a => a.UserId == user.Id)
            .OrderBy(a => a.At).Select(a => new { a.At, a.Action, a.EntityType, a.EntityId }).ToListAsync(ct);
        return new
        {
            account = new { user.Id, user.Email, user.DisplayName, organisation, roles = await users.GetRolesAsync(user), user.CreatedAt, twoFactor = user.TwoFactorEnabled },
            logins = (await users.GetLoginsAsync(user)).Select(l => l.ProviderDisplayName),
            written,
            actions,
        };
    }

    /// <summary>Deletes the account; what the person wrote stays, under "verwijderde gebruiker".</summary>
    public async Task DeleteAccountAsync(User user, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        string deleted = text["Account.DeletedUser"];
        await db.ItemUpdates.Where(u => u.AuthorId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Author, deleted).SetProperty(u => u.AuthorId, (int?)null), ct);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        await transaction.CommitAsync(ct);
    }
}
