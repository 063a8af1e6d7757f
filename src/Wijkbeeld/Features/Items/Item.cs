using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Wijkbeeld.Features.Areas;

namespace Wijkbeeld.Features.Items;

public sealed class Item : IPlacedInArea
{
    public int Id { get; set; }
    public ItemKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public string MunicipalityCode { get; set; } = "";
    public string? DistrictCode { get; set; }
    public string? NeighbourhoodCode { get; set; }
    public string Status { get; set; } = "";
    public string? OwnerOrganisation { get; set; }
    public string? Contact { get; set; }
    public Visibility Visibility { get; set; }

    /// <summary>The Wijkbeeld organisation the item belongs to: its members change it and see it when it is "eigen organisatie".</summary>
    public int? OrganisationId { get; set; }

    /// <summary>Contributions from the public wait for a coordinator; everything else is approved when saved.</summary>
    public ModerationState Moderation { get; set; }
    public string? ModerationNote { get; set; }
    public string? Source { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public bool IsDeleted { get; set; }
    public DateTime? DeletedAt { get; set; }

    /// <summary>Concurrency token; raised on every change and sent as the ETag.</summary>
    public int Version { get; set; }

    public List<ItemTheme> Themes { get; set; } = [];
    public List<ItemUpdate> Updates { get; set; } = [];
    public List<ItemLink> Links { get; set; } = [];
}

public sealed class ItemTheme
{
    public int ItemId { get; set; }
    public string ThemeCode { get; set; } = "";
}

public enum ItemUpdateType { Created, Edited, Comment, Deleted, Imported, Supported }

/// <summary>One line of an item's log: what changed or what someone wrote.</summary>
public enum ModerationState { Approved, Pending, Rejected, Merged }

public sealed class ItemUpdate
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public DateTime At { get; set; }
    public ItemUpdateType Type { get; set; }
    public string? Author { get; set; }

    /// <summary>The account that wrote it, so a deleted account's name can be replaced by "verwijderde gebruiker".</summary>
    public int? AuthorId { get; set; }
    public string Text { get; set; } = "";
}

public sealed class ItemLink
{
    public int ItemId { get; set; }
    public int RelatedItemId { get; set; }
}

sealed class ItemConfiguration : IEntityTypeConfiguration<Item>
{
    public void Configure(EntityTypeBuilder<Item> item)
    {
        item.Property(i => i.Kind).HasConversion<KindConverter>().HasMaxLength(20);
        item.Property(i => i.Visibility).HasConversion<VisibilityConverter>().HasMaxLength(20);
        item.Property(i => i.Title).HasMaxLength(ItemRules.TitleMaxLength);
        item.Property(i => i.Description).HasMaxLength(ItemRules.DescriptionMaxLength);
        item.Property(i => i.Status).HasMaxLength(30);
        item.Property(i => i.MunicipalityCode).HasMaxLength(10);
        item.Property(i => i.DistrictCode).HasMaxLength(10);
        item.Property(i => i.NeighbourhoodCode).HasMaxLength(10);
        item.Property(i => i.OwnerOrganisation).HasMaxLength(ItemRules.ShortTextMaxLength);
        item.Property(i => i.Contact).HasMaxLength(ItemRules.ShortTextMaxLength);
        item.Property(i => i.Source).HasMaxLength(ItemRules.ShortTextMaxLength);
        item.Property(i => i.Version).IsConcurrencyToken();
        // Bounding-box queries filter on longitude first, then latitude.
        item.HasIndex(i => new { i.Longitude, i.Latitude });
        item.HasIndex(i => i.NeighbourhoodCode);
        item.HasIndex(i => i.DistrictCode);
        item.HasIndex(i => i.UpdatedAt);
        item.Property(i => i.Moderation).HasConversion<string>().HasMaxLength(20);
        item.Property(i => i.ModerationNote).HasMaxLength(ItemRules.ShortTextMaxLength);
        item.HasIndex(i => i.Moderation);
        item.HasOne<Accounts.Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        item.HasMany(i => i.Themes).WithOne().HasForeignKey(t => t.ItemId);
        item.HasMany(i => i.Updates).WithOne().HasForeignKey(u => u.ItemId);
        item.HasMany(i => i.Links).WithOne().HasForeignKey(l => l.ItemId);
    }
}

/// <summary>Kinds and visibilities are stored as their Dutch codes, readable in the database and exports.</summary>
sealed class KindConverter() : ValueConverter<ItemKind, string>(k => k.Code(), c => ParseKind(c))
{
    static ItemKind ParseKind(string code) => ItemCatalog.TryParseKind(code, out var kind) ? kind : ItemKind.Facility;
}

sealed class VisibilityConverter() : ValueConverter<Visibility, string>(v => v.Code(), c => ParseVisibility(c))
{
    static Visibility ParseVisibility(string code) => ItemCatalog.TryParseVisibility(code, out var v) ? v : Visibility.Organisation;
}

sealed class ItemThemeConfiguration : IEntityTypeConfiguration<ItemTheme>
{
    public void Configure(EntityTypeBuilder<ItemTheme> theme)
    {
        theme.HasKey(t => new { t.ItemId, t.ThemeCode });
        theme.Property(t => t.ThemeCode).HasMaxLength(40);
        theme.HasIndex(t => t.ThemeCode);
    }
}

sealed class ItemUpdateConfiguration : IEntityTypeConfiguration<ItemUpdate>
{
    public void Configure(EntityTypeBuilder<ItemUpdate> update)
    {
        update.Property(u => u.Type).HasConversion<string>().HasMaxLength(20);
        update.Property(u => u.Author).HasMaxLength(ItemRules.ShortTextMaxLength);
        update.Property(u => u.Text).HasMaxLength(ItemRules.DescriptionMaxLength);
        update.HasIndex(u => new { u.ItemId, u.At });
    }
}

sealed class ItemLinkConfiguration : IEntityTypeConfiguration<ItemLink>
{
    public void Configure(EntityTypeBuilder<ItemLink> link) => link.HasKey(l => new { l.ItemId, l.RelatedItemId });
}
