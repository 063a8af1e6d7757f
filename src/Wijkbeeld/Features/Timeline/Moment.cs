using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Features.Timeline;

/// <summary>
/// Step 3 of WerkwijzerPlus (betekenis geven): a dated moment of an area's history on the behangrol —
/// an incident, intervention, event, project or change in the street, positive or negative, with its source and themes.
/// </summary>
public sealed class Moment
{
    public int Id { get; set; }
    public string AreaCode { get; set; } = "";
    public DateOnly Date { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Kind { get; set; } = "";
    public bool IsPositive { get; set; }
    public string Source { get; set; } = "";

    /// <summary>Theme codes separated by commas.</summary>
    public string Themes { get; set; } = "";
    public Visibility Visibility { get; set; }
    public int? OrganisationId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>Concurrency token; raised on every change and sent as the ETag.</summary>
    public int Version { get; set; }
}

/// <summary>What people saw when they looked at the wall together ("wat zie je?"), linked to the moments it rests on.</summary>
public sealed class Pattern
{
    public int Id { get; set; }
    public string AreaCode { get; set; } = "";
    public string Text { get; set; } = "";
    public Visibility Visibility { get; set; }
    public int? OrganisationId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public List<PatternMoment> Moments { get; set; } = [];
}

public sealed class PatternMoment
{
    public int PatternId { get; set; }
    public int MomentId { get; set; }
}

public static class MomentCatalog
{
    public static readonly string[] Kinds = ["incident", "interventie", "gebeurtenis", "project", "verandering"];

    public static string ToneCode(bool positive) => positive ? "positief" : "negatief";
}

sealed class MomentConfiguration : IEntityTypeConfiguration<Moment>
{
    public void Configure(EntityTypeBuilder<Moment> m)
    {
        m.ToTable("TimelineMoments");
        m.Property(x => x.AreaCode).HasMaxLength(10);
        m.Property(x => x.Title).HasMaxLength(TimelineRules.TitleMaxLength);
        m.Property(x => x.Description).HasMaxLength(TimelineRules.DescriptionMaxLength);
        m.Property(x => x.Kind).HasMaxLength(20);
        m.Property(x => x.Source).HasMaxLength(TimelineRules.SourceMaxLength);
        m.Property(x => x.Themes).HasMaxLength(400);
        m.Property(x => x.Visibility).HasConversion(v => v.Code(), c => TimelineRules.ParseVisibility(c)).HasMaxLength(20);
        m.Property(x => x.CreatedBy).HasMaxLength(200);
        m.Property(x => x.Version).IsConcurrencyToken();
        m.HasIndex(x => new { x.AreaCode, x.Date });
        m.HasOne<Accounts.Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class PatternConfiguration : IEntityTypeConfiguration<Pattern>
{
    public void Configure(EntityTypeBuilder<Pattern> p)
    {
        p.ToTable("TimelinePatterns");
        p.Property(x => x.AreaCode).HasMaxLength(10);
        p.Property(x => x.Text).HasMaxLength(TimelineRules.DescriptionMaxLength);
        p.Property(x => x.Visibility).HasConversion(v => v.Code(), c => TimelineRules.ParseVisibility(c)).HasMaxLength(20);
        p.Property(x => x.CreatedBy).HasMaxLength(200);
        p.HasIndex(x => x.AreaCode);
        p.HasMany(x => x.Moments).WithOne().HasForeignKey(x => x.PatternId).OnDelete(DeleteBehavior.Cascade);
        p.HasOne<Accounts.Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class PatternMomentConfiguration : IEntityTypeConfiguration<PatternMoment>
{
    public void Configure(EntityTypeBuilder<PatternMoment> pm)
    {
        pm.ToTable("TimelinePatternMoments");
        pm.HasKey(x => new { x.PatternId, x.MomentId });
        pm.HasOne<Moment>().WithMany().HasForeignKey(x => x.MomentId).OnDelete(DeleteBehavior.Cascade);
    }
}
