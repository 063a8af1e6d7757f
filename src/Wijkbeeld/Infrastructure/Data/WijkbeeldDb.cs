using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Activity;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Audit;
using Wijkbeeld.Features.Field;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Observations;
using Wijkbeeld.Features.Timeline;
using Wijkbeeld.Features.Experiments;
using Wijkbeeld.Features.Photos;
using Wijkbeeld.Features.Profile;
using Wijkbeeld.Features.Werkagenda;

namespace Wijkbeeld.Infrastructure.Data;

/// <summary>
/// The one model. Each provider has a subclass only so that its migrations live apart
/// (Migrations/Sqlite, Migrations/Postgres); code everywhere uses <see cref="WijkbeeldDb"/>.
/// Items and changes are filtered by the <see cref="Viewer"/> of the request, so no page, export, feed or push
/// can show someone an item they may not see.
/// </summary>
public abstract class WijkbeeldDb(DbContextOptions options, CurrentViewer? viewer) : IdentityDbContext<User, IdentityRole<int>, int>(options)
{
    public const string SoftDeleteFilter = "SoftDelete";
    public const string VisibilityFilter = "Visibility";
    public const string ModerationFilter = "Moderation";

    public Viewer Viewer => viewer?.Get() ?? Viewer.System;

    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Item> Items => Set<Item>();
    public DbSet<ItemTheme> ItemThemes => Set<ItemTheme>();
    public DbSet<ItemUpdate> ItemUpdates => Set<ItemUpdate>();
    public DbSet<ItemLink> ItemLinks => Set<ItemLink>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<ItemChange> ItemChanges => Set<ItemChange>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    // Parameters of the query filters (EF reads them from this instance on every query).
    bool ViewerSeesEverything => Viewer.SeesEverything;
    bool ViewerIsSignedIn => Viewer.IsSignedIn;
    int? ViewerOrganisation => Viewer.OrganisationId;
    // Field work and photos (issue 10)
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Photo> Photos => Set<Photo>();

    // Wijkprofiel
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();

    // Werksessies (issue 6)
    public DbSet<Features.Sessions.Session> Sessions => Set<Features.Sessions.Session>();
    public DbSet<Features.Sessions.SessionParticipant> SessionParticipants => Set<Features.Sessions.SessionParticipant>();
    public DbSet<Features.Sessions.Breakout> SessionBreakouts => Set<Features.Sessions.Breakout>();
    public DbSet<Features.Sessions.InputReaction> SessionReactions => Set<Features.Sessions.InputReaction>();
    public DbSet<Features.Sessions.DraftItem> SessionDrafts => Set<Features.Sessions.DraftItem>();
    public DbSet<Features.Sessions.ParkedTopic> SessionParkedTopics => Set<Features.Sessions.ParkedTopic>();
    public DbSet<Features.Sessions.EvaluationAnswer> SessionEvaluation => Set<Features.Sessions.EvaluationAnswer>();
    public DbSet<Features.Sessions.PromptCard> SessionPromptCards => Set<Features.Sessions.PromptCard>();
    // WerkwijzerPlus (issue 7): observations
    public DbSet<Observation> Observations => Set<Observation>();
    public DbSet<ObservationGroup> ObservationGroups => Set<ObservationGroup>();
    public DbSet<Moment> TimelineMoments => Set<Moment>();
    public DbSet<Pattern> TimelinePatterns => Set<Pattern>();
    public DbSet<Experiment> Experiments => Set<Experiment>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    // Werkagenda, self-scan, koppelkansen and network (issue 8); cases are filtered by WorkCaseQueries.VisibleTo
    public DbSet<WorkCase> WorkCases => Set<WorkCase>();
    public DbSet<SelfScanRound> SelfScanRounds => Set<SelfScanRound>();
    public DbSet<SliderAnswer> SliderAnswers => Set<SliderAnswer>();
    public DbSet<AgendaAction> AgendaActions => Set<AgendaAction>();
    public DbSet<ActionNote> ActionNotes => Set<ActionNote>();
    public DbSet<Features.Koppelkansen.PolicyDriver> PolicyDrivers => Set<Features.Koppelkansen.PolicyDriver>();
    public DbSet<Features.Koppelkansen.LinkOpportunity> LinkOpportunities => Set<Features.Koppelkansen.LinkOpportunity>();
    public DbSet<Features.Network.Meeting> Meetings => Set<Features.Network.Meeting>();
    // Network — who's who, competence game (issue 8); members are filtered by NetworkMembers' visibility rule
    public DbSet<Features.Network.WhosWho.NetworkMember> NetworkMembers => Set<Features.Network.WhosWho.NetworkMember>();
    public DbSet<Features.Network.WhosWho.CompetencePick> CompetencePicks => Set<Features.Network.WhosWho.CompetencePick>();
    public DbSet<Features.Network.WhosWho.CaseCompetence> CaseCompetences => Set<Features.Network.WhosWho.CaseCompetence>();
    // WerkwijzerPlus (issue 7): stories (step 2) and focus themes (step 3)
    public DbSet<Features.Stories.Story> Stories => Set<Features.Stories.Story>();
    public DbSet<Features.Focus.FocusTheme> FocusThemes => Set<Features.Focus.FocusTheme>();
    // Visible actions (step 4) and borgen (step 6) of WerkwijzerPlus (issue 7)
    public DbSet<Features.VisibleActions.VisibleAction> VisibleActions => Set<Features.VisibleActions.VisibleAction>();
    public DbSet<Features.Borgen.Safeguard> Safeguards => Set<Features.Borgen.Safeguard>();
    // Self-scan parts (issue 8): building blocks and social innovation per case; conversation cards are SessionPromptCards (category "gesprek")
    public DbSet<CaseScore> CaseScores => Set<CaseScore>();

