using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Features.VisibleActions;

/// <summary>
/// Step 4 of WerkwijzerPlus (zichtbare acties): a small action that shows the neighbourhood something happens,
/// with its goal, owner, partners, place, date, status and a short evaluation with a photo.
/// </summary>
public sealed class VisibleAction
{
    public int Id { get; set; }

    /// <summary>The wijk or buurt the action belongs to.</summary>
    public string AreaCode { get; set; } = "";
    public string Title { get; set; } = "";
    public string Goal { get; set; } = "";

    /// <summary>Who carries it out: an organisation or a person, as text.</summary>
    public string Owner { get; set; } = "";

    /// <summary>Organisations and residents who take part, one per line.</summary>
    public string Partners { get; set; } = "";
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>gepland, bezig, gedaan or gestopt.</summary>
    public string Status { get; set; } = "gepland";
    public string Evaluation { get; set; } = "";

    /// <summary>The evaluation photo, cleaned and stored by the photo store (no row of its own).</summary>
    public Guid? PhotoId { get; set; }

    /// <summary>The focus theme (step 3) this action works on; cleared when the theme is removed.</summary>
    public int? FocusThemeId { get; set; }
    public Visibility Visibility { get; set; }
    public int? OrganisationId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

sealed class VisibleActionConfiguration : IEntityTypeConfiguration<VisibleAction>
{
    public void Configure(EntityTypeBuilder<VisibleAction> a)
    {
        a.ToTable("VisibleActions");
        a.Property(x => x.AreaCode).HasMaxLength(10);
        a.Property(x => x.Title).HasMaxLength(VisibleActionRules.TitleMaxLength);
        a.Property(x => x.Goal).HasMaxLength(VisibleActionRules.TextMaxLength);
        a.Property(x => x.Owner).HasMaxLength(VisibleActionRules.ShortMaxLength);
        a.Property(x => x.Partners).HasMaxLength(VisibleActionRules.PartnersMaxLength);
        a.Property(x => x.Status).HasMaxLength(10);
        a.Property(x => x.Evaluation).HasMaxLength(VisibleActionRules.TextMaxLength);
        a.Property(x => x.Visibility).HasConversion(v => v.Code(), c => Timeline.TimelineRules.ParseVisibility(c)).HasMaxLength(20);
        a.Property(x => x.CreatedBy).HasMaxLength(200);
        a.Property(x => x.Version).IsConcurrencyToken();
        a.HasIndex(x => x.AreaCode);
        a.HasIndex(x => x.Date);
        a.HasOne<Focus.FocusTheme>().WithMany().HasForeignKey(x => x.FocusThemeId).OnDelete(DeleteBehavior.SetNull);
        a.HasOne<Accounts.Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}
