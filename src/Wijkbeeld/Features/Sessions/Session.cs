using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wijkbeeld.Features.Sessions;

/// <summary>A werksessie: planned with 5W+H, joined by a short code, run in breakouts on live maps.</summary>
public sealed class Session
{
    public int Id { get; set; }
    public string Title { get; set; } = "";

    /// <summary>The join code people type or scan (six letters and digits, no look-alikes).</summary>
    public string Code { get; set; } = "";
    public DateTime CodeExpiresAt { get; set; }

    // 5W+H: the output goal ("begin with the end in mind") first.
    public string What { get; set; } = "";
    public string Why { get; set; } = "";
    public string Who { get; set; } = "";
    public string Where { get; set; } = "";
    public string When { get; set; } = "";
    public string How { get; set; } = "";

    /// <summary>The wijk or buurt the session is about; the maps open there. Null: the whole municipality.</summary>
    public string? AreaCode { get; set; }
    public string Mode { get; set; } = SessionModes.Room;
    public DateTime StartsAt { get; set; }
    public int? CurrentPartId { get; set; }

    /// <summary>When the breakout timer ends (shown to everyone); null: no timer running.</summary>
    public DateTime? TimerEndsAt { get; set; }
    public bool Closed { get; set; }
    public int? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    public List<SessionPart> Parts { get; set; } = [];
    public List<Breakout> Breakouts { get; set; } = [];
    public List<SessionParticipant> Participants { get; set; } = [];
}

public static class SessionModes
{
    public const string Online = "online";
    public const string Room = "zaal";
    public const string Mixed = "gemengd";
    public static readonly string[] All = [Online, Room, Mixed];
}

/// <summary>The kinds of programme part, in the order a session usually has them.</summary>
public static class PartKinds
{
    public static readonly string[] All = ["presentatie", "inputronde", "breakouts", "plenair", "pauze", "evaluatie"];
}

public sealed class SessionPart
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public int Order { get; set; }
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public int Minutes { get; set; }
}

public sealed class Breakout
{
    public const int MaxMembers = 5;

    public int Id { get; set; }
    public int SessionId { get; set; }

    /// <summary>1, 2, 3 ... within the session; the page address uses it.</summary>
    public int Number { get; set; }
    public string Name { get; set; } = "";
}

public sealed class SessionParticipant
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public string DisplayName { get; set; } = "";
    public int? UserId { get; set; }
    public bool IsGuest { get; set; }

    /// <summary>SHA-256 of the participant's cookie token (the token itself is only in their browser).</summary>
    public string TokenHash { get; set; } = "";
    public int? BreakoutId { get; set; }
    public DateTime JoinedAt { get; set; }
}

/// <summary>A reaction in the input round: the chat wall the facilitator pins and clusters.</summary>
public sealed class InputReaction
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public int ParticipantId { get; set; }
    public string Author { get; set; } = "";
    public string Text { get; set; } = "";
    public string? Cluster { get; set; }
    public bool Pinned { get; set; }
    public DateTime At { get; set; }
}

public enum DraftState { Draft, Merged, Published }

/// <summary>Something plotted on a breakout's map: becomes a real item only in the output step.</summary>
public sealed class DraftItem
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public int BreakoutId { get; set; }
    public int? ParticipantId { get; set; }
    public string Author { get; set; } = "";
    public bool ByGuest { get; set; }
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Note { get; set; } = "";
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public DraftState State { get; set; }
    public int? MergedIntoId { get; set; }
    public int? ItemId { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A topic marked "geparkeerd" to keep focus; afterwards an item or a follow-up point.</summary>
public sealed class ParkedTopic
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public int? BreakoutId { get; set; }
    public string Author { get; set; } = "";
    public string Text { get; set; } = "";
    public bool FollowUp { get; set; }
    public int? ItemId { get; set; }
    public DateTime At { get; set; }
}

