using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Accounts;

public enum InvitationOutcome { Accepted, Unknown, Expired, Used, Refused }

public sealed record InvitationResult(InvitationOutcome Outcome, User? User, IReadOnlyList<string> Errors);

/// <summary>Accounts are made only by invitation: a coordinator or administrator invites, the person sets their own password.</summary>
public sealed class Invitations(WijkbeeldDb db, UserManager<User> users, TimeProvider clock, IOptions<AccountOptions> options)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Stores the invitation and returns the secret token for the link; only its hash is kept.</summary>
    public async Task<string> CreateAsync(string email, string displayName, string role, int? organisationId, string? invitedBy, CancellationToken ct)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        db.Invitations.Add(new Invitation
        {
            Email = email.Trim(), DisplayName = displayName.Trim(), Role = role, OrganisationId = organisationId,
            TokenHash = Hash(token), CreatedAt = Now, ExpiresAt = Now.AddDays(options.Value.InvitationDays), InvitedBy = invitedBy,
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<Invitation?> FindAsync(string token, CancellationToken ct)
    {
        var hash = Hash(token);
        return await db.Invitations.Include(i => i.Organisation).FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
    }

    public InvitationOutcome Check(Invitation? invitation) =>
        invitation is null ? InvitationOutcome.Unknown
        : invitation.AcceptedAt is not null ? InvitationOutcome.Used
        : invitation.ExpiresAt <= Now ? InvitationOutcome.Expired
        : InvitationOutcome.Accepted;

    public async Task<InvitationResult> AcceptAsync(string token, string displayName, string password, CancellationToken ct)
    {
        var invitation = await FindAsync(token, ct);
        var outcome = Check(invitation);
        if (outcome != InvitationOutcome.Accepted)
        {
            return new(outcome, null, []);
        }
        var user = new User
        {
            UserName = invitation!.Email, Email = invitation.Email, EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? invitation.DisplayName : displayName.Trim(),
            OrganisationId = invitation.OrganisationId, CreatedAt = Now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new(InvitationOutcome.Refused, null, created.Errors.Select(e => e.Description).ToList());
        }
        await users.AddToRoleAsync(user, invitation.Role);
        invitation.AcceptedAt = Now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(InvitationOutcome.Accepted, user, []);
    }

    static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
