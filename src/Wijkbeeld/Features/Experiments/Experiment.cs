using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Features.Experiments;

/// <summary>
/// Step 5 of WerkwijzerPlus (experimenteren): a bounded try-out that disturbs a pattern, with its stop criterion,
/// removal plan, a short survey people answer through a QR code on the spot, and the decision at the end.
/// </summary>
public sealed class Experiment
{
    public int Id { get; set; }
    public string AreaCode { get; set; } = "";
    public string Title { get; set; } = "";
    public string Hypothesis { get; set; } = "";

    /// <summary>The timeline pattern the experiment tries to disturb, if it was recorded.</summary>
    public int? PatternId { get; set; }
    public string Place { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public string Partners { get; set; } = "";
    public string StopCriterion { get; set; } = "";
    public string RemovalPlan { get; set; } = "";
    public string Evaluation { get; set; } = "";

    /// <summary>doorgaan, stoppen or borgen; null while it runs.</summary>
    public string? Decision { get; set; }

    /// <summary>The secret part of the public survey address (/enquete/{token}); whoever has the QR code may answer.</summary>
    public string SurveyToken { get; set; } = "";
    public Visibility Visibility { get; set; }
    public int? OrganisationId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
    public List<SurveyQuestion> Questions { get; set; } = [];
}

public sealed class SurveyQuestion
{
    public int Id { get; set; }
    public int ExperimentId { get; set; }
    public int Position { get; set; }

    /// <summary>keuze (multiple choice), schaal (1–5) or open.</summary>
    public string Kind { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>The choices of a keuze question, one per line.</summary>
    public string Options { get; set; } = "";
}

public sealed class SurveyResponse
{
    public int Id { get; set; }
    public int ExperimentId { get; set; }
    public DateTime At { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
}

public sealed class SurveyAnswer
{
    public int Id { get; set; }
    public int ResponseId { get; set; }
    public int QuestionId { get; set; }
    public string Value { get; set; } = "";
}

sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> e)
    {
        e.Property(x => x.AreaCode).HasMaxLength(10);
        e.Property(x => x.Title).HasMaxLength(ExperimentRules.TitleMaxLength);
        e.Property(x => x.Hypothesis).HasMaxLength(ExperimentRules.TextMaxLength);
        e.Property(x => x.Place).HasMaxLength(ExperimentRules.ShortMaxLength);
        e.Property(x => x.Partners).HasMaxLength(ExperimentRules.ShortMaxLength);
        e.Property(x => x.StopCriterion).HasMaxLength(ExperimentRules.TextMaxLength);
        e.Property(x => x.RemovalPlan).HasMaxLength(ExperimentRules.TextMaxLength);
        e.Property(x => x.Evaluation).HasMaxLength(ExperimentRules.TextMaxLength);
        e.Property(x => x.Decision).HasMaxLength(20);
        e.Property(x => x.SurveyToken).HasMaxLength(40);
        e.HasIndex(x => x.SurveyToken).IsUnique();
        e.HasIndex(x => x.AreaCode);
        e.Property(x => x.Visibility).HasConversion(v => v.Code(), c => Timeline.TimelineRules.ParseVisibility(c)).HasMaxLength(20);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Questions).WithOne().HasForeignKey(q => q.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Timeline.Pattern>().WithMany().HasForeignKey(x => x.PatternId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Accounts.Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> q)
    {
        q.Property(x => x.Kind).HasMaxLength(10);
        q.Property(x => x.Text).HasMaxLength(ExperimentRules.QuestionMaxLength);
        q.Property(x => x.Options).HasMaxLength(1000);
    }
}

sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> r)
    {
        r.HasIndex(x => x.ExperimentId);
        r.HasOne<Experiment>().WithMany().HasForeignKey(x => x.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        r.HasMany(x => x.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> a)
    {
        a.Property(x => x.Value).HasMaxLength(ExperimentRules.OpenAnswerMaxLength);
        a.HasOne<SurveyQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
