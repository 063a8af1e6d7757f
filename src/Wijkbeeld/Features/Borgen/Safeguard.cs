using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Features.Borgen;

/// <summary>
/// Step 6 of WerkwijzerPlus (successen vasthouden): who owns a success from now on, from which budget, where it is
/// reviewed and when next. A success is an experiment decided "borgen" or a visible action that was done.
/// </summary>
public sealed class Safeguard
{
    public int Id { get; set; }
    public string AreaCode { get; set; } = "";
    public int? ExperimentId { get; set; }
    public int? ActionId { get; set; }

    /// <summary>What is secured, in a few words.</summary>
    public string Title { get; set; } = "";
    public string OwnerOrganisation { get; set; } = "";
    public string OwnerPerson { get; set; } = "";
    public string BudgetLine { get; set; } = "";

    /// <summary>The meeting (overleg) where it comes back on the agenda.</summary>
    public string ReviewMeeting { get; set; } = "";
    public DateOnly NextReviewOn { get; set; }
    public string Notes { get; set; } = "";
    public Visibility Visibility { get; set; }
    public int? OrganisationId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>The review date passed without an update (an update sets the next date).</summary>
    public bool IsOverdue(DateOnly today) => NextReviewOn < today;
}

sealed class SafeguardConfiguration : IEntityTypeConfiguration<Safeguard>
{
    public void Configure(EntityTypeBuilder<Safeguard> g)
    {
        g.Property(x => x.AreaCode).HasMaxLength(10);
        g.Property(x => x.Title).HasMaxLength(SafeguardRules.TitleMaxLength);
        g.Property(x => x.OwnerOrganisation).HasMaxLength(SafeguardRules.ShortMaxLength);
        g.Property(x => x.OwnerPerson).HasMaxLength(SafeguardRules.ShortMaxLength);
        g.Property(x => x.BudgetLine).HasMaxLength(SafeguardRules.ShortMaxLength);
        g.Property(x => x.ReviewMeeting).HasMaxLength(SafeguardRules.ShortMaxLength);
        g.Property(x => x.Notes).HasMaxLength(SafeguardRules.TextMaxLength);
        g.Property(x => x.Visibility).HasConversion(v => v.Code(), c => Timeline.TimelineRules.ParseVisibility(c)).HasMaxLength(20);
        g.Property(x => x.CreatedBy).HasMaxLength(200);
        g.Property(x => x.Version).IsConcurrencyToken();
        g.HasIndex(x => x.AreaCode);
        g.HasIndex(x => x.NextReviewOn);
        g.HasOne<Experiments.Experiment>().WithMany().HasForeignKey(x => x.ExperimentId).OnDelete(DeleteBehavior.SetNull);
        g.HasOne<VisibleActions.VisibleAction>().WithMany().HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.SetNull);
        g.HasOne<Accounts.Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}
