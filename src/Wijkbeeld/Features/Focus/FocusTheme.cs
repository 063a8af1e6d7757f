using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Observations;
using Wijkbeeld.Features.Stories;
using Wijkbeeld.Features.Timeline;

namespace Wijkbeeld.Features.Focus;

/// <summary>
/// Step 3 of WerkwijzerPlus (betekenis geven): a focus theme the team chooses for an area, with the reason why and the
/// patterns, stories and observations it rests on. Visible actions (step 4) link to it by its id.
/// </summary>
public sealed class FocusTheme
{
    public int Id { get; set; }
    public string AreaCode { get; set; } = "";
    public string Title { get; set; } = "";
    public string Reason { get; set; } = "";
    public Visibility Visibility { get; set; }
    public int? OrganisationId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>Concurrency token; raised on every change and sent as the ETag.</summary>
    public int Version { get; set; }
    public List<FocusThemePattern> Patterns { get; set; } = [];
    public List<FocusThemeStory> Stories { get; set; } = [];
    public List<FocusThemeObservation> Observations { get; set; } = [];
}

public sealed class FocusThemePattern
{
    public int FocusThemeId { get; set; }
    public int PatternId { get; set; }
}

public sealed class FocusThemeStory
{
    public int FocusThemeId { get; set; }
    public int StoryId { get; set; }
}

public sealed class FocusThemeObservation
{
    public int FocusThemeId { get; set; }
    public int ObservationId { get; set; }
}

sealed class FocusThemeConfiguration : IEntityTypeConfiguration<FocusTheme>
{
    public void Configure(EntityTypeBuilder<FocusTheme> f)
    {
        f.ToTable("FocusThemes");
        f.Property(x => x.AreaCode).HasMaxLength(10);
        f.Property(x => x.Title).HasMaxLength(FocusRules.TitleMaxLength);
        f.Property(x => x.Reason).HasMaxLength(FocusRules.ReasonMaxLength);
        f.Property(x => x.Visibility).HasConversion(v => v.Code(), c => TimelineRules.ParseVisibility(c)).HasMaxLength(20);
        f.Property(x => x.CreatedBy).HasMaxLength(200);
        f.Property(x => x.Version).IsConcurrencyToken();
        f.HasIndex(x => x.AreaCode);
        f.HasMany(x => x.Patterns).WithOne().HasForeignKey(x => x.FocusThemeId).OnDelete(DeleteBehavior.Cascade);
        f.HasMany(x => x.Stories).WithOne().HasForeignKey(x => x.FocusThemeId).OnDelete(DeleteBehavior.Cascade);
        f.HasMany(x => x.Observations).WithOne().HasForeignKey(x => x.FocusThemeId).OnDelete(DeleteBehavior.Cascade);
        f.HasOne<Accounts.Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class FocusThemePatternConfiguration : IEntityTypeConfiguration<FocusThemePattern>
{
    public void Configure(EntityTypeBuilder<FocusThemePattern> l)
    {
        l.ToTable("FocusThemePatterns");
        l.HasKey(x => new { x.FocusThemeId, x.PatternId });
        l.HasOne<Pattern>().WithMany().HasForeignKey(x => x.PatternId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class FocusThemeStoryConfiguration : IEntityTypeConfiguration<FocusThemeStory>
{
    public void Configure(EntityTypeBuilder<FocusThemeStory> l)
    {
        l.ToTable("FocusThemeStories");
        l.HasKey(x => new { x.FocusThemeId, x.StoryId });
        l.HasOne<Story>().WithMany().HasForeignKey(x => x.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class FocusThemeObservationConfiguration : IEntityTypeConfiguration<FocusThemeObservation>
{
    public void Configure(EntityTypeBuilder<FocusThemeObservation> l)
    {
        l.ToTable("FocusThemeObservations");
        l.HasKey(x => new { x.FocusThemeId, x.ObservationId });
        l.HasOne<Observation>().WithMany().HasForeignKey(x => x.ObservationId).OnDelete(DeleteBehavior.Cascade);
    }
}