    // ItemChange points at its item only so that one SaveChanges can store a new item and its first change;
    // nothing navigates from a change to an item, so the soft-delete filter on Item cannot hide rows there.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WijkbeeldDb).Assembly);
        // Fixed ids: the audit log names roles by id without a lookup.
        modelBuilder.Entity<IdentityRole<int>>().HasData(Features.Accounts.Roles.All.Select(role =>
            new IdentityRole<int> { Id = Features.Accounts.Roles.IdOf(role), Name = role, NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = role }));

        var item = modelBuilder.Entity<Item>();
        item.HasQueryFilter(SoftDeleteFilter, i => !i.IsDeleted);
        item.HasQueryFilter(ModerationFilter, i => i.Moderation == ModerationState.Approved);
        item.HasQueryFilter(VisibilityFilter, i => ViewerSeesEverything || i.Visibility == Visibility.Public
            || (ViewerIsSignedIn && i.Visibility == Visibility.Partners)
            || (i.Visibility == Visibility.Organisation && ViewerOrganisation != null && i.OrganisationId == ViewerOrganisation));
        modelBuilder.Entity<ItemChange>().HasQueryFilter(VisibilityFilter, c => ViewerSeesEverything || c.Visibility == Visibility.Public
            || (ViewerIsSignedIn && c.Visibility == Visibility.Partners)
            || (c.Visibility == Visibility.Organisation && ViewerOrganisation != null && c.OrganisationId == ViewerOrganisation));
        // WerkwijzerPlus (issue 7): the same visibility rule as items.
        modelBuilder.Entity<Observation>().HasQueryFilter(VisibilityFilter, o => ViewerSeesEverything || o.Visibility == Visibility.Public
            || (ViewerIsSignedIn && o.Visibility == Visibility.Partners)
            || (o.Visibility == Visibility.Organisation && ViewerOrganisation != null && o.OrganisationId == ViewerOrganisation));
        modelBuilder.Entity<Moment>().HasQueryFilter(VisibilityFilter, m => ViewerSeesEverything || m.Visibility == Visibility.Public
            || (ViewerIsSignedIn && m.Visibility == Visibility.Partners)
            || (m.Visibility == Visibility.Organisation && ViewerOrganisation != null && m.OrganisationId == ViewerOrganisation));
        modelBuilder.Entity<Pattern>().HasQueryFilter(VisibilityFilter, p => ViewerSeesEverything || p.Visibility == Visibility.Public
            || (ViewerIsSignedIn && p.Visibility == Visibility.Partners)
            || (p.Visibility == Visibility.Organisation && ViewerOrganisation != null && p.OrganisationId == ViewerOrganisation));
        modelBuilder.Entity<Experiment>().HasQueryFilter(VisibilityFilter, e => ViewerSeesEverything || e.Visibility == Visibility.Public
            || (ViewerIsSignedIn && e.Visibility == Visibility.Partners)
            || (e.Visibility == Visibility.Organisation && ViewerOrganisation != null && e.OrganisationId == ViewerOrganisation));
        // WerkwijzerPlus (issue 7): stories are moderated like items; stories and focus themes follow the same visibility rule.
        var story = modelBuilder.Entity<Features.Stories.Story>();
        story.HasQueryFilter(ModerationFilter, s => s.Moderation == ModerationState.Approved);
        story.HasQueryFilter(VisibilityFilter, s => ViewerSeesEverything || s.Visibility == Visibility.Public
            || (ViewerIsSignedIn && s.Visibility == Visibility.Partners)
            || (s.Visibility == Visibility.Organisation && ViewerOrganisation != null && s.OrganisationId == ViewerOrganisation));
        modelBuilder.Entity<Features.Focus.FocusTheme>().HasQueryFilter(VisibilityFilter, f => ViewerSeesEverything || f.Visibility == Visibility.Public
            || (ViewerIsSignedIn && f.Visibility == Visibility.Partners)
            || (f.Visibility == Visibility.Organisation && ViewerOrganisation != null && f.OrganisationId == ViewerOrganisation));
        // Visible actions and borgen (issue 7): the same visibility rule as items.
        modelBuilder.Entity<Features.VisibleActions.VisibleAction>().HasQueryFilter(VisibilityFilter, a => ViewerSeesEverything || a.Visibility == Visibility.Public
            || (ViewerIsSignedIn && a.Visibility == Visibility.Partners)
            || (a.Visibility == Visibility.Organisation && ViewerOrganisation != null && a.OrganisationId == ViewerOrganisation));
        modelBuilder.Entity<Features.Borgen.Safeguard>().HasQueryFilter(VisibilityFilter, g => ViewerSeesEverything || g.Visibility == Visibility.Public
            || (ViewerIsSignedIn && g.Visibility == Visibility.Partners)
            || (g.Visibility == Visibility.Organisation && ViewerOrganisation != null && g.OrganisationId == ViewerOrganisation));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    /// <summary>Every save of audited rows also writes the audit log, in the same transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var audits = AuditTrail.Collect(ChangeTracker, Viewer, DateTime.UtcNow).Select(a => (a.Entry, a.Audit, a.Entry.State)).ToList();
        if (audits.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        AuditLog.AddRange(audits.Select(a => AuditTrail.Complete(a.Entry, a.Audit, a.State)));
        await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();
}

public sealed class SqliteWijkbeeldDb(DbContextOptions<SqliteWijkbeeldDb> options, CurrentViewer? viewer = null) : WijkbeeldDb(options, viewer);

public sealed class PostgresWijkbeeldDb(DbContextOptions<PostgresWijkbeeldDb> options, CurrentViewer? viewer = null) : WijkbeeldDb(options, viewer);
