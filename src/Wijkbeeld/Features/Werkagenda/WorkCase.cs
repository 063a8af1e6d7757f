using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Features.Werkagenda;

/// <summary>
/// A case ("casus") a team works on: its local work agenda (situation, reflection, direction), the self-scan rounds
/// and the SMART actions. Shared with partners (every signed-in account) or only the own organisation;
/// coordinators and administrators see every agenda.
/// </summary>
public sealed class WorkCase
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string? AreaCode { get; set; }
    public string Situation { get; set; } = "";
    public string Reflection { get; set; } = "";
    public string Direction { get; set; } = "";
    public Visibility Visibility { get; set; } = Visibility.Partners;
    public int? OrganisationId { get; set; }
    public int? CreatedById { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    /// <summary>Version of the building-blocks scores (their ETag); changes apart from the case's own version.</summary>
    public int BlocksVersion { get; set; } = 1;
    /// <summary>Version of the social-innovation scores (their ETag).</summary>
    public int InnovationVersion { get; set; } = 1;
}

/// <summary>One round of the five sliders for a case; a later round is compared with the one before it.</summary>
public sealed class SelfScanRound
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public string Name { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>One participant's "nu" and "gewenst" position (1–10) on one slider in one round, with the reason.</summary>
public sealed class SliderAnswer
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int UserId { get; set; }
    public string UserName { get; set; } = "";
    public string Slider { get; set; } = "";
    public int Now { get; set; }
    public int Intended { get; set; }
    public string Reason { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A SMART action on a case's work agenda: what, who (owner, partners), how, when, measurable result.</summary>
public sealed class AgendaAction
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public string What { get; set; } = "";
    public string Owner { get; set; } = "";
    public string Partners { get; set; } = "";
    public string How { get; set; } = "";
    public DateOnly Deadline { get; set; }
    public string MeasurableResult { get; set; } = "";
    public string Status { get; set; } = ActionStatuses.Open;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<ActionNote> Notes { get; set; } = [];

    /// <summary>Past its deadline and not done or stopped.</summary>
    public static bool IsOverdue(DateOnly deadline, string status, DateOnly today) =>
        deadline < today && status is not (ActionStatuses.Done or ActionStatuses.Stopped);
}

/// <summary>A dated progress note on an action.</summary>
public sealed class ActionNote
{
    public int Id { get; set; }
    public int ActionId { get; set; }
    public DateTime At { get; set; }
    public string Author { get; set; } = "";
    public string Text { get; set; } = "";
}

public static class ActionStatuses
{
    public const string Open = "open";
    public const string Busy = "bezig";
    public const string Done = "klaar";
    public const string Stopped = "gestopt";
    public static readonly string[] All = [Open, Busy, Done, Stopped];
}

static class WorkCaseQueries
{
    /// <summary>The visibility rule for cases: partners (signed in), own organisation; coordinators and administrators see all.</summary>
    public static IQueryable<WorkCase> VisibleTo(this IQueryable<WorkCase> cases, Viewer viewer)
    {
        if (viewer.CanModerate) return cases;
        if (!viewer.IsSignedIn) return cases.Where(c => false);
        var organisation = viewer.OrganisationId;
        return cases.Where(c => c.Visibility == Visibility.Partners || (c.Visibility == Visibility.Organisation && organisation != null && c.OrganisationId == organisation));
    }

    public static bool MayChange(this Viewer viewer, WorkCase c) => viewer.CanModerate || (viewer.CanWrite && (c.OrganisationId is null || c.OrganisationId == viewer.OrganisationId));
}

sealed class WorkCaseConfiguration : IEntityTypeConfiguration<WorkCase>
{
    public void Configure(EntityTypeBuilder<WorkCase> c)
    {
        c.Property(x => x.Title).HasMaxLength(WerkagendaRules.TitleMax);
        c.Property(x => x.AreaCode).HasMaxLength(10);
        c.Property(x => x.Situation).HasMaxLength(WerkagendaRules.LongTextMax);
        c.Property(x => x.Reflection).HasMaxLength(WerkagendaRules.LongTextMax);
        c.Property(x => x.Direction).HasMaxLength(WerkagendaRules.LongTextMax);
        c.Property(x => x.CreatedBy).HasMaxLength(200);
        c.Property(x => x.Visibility).HasConversion<VisibilityConverter>().HasMaxLength(20);
        c.Property(x => x.Version).IsConcurrencyToken();
        c.Property(x => x.BlocksVersion).IsConcurrencyToken().HasDefaultValue(1);
        c.Property(x => x.InnovationVersion).IsConcurrencyToken().HasDefaultValue(1);
        c.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class SelfScanRoundConfiguration : IEntityTypeConfiguration<SelfScanRound>
{
    public void Configure(EntityTypeBuilder<SelfScanRound> r)
    {
        r.Property(x => x.Name).HasMaxLength(WerkagendaRules.TitleMax);
        r.Property(x => x.CreatedBy).HasMaxLength(200);
        r.HasOne<WorkCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SliderAnswerConfiguration : IEntityTypeConfiguration<SliderAnswer>
{
    public void Configure(EntityTypeBuilder<SliderAnswer> a)
    {
        a.Property(x => x.Slider).HasMaxLength(40);
        a.Property(x => x.UserName).HasMaxLength(200);
        a.Property(x => x.Reason).HasMaxLength(WerkagendaRules.ReasonMax);
        a.HasIndex(x => new { x.RoundId, x.UserId, x.Slider }).IsUnique();
        a.HasOne<SelfScanRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class AgendaActionConfiguration : IEntityTypeConfiguration<AgendaAction>
{
    public void Configure(EntityTypeBuilder<AgendaAction> a)
    {
        a.Property(x => x.What).HasMaxLength(WerkagendaRules.TitleMax);
        a.Property(x => x.Owner).HasMaxLength(WerkagendaRules.ShortMax);
        a.Property(x => x.Partners).HasMaxLength(WerkagendaRules.ShortMax);
        a.Property(x => x.How).HasMaxLength(WerkagendaRules.LongTextMax);
        a.Property(x => x.MeasurableResult).HasMaxLength(WerkagendaRules.ShortMax);
        a.Property(x => x.Status).HasMaxLength(20);
        a.Property(x => x.Version).IsConcurrencyToken();
        a.HasIndex(x => x.CaseId);
        a.HasOne<WorkCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        a.HasMany(x => x.Notes).WithOne().HasForeignKey(n => n.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ActionNoteConfiguration : IEntityTypeConfiguration<ActionNote>
{
    public void Configure(EntityTypeBuilder<ActionNote> n)
    {
        n.Property(x => x.Author).HasMaxLength(200);
        n.Property(x => x.Text).HasMaxLength(WerkagendaRules.ReasonMax);
    }
}
