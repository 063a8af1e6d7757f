using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wijkbeeld.Features.Accounts;

/// <summary>A person with an account. Only what working together needs: a name, an e-mail address, an organisation.</summary>
public sealed class User : IdentityUser<int>
{
    public string DisplayName { get; set; } = "";
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum OrganisationKind { Gemeente, Politie, Welzijn, Corporatie, School, Zorg, Bewoners, Anders }

/// <summary>An organisation that works in the neighbourhood: its members share items only they may see.</summary>
public sealed class Organisation
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public OrganisationKind Kind { get; set; }
    public int Version { get; set; }
    public List<User> Members { get; set; } = [];
}

/// <summary>The four roles. Codes are stored and shown in URLs; labels come from the resources.</summary>
public static class Roles
{
    public const string Administrator = "beheerder";
    public const string Coordinator = "coordinator";
    public const string Professional = "professional";
    public const string Reader = "lezer";

    public static readonly string[] All = [Administrator, Coordinator, Professional, Reader];

    /// <summary>Roles that may add and change items (a lezer only reads).</summary>
    public static readonly string[] Writers = [Administrator, Coordinator, Professional];

    public static readonly string[] Moderators = [Administrator, Coordinator];

    /// <summary>Roles have fixed ids (1 = beheerder ... 4 = lezer), seeded with the model, so code can name them without a lookup.</summary>
    public static int IdOf(string role) => Array.IndexOf(All, role) + 1;

    public static string? NameOf(int roleId) => roleId >= 1 && roleId <= All.Length ? All[roleId - 1] : null;
}

/// <summary>An invitation to make an account: a link with a secret token, valid for a limited time, used once.</summary>
public sealed class Invitation
{
    public int Id { get; set; }
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = Roles.Professional;
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>SHA-256 of the token: a leaked database does not leak usable links.</summary>
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? InvitedBy { get; set; }
}

sealed class UserConfiguration : IEntityTypeConfiguration<User>, IEntityTypeConfiguration<Organisation>, IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(100);
        user.HasOne(u => u.Organisation).WithMany(o => o.Members).HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.Property(o => o.Name).HasMaxLength(150);
        organisation.HasIndex(o => o.Name).IsUnique();
        organisation.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        organisation.Property(o => o.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<Invitation> invitation)
    {
        invitation.Property(i => i.Email).HasMaxLength(256);
        invitation.Property(i => i.DisplayName).HasMaxLength(100);
        invitation.Property(i => i.Role).HasMaxLength(20);
        invitation.Property(i => i.TokenHash).HasMaxLength(64);
        invitation.Property(i => i.InvitedBy).HasMaxLength(100);
        invitation.HasIndex(i => i.TokenHash).IsUnique();
        invitation.HasOne(i => i.Organisation).WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
