using System.ComponentModel.DataAnnotations.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Features.Activity;

public enum ChangeType { Created, Updated, Commented, Deleted }

/// <summary>
/// One change to an item, written in the same transaction as the change itself. Its sequence number
/// orders the activity feed and lets a client that lost its connection ask for what it missed.
/// </summary>
public sealed class ItemChange : IPlacedInArea
{
    public long Sequence { get; set; }
    public int ItemId { get; set; }
    public ChangeType Type { get; set; }
    public DateTime At { get; set; }
    public ItemKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public Visibility Visibility { get; set; }
    public string? OwnerOrganisation { get; set; }
    public int? OrganisationId { get; set; }

    /// <summary>Who could see the item before this change (not stored): they are told it is gone when they no longer may.</summary>
    [NotMapped]
    public (Visibility Visibility, int? OrganisationId)? Before { get; set; }

    public string MunicipalityCode { get; set; } = "";
    public string? DistrictCode { get; set; }
    public string? NeighbourhoodCode { get; set; }

    /// <summary>Theme codes at the time of the change, ';'-separated with ';' around them (";jeugd;wonen;") for filtering.</summary>
    public string Themes { get; set; } = ";";

    public Item? Item { get; set; }

    public static ItemChange For(Item item, ChangeType type, string summary, DateTime at) => new()
    {
        Item = item,
        ItemId = item.Id,
        Type = type,
        At = at,
        Kind = item.Kind,
        Title = item.Title,
        Summary = summary,
        Visibility = item.Visibility,
        OwnerOrganisation = item.OwnerOrganisation,
        OrganisationId = item.OrganisationId,
        MunicipalityCode = item.MunicipalityCode,
        DistrictCode = item.DistrictCode,
        NeighbourhoodCode = item.NeighbourhoodCode,
        Themes = ";" + string.Join(';', item.Themes.Select(t => t.ThemeCode).Order()) + ";",
    };
}

sealed class ItemChangeConfiguration : IEntityTypeConfiguration<ItemChange>
{
    public void Configure(EntityTypeBuilder<ItemChange> change)
    {
        change.HasKey(c => c.Sequence);
        change.Property(c => c.Sequence).ValueGeneratedOnAdd();
        change.Property(c => c.Type).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.Kind).HasConversion<KindConverter>().HasMaxLength(20);
        change.Property(c => c.Visibility).HasConversion<VisibilityConverter>().HasMaxLength(20);
        change.Property(c => c.Title).HasMaxLength(ItemRules.TitleMaxLength);
        change.Property(c => c.Summary).HasMaxLength(ItemRules.DescriptionMaxLength);
        change.Property(c => c.OwnerOrganisation).HasMaxLength(ItemRules.ShortTextMaxLength);
        change.Property(c => c.MunicipalityCode).HasMaxLength(10);
        change.Property(c => c.DistrictCode).HasMaxLength(10);
        change.Property(c => c.NeighbourhoodCode).HasMaxLength(10);
        change.Property(c => c.Themes).HasMaxLength(500);
        change.HasIndex(c => new { c.MunicipalityCode, c.Sequence });
        change.HasIndex(c => c.ItemId);
        change.HasOne(c => c.Item).WithMany().HasForeignKey(c => c.ItemId);
    }
}
