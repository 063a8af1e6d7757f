using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Features.Koppelkansen;

/// <summary>
/// A "drager" of neighbourhood renewal (Platform31): a policy priority that brings budget and attention. The workbook's
/// four are seeded; coordinators add the municipality's own. Themes say which items touch it (for suggestions).
/// </summary>
public sealed class PolicyDriver
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Theme codes, comma-separated.</summary>
    public string Themes { get; set; } = "";

    public IEnumerable<string> ThemeCodes => Themes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static readonly PolicyDriver[] Seeded =
    [
        new() { Id = 1, Code = "energietransitie", Name = "Energietransitie", Themes = "energie,wonen" },
        new() { Id = 2, Code = "veilige-wijk", Name = "Veilige wijk", Themes = "veiligheid,jeugd" },
        new() { Id = 3, Code = "gezonde-wijk", Name = "Gezonde wijk", Themes = "gezondheid,sport-bewegen,zorg-welzijn,ouderen" },
        new() { Id = 4, Code = "klimaatadaptatie", Name = "Klimaatadaptatie", Themes = "groen-openbare-ruimte" },
    ];
}

/// <summary>A koppelkans: an item (initiative, opportunity, action on the map ...) linked to one or more drivers, with one combined message.</summary>
public sealed class LinkOpportunity
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public string Message { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public List<LinkOpportunityDriver> Drivers { get; set; } = [];
}

public sealed class LinkOpportunityDriver
{
    public int LinkOpportunityId { get; set; }
    public int PolicyDriverId { get; set; }
}

sealed class PolicyDriverConfiguration : IEntityTypeConfiguration<PolicyDriver>
{
    public void Configure(EntityTypeBuilder<PolicyDriver> d)
    {
        d.Property(x => x.Code).HasMaxLength(60);
        d.Property(x => x.Name).HasMaxLength(80);
        d.Property(x => x.Themes).HasMaxLength(400);
        d.HasIndex(x => x.Code).IsUnique();
        d.Ignore(x => x.ThemeCodes);
        d.HasData(PolicyDriver.Seeded.Select(s => new PolicyDriver { Id = s.Id, Code = s.Code, Name = s.Name, Themes = s.Themes }));
    }
}

sealed class LinkOpportunityConfiguration : IEntityTypeConfiguration<LinkOpportunity>
{
    public void Configure(EntityTypeBuilder<LinkOpportunity> l)
    {
        l.Property(x => x.Message).HasMaxLength(KoppelkansenRules.MessageMax);
        l.Property(x => x.CreatedBy).HasMaxLength(200);
        l.HasIndex(x => x.ItemId);
        l.HasOne<Item>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        l.HasMany(x => x.Drivers).WithOne().HasForeignKey(x => x.LinkOpportunityId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class LinkOpportunityDriverConfiguration : IEntityTypeConfiguration<LinkOpportunityDriver>
{
    public void Configure(EntityTypeBuilder<LinkOpportunityDriver> d)
    {
        d.HasKey(x => new { x.LinkOpportunityId, x.PolicyDriverId });
        d.HasOne<PolicyDriver>().WithMany().HasForeignKey(x => x.PolicyDriverId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class KoppelkansenRules
{
    public const int MessageMax = 300;
    /// <summary>Items at most this far apart in one buurt are suggested as a koppelkans.</summary>
    public const double SuggestionMetres = 750;
}
