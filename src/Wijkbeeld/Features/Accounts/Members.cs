using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Email;

namespace Wijkbeeld.Features.Accounts;

public enum MemberOutcome { Done, Invalid, Forbidden, NotFound }

public sealed record MemberDto(int Id, string Name, string Email, string Role, bool LockedOut);

/// <summary>Inviting people and changing their role: one set of rules for the API and the organisations page.</summary>
public sealed class Members(WijkbeeldDb db, UserManager<User> users, Invitations invitations, IEmailSender mail, EmailTemplates templates,
    IStringLocalizer<Texts> text)
{
    public async Task<(MemberOutcome Outcome, InvitationDto? Invitation, Dictionary<string, string[]> Errors)> InviteAsync(
        Viewer viewer, InvitationInput input, string baseUrl, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var email = input.Email?.Trim() ?? "";
        if (!System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || email.Length > 256)
        {
            errors["email"] = [text["Account.Error.InvalidEmail"]];
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            errors["email"] = [text["Account.Error.DuplicateEmail"]];
        }
        var role = string.IsNullOrWhiteSpace(input.Role) ? Roles.Professional : input.Role.Trim().ToLowerInvariant();
        if (!Roles.All.Contains(role)) errors["role"] = [text["Account.RoleInvalid", string.Join(", ", Roles.All)]];
        if (input.OrganisationId is { } org && !await db.Organisations.AnyAsync(o => o.Id == org, ct)) errors["organisationId"] = [text["Organisation.Unknown"]];
        if (errors.Count > 0) return (MemberOutcome.Invalid, null, errors);
        if (!viewer.MayAssign(role, input.OrganisationId)) return (MemberOutcome.Forbidden, null, errors);

        var token = await invitations.CreateAsync(email, input.Name ?? "", role, input.OrganisationId, viewer.Name, ct);
        var invitation = (await invitations.FindAsync(token, ct))!;
        var link = new Uri($"{baseUrl.TrimEnd('/')}/uitnodiging/{token}");
        var until = invitation.ExpiresAt.ToLocalTime().ToString("d MMMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
        await mail.SendAsync(email, templates.Compose(text["Invitation.MailSubject"], input.Name,
            [text["Invitation.MailText", viewer.Name ?? "Wijkbeeld", text["Role." + role], until]], new EmailAction(text["Invitation.MailAction"], link)), ct);
        return (MemberOutcome.Done, new InvitationDto(email, role, input.OrganisationId, invitation.ExpiresAt, link.AbsoluteUri), errors);
    }

    public async Task<(Organisation? Organisation, Dictionary<string, string[]> Errors)> CreateOrganisationAsync(OrganisationInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 150) errors["name"] = [text["Error.Required", text["Organisation.Name"]]];
        else if (await db.Organisations.AnyAsync(o => o.Name == name, ct)) errors["name"] = [text["Organisation.Exists"]];
        if (!Enum.TryParse<OrganisationKind>(input.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(input.Kind, out _))
        {
            errors["kind"] = [text["Organisation.KindInvalid", string.Join(", ", Enum.GetNames<OrganisationKind>().Select(n => n.ToLowerInvariant()))]];
        }
        if (errors.Count > 0) return (null, errors);
        var organisation = new Organisation { Name = name, Kind = kind, Version = 1 };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return (organisation, errors);
    }

    public async Task<MemberOutcome> ChangeRoleAsync(Viewer viewer, int userId, string? newRole)
    {
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null) return MemberOutcome.NotFound;
        var role = newRole?.Trim().ToLowerInvariant() ?? "";
        if (!Roles.All.Contains(role)) return MemberOutcome.Invalid;
        var current = await users.GetRolesAsync(user);
        if (!viewer.MayAssign(role, user.OrganisationId) || current.Any(r => !viewer.MayAssign(r, user.OrganisationId)) || user.Id == viewer.UserId)
        {
            return MemberOutcome.Forbidden;
        }
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        // Signs the person out elsewhere within a minute, so the new role takes effect.
        await users.UpdateSecurityStampAsync(user);
        return MemberOutcome.Done;
    }

    public async Task<IReadOnlyList<MemberDto>> OfAsync(int organisationId, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var rows = await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.LockoutEnd, Role = db.UserRoles.Where(r => r.UserId == u.Id).Select(r => r.RoleId).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(u => new MemberDto(u.Id, u.DisplayName, u.Email ?? "", Roles.NameOf(u.Role) ?? Roles.Reader,
            u.LockoutEnd is { } end && end > now)).ToList();
    }
}
