using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Features.Audit;

/// <summary>Turns the tracked changes of one save into audit entries; keys of new rows are read after the save.</summary>
static class AuditTrail
{
    public static class Actions
    {
        public const string Created = "aangemaakt";
        public const string Updated = "gewijzigd";
        public const string Deleted = "verwijderd";
        public const string Approved = "goedgekeurd";
        public const string Rejected = "afgewezen";
        public const string Merged = "samengevoegd";
        public const string RoleChanged = "rol-gewijzigd";
    }

    // Secrets and bookkeeping that change on every sign-in: never in the log, and not worth an entry on their own.
    static readonly HashSet<string> Hidden =
    [
        nameof(User.PasswordHash), nameof(User.SecurityStamp), nameof(User.ConcurrencyStamp), nameof(User.NormalizedEmail),
        nameof(User.NormalizedUserName), nameof(User.AccessFailedCount), nameof(User.LockoutEnd), nameof(Invitation.TokenHash),
        nameof(Item.Version), nameof(Organisation.Version), nameof(Sessions.SessionParticipant.TokenHash), nameof(Timeline.Moment.Version),
        // Who's who: phone and e-mail are stored with consent only; the log says they changed, never what they were.
        nameof(Network.WhosWho.NetworkMember.ContactPhone), nameof(Network.WhosWho.NetworkMember.ContactEmail),
    ];

    static readonly Dictionary<Type, string> Audited = new()
    {
        [typeof(Item)] = "item", [typeof(Organisation)] = "organisatie", [typeof(User)] = "account",
        [typeof(IdentityUserRole<int>)] = "account", [typeof(Invitation)] = "uitnodiging", [typeof(Area)] = "gebied",
        // Werksessies: the session and the deck; drafts are working notes moved every few seconds (their items are audited when made).
        [typeof(Sessions.Session)] = "werksessie", [typeof(Sessions.PromptCard)] = "reflectievraag",
        [typeof(Observations.Observation)] = "observatie", [typeof(Observations.ObservationGroup)] = "observatiegroep",
        [typeof(Timeline.Moment)] = "tijdlijnmoment", [typeof(Timeline.Pattern)] = "patroon",
        [typeof(Experiments.Experiment)] = "experiment", [typeof(Experiments.SurveyQuestion)] = "enquetevraag",
        [typeof(Werkagenda.WorkCase)] = "casus", [typeof(Werkagenda.SelfScanRound)] = "schuivenronde", [typeof(Werkagenda.SliderAnswer)] = "schuif", [typeof(Werkagenda.AgendaAction)] = "actie", [typeof(Werkagenda.ActionNote)] = "actienotitie",
        [typeof(Koppelkansen.PolicyDriver)] = "drager", [typeof(Koppelkansen.LinkOpportunity)] = "koppelkans",
        [typeof(Stories.Story)] = "verhaal", [typeof(Focus.FocusTheme)] = "focusthema",
        [typeof(Werkagenda.CaseScore)] = "reflectiescore",
        [typeof(Network.Meeting)] = "overleg", [typeof(Network.MeetingParticipant)] = "overlegdeelnemer",
        [typeof(Network.WhosWho.NetworkMember)] = "netwerkpersoon", [typeof(Network.WhosWho.CompetencePick)] = "competentie", [typeof(Network.WhosWho.CaseCompetence)] = "casuscompetentie",
        [typeof(VisibleActions.VisibleAction)] = "zichtbare actie", [typeof(Borgen.Safeguard)] = "borging",
    };

    /// <summary>The kinds of thing the log names, for searching it.</summary>
    public static IReadOnlyList<string> EntityTypes { get; } = Audited.Values.Distinct().ToList();

    public static List<(EntityEntry Entry, AuditEntry Audit)> Collect(ChangeTracker tracker, Viewer viewer, DateTime now)
    {
        var result = new List<(EntityEntry, AuditEntry)>();
        foreach (var entry in tracker.Entries())
        {
            if (!Audited.TryGetValue(entry.Metadata.ClrType, out var type) || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            var changed = entry.State == EntityState.Modified
                ? entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue) && !Hidden.Contains(p.Metadata.Name)).ToList()
                : [];
            if (entry.State == EntityState.Modified && changed.Count == 0)
            {
                continue;
            }
            var audit = new AuditEntry
            {
                At = now, UserId = viewer.UserId, UserName = viewer.Name ?? "onbekend", EntityType = type,
                Action = ActionFor(entry, changed),
            };
            if (entry.Entity is IdentityUserRole<int> role)
            {
                audit.Action = Actions.RoleChanged;
                var value = Json(new Dictionary<string, object?> { ["rol"] = RoleName(role.RoleId) });
                (audit.Before, audit.After) = entry.State == EntityState.Deleted ? (value, (string?)null) : ((string?)null, value);
            }
            else if (entry.State == EntityState.Modified)
            {
                audit.Before = Json(changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue));
                audit.After = Json(changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue));
            }
            else if (entry.State == EntityState.Deleted)
            {
                audit.Before = Values(entry, p => p.OriginalValue);
            }
            result.Add((entry, audit));
        }
        return result;
    }

    /// <summary>After the save: keys (and values) generated by the database are known.</summary>
    public static AuditEntry Complete(EntityEntry entry, AuditEntry audit, EntityState stateBefore)
    {
        audit.EntityId = entry.Entity switch
        {
            IdentityUserRole<int> role => role.UserId.ToString(CultureInfo.InvariantCulture),
            _ => string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture))),
        };
        if (stateBefore == EntityState.Added && entry.Entity is not IdentityUserRole<int>)
        {
            audit.After = Values(entry, p => p.CurrentValue);
        }
        return audit;
    }

    static string ActionFor(EntityEntry entry, List<PropertyEntry> changed)
    {
        if (entry.State == EntityState.Added) return Actions.Created;
        if (entry.State == EntityState.Deleted) return Actions.Deleted;
        if (changed.FirstOrDefault(p => p.Metadata.Name == nameof(Item.Moderation)) is { } moderation)
        {
            return moderation.CurrentValue switch
            {
                ModerationState.Approved => Actions.Approved,
                ModerationState.Rejected => Actions.Rejected,
                ModerationState.Merged => Actions.Merged,
                _ => Actions.Updated,
            };
        }
        return changed.Any(p => p.Metadata.Name == nameof(Item.IsDeleted) && Equals(p.CurrentValue, true)) ? Actions.Deleted : Actions.Updated;
    }

    static string Values(EntityEntry entry, Func<PropertyEntry, object?> value) =>
        Json(entry.Properties.Where(p => !Hidden.Contains(p.Metadata.Name)).ToDictionary(p => p.Metadata.Name, value));

    static string Json(Dictionary<string, object?> values) => JsonSerializer.Serialize(values, JsonSerializerOptions.Web);

    static string RoleName(int roleId) => Roles.NameOf(roleId) ?? roleId.ToString(CultureInfo.InvariantCulture);
}
