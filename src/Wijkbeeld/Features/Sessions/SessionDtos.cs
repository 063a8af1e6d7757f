using System.ComponentModel;

namespace Wijkbeeld.Features.Sessions;

public sealed record PartInput(string? Kind, string? Title, int? Minutes);

/// <summary>A session as the coordinator plans it (5W+H, programme, area, mode).</summary>
public sealed record SessionInput
{
    public string? Title { get; init; }
    [Description("Wat: het resultaat van de sessie (begin met het eind voor ogen)")]
    public string? What { get; init; }
    public string? Why { get; init; }
    public string? Who { get; init; }
    public string? Where { get; init; }
    public string? When { get; init; }
    public string? How { get; init; }
    [Description("Code van de wijk of buurt; leeg is de hele gemeente")]
    public string? AreaCode { get; init; }
    [Description("online, zaal of gemengd")]
    public string? Mode { get; init; }
    public DateTime? StartsAt { get; init; }
    public IReadOnlyList<PartInput>? Parts { get; init; }
}

public sealed record JoinInput(string? Code, string? DisplayName);

public sealed record JoinResult(int SessionId, int ParticipantId, string DisplayName, bool IsGuest, int? Breakout);

public sealed record BreakoutsInput(int? Count);

public sealed record AssignInput(int? ParticipantId, int? Breakout);

public sealed record TimerInput(int? Minutes);

public sealed record PartMoveInput(int? PartId);

public sealed record TextInput(string? Text, bool? ConfirmPersonalData = null);

public sealed record PinInput(bool? Pinned, string? Cluster);

public sealed record DraftInput(string? Kind, string? Title, string? Note, double? Latitude, double? Longitude, int? Breakout, bool? ConfirmPersonalData);

public sealed record ParkInput(string? Text, int? Breakout, bool? ConfirmPersonalData);

public sealed record EvaluationInput(string? Column, string? Text, bool? Anonymous, bool? ConfirmPersonalData);

public sealed record MergeInput(int? IntoDraftId);

public sealed record PublishInput(IReadOnlyList<int>? DraftIds, string? Visibility);

public sealed record ParkedOutcomeInput(string? Outcome, string? Kind, string? Visibility);

public sealed record PromptCardInput(string? Text, bool? Active);

public sealed record PartDto(int Id, int Order, string Kind, string Title, int Minutes);

public sealed record BreakoutDto(int Number, string Name, string Colour, IReadOnlyList<MemberDto> Members);

public sealed record MemberDto(int Id, string Name, bool IsGuest);

public sealed record DraftDto(int Id, int Breakout, string Kind, string Title, string Note, double Latitude, double Longitude,
    string Author, bool ByGuest, string State, int? MergedIntoId, int? ItemId, int Version);

public sealed record ParkedDto(int Id, int? Breakout, string Author, string Text, bool FollowUp, int? ItemId, DateTime At);

public sealed record ReactionDto(int Id, string Author, string Text, bool Pinned, string? Cluster, DateTime At);

public sealed record EvaluationDto(int Id, string Column, string? Author, string Text, DateTime At);

public sealed record SessionSummary(int Id, string Title, string Code, DateTime StartsAt, string Mode, bool Closed, int Participants);

public sealed record SessionDto(
    int Id, string Title, string Code, DateTime CodeExpiresAt, string What, string Why, string Who, string Where, string When, string How,
    string? AreaCode, string Mode, DateTime StartsAt, int? CurrentPartId, DateTime? TimerEndsAt, bool Closed, int Version,
    IReadOnlyList<PartDto> Parts, IReadOnlyList<BreakoutDto> Breakouts, IReadOnlyList<MemberDto> Unassigned,
    IReadOnlyList<DraftDto> Drafts, IReadOnlyList<ParkedDto> Parked, IReadOnlyList<ReactionDto> Reactions, IReadOnlyList<EvaluationDto> Evaluation);

/// <summary>What every open session page receives: the kind of change and its data.</summary>
public sealed record SessionMessage(string Type, object? Data);