/// <summary>One plus / min / interessant answer; anonymous answers keep no name.</summary>
public sealed class EvaluationAnswer
{
    public static readonly string[] Columns = ["plus", "min", "interessant"];

    public int Id { get; set; }
    public int SessionId { get; set; }
    public int ParticipantId { get; set; }
    public string? Author { get; set; }
    public string Column { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>
/// A question card drawn from a deck: the reflection questions of the werksessie plenary (category "sessie") and the
/// conversation cards beside the self-scan exercises (category "gesprek", see Werkagenda/ConversationCards.cs).
/// Coordinators edit both decks; a hidden card (Active false) is never drawn.
/// </summary>
public sealed class PromptCard
{
    public int Id { get; set; }
    public string Text { get; set; } = "";
    public bool Active { get; set; } = true;
    public string Category { get; set; } = PromptCategories.Session;
    /// <summary>Where a conversation card comes from (the toolkit's werkpakket); empty for session questions.</summary>
    public string Theme { get; set; } = "";
    public int Version { get; set; } = 1;
}

public static class PromptCategories
{
    public const string Session = "sessie";
    public const string Conversation = "gesprek";
}

public static class SessionLimits
{
    public const int TitleMax = 120;
    public const int TextMax = 1000;
    public const int NameMax = 60;
    public const int ShortMax = 300;
}

sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> s)
    {
        s.ToTable("Sessions");
        s.Property(x => x.Title).HasMaxLength(SessionLimits.TitleMax);
        s.Property(x => x.Code).HasMaxLength(12);
        s.HasIndex(x => x.Code).IsUnique();
        foreach (var p in new[] { nameof(Session.What), nameof(Session.Why), nameof(Session.Who), nameof(Session.Where), nameof(Session.When), nameof(Session.How) })
        {
            s.Property(p).HasMaxLength(SessionLimits.TextMax);
        }
        s.Property(x => x.AreaCode).HasMaxLength(10);
        s.Property(x => x.Mode).HasMaxLength(20);
        s.Property(x => x.Version).IsConcurrencyToken();
        s.HasMany(x => x.Parts).WithOne().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        s.HasMany(x => x.Breakouts).WithOne().HasForeignKey(b => b.SessionId).OnDelete(DeleteBehavior.Cascade);
        s.HasMany(x => x.Participants).WithOne().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SessionPartConfiguration : IEntityTypeConfiguration<SessionPart>
{
    public void Configure(EntityTypeBuilder<SessionPart> p)
    {
        p.ToTable("SessionParts");
        p.Property(x => x.Kind).HasMaxLength(20);
        p.Property(x => x.Title).HasMaxLength(SessionLimits.TitleMax);
    }
}

sealed class BreakoutConfiguration : IEntityTypeConfiguration<Breakout>
{
    public void Configure(EntityTypeBuilder<Breakout> b)
    {
        b.ToTable("SessionBreakouts");
        b.Property(x => x.Name).HasMaxLength(SessionLimits.NameMax);
        b.HasIndex(x => new { x.SessionId, x.Number }).IsUnique();
    }
}

sealed class SessionParticipantConfiguration : IEntityTypeConfiguration<SessionParticipant>
{
    public void Configure(EntityTypeBuilder<SessionParticipant> p)
    {
        p.ToTable("SessionParticipants");
        p.Property(x => x.DisplayName).HasMaxLength(SessionLimits.NameMax);
        p.Property(x => x.TokenHash).HasMaxLength(64);
        p.HasIndex(x => x.TokenHash).IsUnique();
        p.HasOne<Breakout>().WithMany().HasForeignKey(x => x.BreakoutId).OnDelete(DeleteBehavior.SetNull);
        // The user who joined; a deleted account leaves the participant as a name only.
        p.HasOne<Accounts.User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class InputReactionConfiguration : IEntityTypeConfiguration<InputReaction>
{
    public void Configure(EntityTypeBuilder<InputReaction> r)
    {
        r.ToTable("SessionReactions");
        r.Property(x => x.Author).HasMaxLength(SessionLimits.NameMax);
        r.Property(x => x.Text).HasMaxLength(SessionLimits.TextMax);
        r.Property(x => x.Cluster).HasMaxLength(SessionLimits.NameMax);
        r.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        r.HasIndex(x => x.SessionId);
    }
}

sealed class DraftItemConfiguration : IEntityTypeConfiguration<DraftItem>
{
    public void Configure(EntityTypeBuilder<DraftItem> d)
    {
        d.ToTable("SessionDrafts");
        d.Property(x => x.Author).HasMaxLength(SessionLimits.NameMax);
        d.Property(x => x.Kind).HasMaxLength(20);
        d.Property(x => x.Title).HasMaxLength(SessionLimits.TitleMax);
        d.Property(x => x.Note).HasMaxLength(SessionLimits.TextMax);
        d.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        d.Property(x => x.Version).IsConcurrencyToken();
        d.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        d.HasOne<Breakout>().WithMany().HasForeignKey(x => x.BreakoutId).OnDelete(DeleteBehavior.Restrict);
        d.HasIndex(x => x.SessionId);
    }
}

sealed class ParkedTopicConfiguration : IEntityTypeConfiguration<ParkedTopic>
{
    public void Configure(EntityTypeBuilder<ParkedTopic> p)
    {
        p.ToTable("SessionParkedTopics");
        p.Property(x => x.Author).HasMaxLength(SessionLimits.NameMax);
        p.Property(x => x.Text).HasMaxLength(SessionLimits.ShortMax);
        p.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        p.HasIndex(x => x.SessionId);
    }
}

sealed class EvaluationAnswerConfiguration : IEntityTypeConfiguration<EvaluationAnswer>
{
    public void Configure(EntityTypeBuilder<EvaluationAnswer> e)
    {
        e.ToTable("SessionEvaluation");
        e.Property(x => x.Author).HasMaxLength(SessionLimits.NameMax);
        e.Property(x => x.Column).HasMaxLength(20);
        e.Property(x => x.Text).HasMaxLength(SessionLimits.ShortMax);
        e.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.SessionId);
    }
}

sealed class PromptCardConfiguration : IEntityTypeConfiguration<PromptCard>
{
    public void Configure(EntityTypeBuilder<PromptCard> c)
    {
        c.ToTable("SessionPromptCards");
        c.Property(x => x.Text).HasMaxLength(SessionLimits.ShortMax);
        c.Property(x => x.Category).HasMaxLength(20).HasDefaultValue(PromptCategories.Session);
        c.Property(x => x.Theme).HasMaxLength(100);
        c.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(1);
        c.HasIndex(x => x.Category);
        c.HasData(PromptDeck.Seed.Select((text, i) => new PromptCard { Id = i + 1, Text = text, Active = true })
            .Concat(Werkagenda.ConversationDeck.Seed.Select((card, i) => new PromptCard
            {
                Id = Werkagenda.ConversationDeck.FirstId + i, Text = card.Text, Theme = card.Theme, Category = PromptCategories.Conversation, Active = true,
            })));
    }
}

/// <summary>The starting deck, in the spirit of the Den Helder sessions.</summary>
public static class PromptDeck
{
    public static readonly string[] Seed =
    [
        "Klopt wat er net is verteld met jouw ervaring? Wat ontbreekt er nog?",
        "Welke voorziening in deze wijk wordt het meest gemist, en door wie?",
        "Wie in de wijk heeft hier nog niet over mee kunnen praten?",
        "Waar zie je een kans die we samen kunnen oppakken?",
        "Wat gaat er al goed in deze buurt, en hoe bouwen we daarop voort?",
        "Welk signaal hoor je vaak, maar zie je nog niet op de kaart?",
        "Wat is de eerste stap die jij morgen kunt zetten?",
        "Welke organisatie moeten we hierbij zeker betrekken?",
    ];
}
