using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Features.Network.WhosWho;

/// <summary>
/// An entry in the who's who ("wie is wie") of a wijk or buurt: a professional or an organisation active there, its
/// role, what it does there, how to reach it and which best-person types fit. Phone and e-mail are only stored with
/// recorded consent (the date it was given); without it they stay empty. Never public: partners or own organisation.
/// </summary>
public sealed class NetworkMember
{
    public int Id { get; set; }
    /// <summary><see cref="MemberKinds"/>: a professional (person) or an organisation.</summary>
    public string Kind { get; set; } = MemberKinds.Professional;
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    /// <summary>What they do in these areas.</summary>
    public string Activities { get; set; } = "";
    /// <summary>The wijken and buurten where they are active, comma separated CBS codes.</summary>
    public string AreaCodes { get; set; } = "";
    /// <summary>The Wijkbeeld organisation they work for, when it has one; otherwise <see cref="OrganisationName"/>.</summary>
    public int? WorksForId { get; set; }
    public string OrganisationName { get; set; } = "";
    /// <summary>Best-person types that fit, comma separated codes of <see cref="BestPersonTypes"/>.</summary>
    public string BestPersonTypes { get; set; } = "";
    /// <summary>A general route that needs no consent ("via het wijkteam, dinsdagochtend in De Kroon").</summary>
    public string HowToReach { get; set; } = "";
    public bool ContactConsent { get; set; }
    public DateOnly? ConsentDate { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public Visibility Visibility { get; set; } = Visibility.Partners;
    /// <summary>The organisation of the person who added it: its members change it.</summary>
    public int? OrganisationId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public IReadOnlyList<string> Areas => AreaCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);
    public IReadOnlyList<string> Types => BestPersonTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

public static class MemberKinds
{
    public const string Professional = "professional";
    public const string Organisation = "organisatie";
    public static readonly string[] All = [Professional, Organisation];
}

/// <summary>A best-person type of the workbook (Platform31, §3.1 and §1.3): code, name and what marks it.</summary>
public sealed record BestPersonType(string Code, string Name, string Description);

/// <summary>
/// The four best-person types the workbook takes from Van den Brink e.a. (2012), plus the workbook's own two
/// positions of people who carry the neighbourhood approach: the pioneer and the "doordenker".
/// </summary>
public static class BestPersonTypes
{
    public static readonly IReadOnlyList<BestPersonType> All =
    [
        new("alledaagse-doener", "Alledaagse doener", "Bevlogen, trekt zich weinig aan van regels; vaak buiten overheid en organisaties te vinden."),
        new("frontliniewerker", "Frontliniewerker", "Werkt bij een organisatie of overheid, maar staat midden in de leefwereld van bewoners; betrokkenheid voor de regel."),
        new("sociale-ondernemer", "Sociale ondernemer", "Bevlogen en empathisch, vaak met een eigen zaak; breed netwerk en bewuste contacten met instanties."),
        new("bruggenbouwer", "Bruggenbouwer (verbinder)", "Haalt spanningen weg tussen groepen, diensten en domeinen; start en onderhoudt de dialoog."),
        new("pionier", "Pionier", "Brengt wijkgericht werken op eigen houtje verder, loopt tegen grenzen aan en laat de meerwaarde zien."),
        new("doordenker", "Doordenker", "Werkt binnen een bestaande structuur en scherpt die aan waar het hapert."),
    ];

    public static bool IsKnown(string? code) => All.Any(t => t.Code == code);
    public static string NameOf(string code) => All.FirstOrDefault(t => t.Code == code)?.Name ?? code;
}

public static class NetworkRules
{
    public const int NameMax = 200;
    public const int TextMax = 1000;
    public const int ContactMax = 200;
    public const int MaxAreas = 20;
}

sealed class NetworkMemberConfiguration : IEntityTypeConfiguration<NetworkMember>
{
    public void Configure(EntityTypeBuilder<NetworkMember> m)
    {
        m.ToTable("NetworkMembers");
        m.Ignore(x => x.Areas);
        m.Ignore(x => x.Types);
        m.Property(x => x.Kind).HasMaxLength(20);
        m.Property(x => x.Name).HasMaxLength(NetworkRules.NameMax);
        m.Property(x => x.Role).HasMaxLength(NetworkRules.NameMax);
        m.Property(x => x.Activities).HasMaxLength(NetworkRules.TextMax);
        m.Property(x => x.AreaCodes).HasMaxLength(NetworkRules.MaxAreas * 11);
        m.Property(x => x.OrganisationName).HasMaxLength(NetworkRules.NameMax);
        m.Property(x => x.BestPersonTypes).HasMaxLength(200);
        m.Property(x => x.HowToReach).HasMaxLength(NetworkRules.TextMax);
        m.Property(x => x.ContactPhone).HasMaxLength(NetworkRules.ContactMax);
        m.Property(x => x.ContactEmail).HasMaxLength(NetworkRules.ContactMax);
        m.Property(x => x.CreatedBy).HasMaxLength(200);
        m.Property(x => x.Visibility).HasConversion<VisibilityConverter>().HasMaxLength(20);
        m.Property(x => x.Version).IsConcurrencyToken();
        m.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        m.HasOne<Organisation>().WithMany().HasForeignKey(x => x.WorksForId).OnDelete(DeleteBehavior.SetNull);
    }
}
