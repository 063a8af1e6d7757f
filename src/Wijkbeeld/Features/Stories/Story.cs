using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Features.Stories;

/// <summary>
/// Step 2 of WerkwijzerPlus (verhalen ophalen): a short anonymous story or quote from a resident, young person,
/// entrepreneur or professional, with its source type, themes, area, date and optionally a place.
/// Residents tell one without an account; it stays hidden until a moderator approves it.
/// </summary>
public sealed class Story : IPlacedInArea
{
    public int Id { get; set; }
    public string Text { get; set; } = "";
    public string SourceType { get; set; } = "";

    /// <summary>Theme codes (the item themes) separated by commas.</summary>
    public string Themes { get; set; } = "";

    /// <summary>The buurt or wijk the story is about.</summary>
    public string AreaCode { get; set; } = "";
    public string MunicipalityCode { get; set; } = "";
    public string? DistrictCode { get; set; }
    public string? NeighbourhoodCode { get; set; }
    public DateOnly ToldOn { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public Visibility Visibility { get; set; }
    public int? OrganisationId { get; set; }
    public int? CreatedById { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public ModerationState Moderation { get; set; }
    public string? ModerationNote { get; set; }

    /// <summary>Concurrency token; raised on every change and sent as the ETag.</summary>
    public int Version { get; set; }
}

/// <summary>The fixed list of who told a story.</summary>
public static class StoryCatalog
{
    public static readonly string[] Sources = ["bewoner", "jongere", "ouder", "ondernemer", "professional", "anders"];

    public static string[] SplitThemes(string themes) => themes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> s)
    {
        s.Property(x => x.Text).HasMaxLength(StoryRules.TextMaxLength);
        s.Property(x => x.SourceType).HasMaxLength(20);
        s.Property(x => x.Themes).HasMaxLength(400);
        s.Property(x => x.AreaCode).HasMaxLength(10);
        s.Property(x => x.MunicipalityCode).HasMaxLength(10);
        s.Property(x => x.DistrictCode).HasMaxLength(10);
        s.Property(x => x.NeighbourhoodCode).HasMaxLength(10);
        s.Property(x => x.Visibility).HasConversion(v => v.Code(), c => ParseVisibility(c)).HasMaxLength(20);
        s.Property(x => x.CreatedBy).HasMaxLength(200);
        s.Property(x => x.Moderation).HasConversion<string>().HasMaxLength(20);
        s.Property(x => x.ModerationNote).HasMaxLength(ItemRules.ShortTextMaxLength);
        s.Property(x => x.Version).IsConcurrencyToken();
        s.HasIndex(x => x.AreaCode);
        s.HasIndex(x => x.DistrictCode);
        s.HasIndex(x => x.NeighbourhoodCode);
        s.HasIndex(x => x.Moderation);
        s.HasOne<Accounts.Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }

    static Visibility ParseVisibility(string code) => ItemCatalog.TryParseVisibility(code, out var v) ? v : Visibility.Organisation;
}
