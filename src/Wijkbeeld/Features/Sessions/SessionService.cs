using System.Security.Cryptography;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Privacy;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Sessions;

/// <summary>The answer of a session action: a value, or a status with a Dutch message (or field errors).</summary>
public sealed record Outcome<T>(T? Value, int Status = StatusCodes.Status200OK, string? Error = null, Dictionary<string, string[]>? Errors = null)
{
    public bool Ok => Error is null && Errors is null;
}

/// <summary>Plans, runs and closes werksessies; every change is saved first, then pushed to the session's groups.</summary>
public sealed class SessionService(WijkbeeldDb db, AreaIndex areas, TimeProvider clock, IStringLocalizer<Texts> text,
    IHubContext<SessionHub> hub, ItemRules itemRules, ItemService items, ILogger<SessionService> log)
{
    /// <summary>Colours per breakout on the plenary map (distinct, readable on the map; the number is shown too).</summary>
    public static readonly string[] Colours = ["#d7263d", "#1b998b", "#3d5a80", "#f46036", "#6a4c93", "#2e294e", "#c5283d", "#028090", "#8a5a00", "#4a4e69"];

    public const int MaxBreakouts = 20;
    const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    static Outcome<T> Fail<T>(int status, string message) => new(default, status, message);

    Outcome<T> Invalid<T>(Dictionary<string, string[]> errors) => new(default, StatusCodes.Status400BadRequest, Errors: errors);

    public static string Colour(int number) => Colours[(number - 1) % Colours.Length];

    // ---- Plan ----

    public async Task<Outcome<Session>> CreateAsync(SessionInput input, int? userId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var title = ItemRules.Clean(input.Title);
        if (title is null) errors["title"] = [text["Sessions.Error.TitleRequired"]];
        else if (title.Length > SessionLimits.TitleMax) errors["title"] = [text["Error.TooLong", SessionLimits.TitleMax]];
        string Field(string name, string? value)
        {
            var v = ItemRules.Clean(value) ?? "";
            if (v.Length > SessionLimits.TextMax) errors[name] = [text["Error.TooLong", SessionLimits.TextMax]];
            return v;
        }
        var what = Field("what", input.What);
        if (what.Length == 0) errors["what"] = [text["Sessions.Error.WhatRequired"]];
        var why = Field("why", input.Why);
        var who = Field("who", input.Who);
        var where = Field("where", input.Where);
        var when = Field("when", input.When);
        var how = Field("how", input.How);
        var mode = ItemRules.Clean(input.Mode)?.ToLowerInvariant() ?? SessionModes.Room;
        if (!SessionModes.All.Contains(mode)) errors["mode"] = [text["Sessions.Error.Mode"]];
        string? areaCode = ItemRules.Clean(input.AreaCode);
        if (areaCode is not null && (await areas.GetAsync(ct)).Find(areaCode) is null) errors["areaCode"] = [text["Sessions.Error.Area"]];
        var parts = new List<SessionPart>();
        foreach (var (part, i) in (input.Parts ?? []).Select((p, i) => (p, i)))
        {
            var kind = ItemRules.Clean(part.Kind)?.ToLowerInvariant() ?? "";
            if (!PartKinds.All.Contains(kind)) { errors[$"parts[{i}].kind"] = [text["Sessions.Error.PartKind", string.Join(", ", PartKinds.All)]]; continue; }
            var minutes = part.Minutes ?? 15;
            if (minutes is < 1 or > 480) { errors[$"parts[{i}].minutes"] = [text["Sessions.Error.Minutes"]]; continue; }
            var partTitle = ItemRules.Clean(part.Title) ?? text["Sessions.Part." + kind];
            if (partTitle.Length > SessionLimits.TitleMax) { errors[$"parts[{i}].title"] = [text["Error.TooLong", SessionLimits.TitleMax]]; continue; }
            parts.Add(new SessionPart { Order = i + 1, Kind = kind, Title = partTitle, Minutes = minutes });
        }
        if (errors.Count == 0)
        {
            var check = PersonalDataRules.Check(text, [("title", title), ("what", what), ("why", why), ("who", who), ("where", where), ("how", how)]);
            foreach (var (k, v) in check) errors[k] = v;
        }
        if (errors.Count > 0) return Invalid<Session>(errors);

        var startsAt = input.StartsAt?.ToUniversalTime() ?? Now;
        var session = new Session
        {
            Title = title!, What = what, Why = why, Who = who, Where = where, When = when, How = how, AreaCode = areaCode, Mode = mode,
            StartsAt = startsAt, CodeExpiresAt = (startsAt > Now ? startsAt : Now).AddDays(1), CreatedAt = Now, CreatedById = userId, Version = 1,
            Code = await NewCodeAsync(ct), Parts = parts,
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        return new(session, StatusCodes.Status201Created);
    }

    async Task<string> NewCodeAsync(CancellationToken ct)
    {
        while (true)
        {
            var code = new string(Enumerable.Range(0, 6).Select(_ => CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)]).ToArray());
            if (!await db.Sessions.AnyAsync(s => s.Code == code, ct)) return code;
        }
    }

    /// <summary>A copy as a template: the same 5W+H, area and programme, a new code, nobody joined yet.</summary>
    public async Task<Outcome<Session>> CopyAsync(int id, int? userId, CancellationToken ct)
    {
        var source = await db.Sessions.AsNoTracking().Include(s => s.Parts).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (source is null) return Fail<Session>(StatusCodes.Status404NotFound, text["Sessions.Error.NotFound"]);
        return await CreateAsync(new SessionInput
        {
            Title = Truncate(text["Sessions.CopyOf", source.Title], SessionLimits.TitleMax), What = source.What, Why = source.Why, Who = source.Who,
            Where = source.Where, When = source.When, How = source.How, AreaCode = source.AreaCode, Mode = source.Mode,
            Parts = source.Parts.OrderBy(p => p.Order).Select(p => new PartInput(p.Kind, p.Title, p.Minutes)).ToList(),
        }, userId, ct);
    }

    static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    // ---- Join ----

    public async Task<Outcome<JoinResult>> JoinAsync(JoinInput input, HttpContext http, CancellationToken ct)
    {
        var code = new string((ItemRules.Clean(input.Code) ?? "").Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        if (code.Length == 0) return Invalid<JoinResult>(new() { ["code"] = [text["Sessions.Error.CodeRequired"]] });
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Code == code, ct);
        if (session is null) return Fail<JoinResult>(StatusCodes.Status404NotFound, text["Sessions.Error.CodeUnknown"]);
        if (session.Closed || session.CodeExpiresAt < Now) return Fail<JoinResult>(StatusCodes.Status410Gone, text["Sessions.Error.CodeExpired"]);

        var viewer = Accounts.Viewer.From(http.User);
        // Joining twice from the same browser is the same participant: nothing is added.
        var existing = await new SessionAccess(db).ParticipantAsync(http, session.Id, ct);
        if (existing is not null)
        {
            return new(await ResultAsync(existing, ct));
        }
        var name = ItemRules.Clean(input.DisplayName) ?? (viewer.IsSignedIn ? viewer.Name : null);
        if (name is null) return Invalid<JoinResult>(new() { ["displayName"] = [text["Sessions.Error.NameRequired"]] });
        if (name.Length > SessionLimits.NameMax) return Invalid<JoinResult>(new() { ["displayName"] = [text["Error.TooLong", SessionLimits.NameMax]] });
        if (name.IndexOfAny(['<', '>', '&', '"', '\'', '`', '\n']) >= 0)
        {
            return Invalid<JoinResult>(new() { ["displayName"] = [text["Sessions.Error.NameMarkup"]] });
        }
        var token = SessionAccess.NewToken();
        var participant = new SessionParticipant
        {
            SessionId = session.Id, DisplayName = name, UserId = viewer.UserId, IsGuest = viewer.UserId is null,
            TokenHash = SessionAccess.Hash(token), JoinedAt = Now,
        };
        db.SessionParticipants.Add(participant);
        await db.SaveChangesAsync(ct);
        SessionAccess.SetCookie(http.Response, session.Id, token);
        await SendAsync([SessionHub.All(session.Id)], "members", await BreakoutsAsync(session.Id, ct));
        return new(await ResultAsync(participant, ct), StatusCodes.Status201Created);
    }

    async Task<JoinResult> ResultAsync(SessionParticipant p, CancellationToken ct)
    {
        int? number = p.BreakoutId is { } b ? await db.SessionBreakouts.Where(x => x.Id == b).Select(x => (int?)x.Number).FirstAsync(ct) : null;
        return new JoinResult(p.SessionId, p.Id, p.DisplayName, p.IsGuest, number);
    }

    // ---- Run: breakouts, timer, programme ----

    public async Task<Outcome<IReadOnlyList<BreakoutDto>>> CreateBreakoutsAsync(int sessionId, int? count, CancellationToken ct)
    {
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, ct)) return Fail<IReadOnlyList<BreakoutDto>>(404, text["Sessions.Error.NotFound"]);
        if (count is not { } n || n < 1 || n > MaxBreakouts)
        {
            return Invalid<IReadOnlyList<BreakoutDto>>(new() { ["count"] = [text["Sessions.Error.BreakoutCount", MaxBreakouts]] });
        }
        var existing = await db.SessionBreakouts.Where(b => b.SessionId == sessionId).CountAsync(ct);
        for (var i = existing + 1; i <= n; i++)
        {
            db.SessionBreakouts.Add(new Breakout { SessionId = sessionId, Number = i, Name = text["Sessions.BreakoutName", i] });
        }
        await db.SaveChangesAsync(ct);
        var result = await BreakoutsAsync(sessionId, ct);
        await SendAsync([SessionHub.All(sessionId)], "members", result);
        return new(result);
    }

    /// <summary>Puts a participant in a breakout (null: out of every breakout). A sixth member is refused.</summary>
    public async Task<Outcome<IReadOnlyList<BreakoutDto>>> AssignAsync(int sessionId, int participantId, int? number, CancellationToken ct)
    {
        var participant = await db.SessionParticipants.FirstOrDefaultAsync(p => p.Id == participantId && p.SessionId == sessionId, ct);
        if (participant is null) return Fail<IReadOnlyList<BreakoutDto>>(404, text["Sessions.Error.ParticipantUnknown"]);
        int? breakoutId = null;
        if (number is { } n)
        {
            var breakout = await db.SessionBreakouts.FirstOrDefaultAsync(b => b.SessionId == sessionId && b.Number == n, ct);
            if (breakout is null) return Fail<IReadOnlyList<BreakoutDto>>(404, text["Sessions.Error.BreakoutUnknown"]);
            if (participant.BreakoutId == breakout.Id) return new(await BreakoutsAsync(sessionId, ct));
            var members = await db.SessionParticipants.CountAsync(p => p.BreakoutId == breakout.Id, ct);
            if (members >= Breakout.MaxMembers)
            {
                return Fail<IReadOnlyList<BreakoutDto>>(StatusCodes.Status422UnprocessableEntity, text["Sessions.Error.BreakoutFull", breakout.Name, Breakout.MaxMembers]);
            }
            breakoutId = breakout.Id;
        }
        participant.BreakoutId = breakoutId;
        await db.SaveChangesAsync(ct);
        // Two people taking the last place at once: the second save sees six and undoes its own.
        if (breakoutId is { } id && await db.SessionParticipants.CountAsync(p => p.BreakoutId == id, ct) > Breakout.MaxMembers)
        {
            participant.BreakoutId = null;
            await db.SaveChangesAsync(ct);
            return Fail<IReadOnlyList<BreakoutDto>>(StatusCodes.Status422UnprocessableEntity, text["Sessions.Error.BreakoutFull", text["Sessions.BreakoutName", number!.Value], Breakout.MaxMembers]);
        }
        var result = await BreakoutsAsync(sessionId, ct);
        await SendAsync([SessionHub.All(sessionId)], "members", result);
        return new(result);
    }

    /// <summary>Shuffles everyone over the breakouts, at most five each (as evenly as the numbers allow).</summary>
    public async Task<Outcome<IReadOnlyList<BreakoutDto>>> ShuffleAsync(int sessionId, CancellationToken ct)
    {
        var breakouts = await db.SessionBreakouts.Where(b => b.SessionId == sessionId).OrderBy(b => b.Number).ToListAsync(ct);
        var people = await db.SessionParticipants.Where(p => p.SessionId == sessionId).ToListAsync(ct);
        if (breakouts.Count == 0) return Fail<IReadOnlyList<BreakoutDto>>(StatusCodes.Status422UnprocessableEntity, text["Sessions.Error.NoBreakouts"]);
        if (people.Count > breakouts.Count * Breakout.MaxMembers)
        {
            return Fail<IReadOnlyList<BreakoutDto>>(StatusCodes.Status422UnprocessableEntity, text["Sessions.Error.TooManyPeople", people.Count, breakouts.Count]);
        }
        var order = people.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).ToList();
        for (var i = 0; i < order.Count; i++) order[i].BreakoutId = breakouts[i % breakouts.Count].Id;
        await db.SaveChangesAsync(ct);
        var result = await BreakoutsAsync(sessionId, ct);
        await SendAsync([SessionHub.All(sessionId)], "members", result);
        return new(result);
    }

    public async Task<Outcome<DateTime?>> TimerAsync(int sessionId, int? minutes, CancellationToken ct)
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null) return Fail<DateTime?>(404, text["Sessions.Error.NotFound"]);
        if (minutes is not { } m || m < 0 || m > 240) return Invalid<DateTime?>(new() { ["minutes"] = [text["Sessions.Error.Minutes"]] });
        session.TimerEndsAt = m == 0 ? null : Now.AddMinutes(m);
        await db.SaveChangesAsync(ct);
        await SendAsync([SessionHub.All(sessionId)], "timer", new { endsAt = session.TimerEndsAt });
        return new(session.TimerEndsAt);
    }

    public async Task<Outcome<int?>> MoveToPartAsync(int sessionId, int? partId, CancellationToken ct)
    {
        var session = await db.Sessions.Include(s => s.Parts).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null) return Fail<int?>(404, text["Sessions.Error.NotFound"]);
        var part = session.Parts.FirstOrDefault(p => p.Id == partId);
        if (part is null) return Invalid<int?>(new() { ["partId"] = [text["Sessions.Error.PartUnknown"]] });
        session.CurrentPartId = part.Id;
        await db.SaveChangesAsync(ct);
        await SendAsync([SessionHub.All(sessionId)], "part", new { id = part.Id, kind = part.Kind, title = part.Title });
        return new(part.Id);
    }

    public async Task<Outcome<bool>> CloseAsync(int sessionId, CancellationToken ct)
    {
        var n = await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Closed, true), ct);
        if (n == 0) return Fail<bool>(404, text["Sessions.Error.NotFound"]);
        await SendAsync([SessionHub.All(sessionId)], "closed", null);
        return new(true);
    }

    // ---- Contributions: chat wall, drafts, parked topics, evaluation ----

    Dictionary<string, string[]>? CheckText(string field, string? raw, int max, bool? confirm, out string value)
    {
        value = ItemRules.Clean(raw) ?? "";
        if (value.Length == 0) return new() { [field] = [text["Sessions.Error.TextRequired"]] };
        if (value.Length > max) return new() { [field] = [text["Error.TooLong", max]] };
        if (confirm != true && PersonalDataRules.Check(text, [(field, value)]) is { Count: > 0 } found) return found;
        return null;
    }

    public async Task<Outcome<ReactionDto>> ReactAsync(int sessionId, SessionActor actor, TextInput input, CancellationToken ct)
    {
        if (actor.Participant is not { } p) return Fail<ReactionDto>(403, text["Sessions.Error.JoinFirst"]);
        if (CheckText("text", input.Text, SessionLimits.TextMax, input.ConfirmPersonalData, out var value) is { } errors) return Invalid<ReactionDto>(errors);
        var reaction = new InputReaction { SessionId = sessionId, ParticipantId = p.Id, Author = p.DisplayName, Text = value, At = Now };
        db.SessionReactions.Add(reaction);
        await db.SaveChangesAsync(ct);
        var dto = ToDto(reaction);
        await SendAsync([SessionHub.All(sessionId)], "reaction", dto);
        return new(dto, 201);
    }

    public async Task<Outcome<ReactionDto>> PinAsync(int sessionId, int reactionId, PinInput input, CancellationToken ct)
    {
        var reaction = await db.SessionReactions.FirstOrDefaultAsync(r => r.Id == reactionId && r.SessionId == sessionId, ct);
        if (reaction is null) return Fail<ReactionDto>(404, text["Sessions.Error.NotFound"]);
        var cluster = ItemRules.Clean(input.Cluster);
        if (cluster is { Length: > SessionLimits.NameMax }) return Invalid<ReactionDto>(new() { ["cluster"] = [text["Error.TooLong", SessionLimits.NameMax]] });
        reaction.Pinned = input.Pinned ?? reaction.Pinned;
        reaction.Cluster = input.Cluster is null ? reaction.Cluster : cluster;
        await db.SaveChangesAsync(ct);
        var dto = ToDto(reaction);
        await SendAsync([SessionHub.All(sessionId)], "reaction", dto);
        return new(dto);
    }

    /// <summary>The breakout a contribution goes to: a participant's own; a facilitator names one.</summary>
    async Task<Breakout?> TargetBreakoutAsync(int sessionId, SessionActor actor, int? requested, CancellationToken ct)
    {
        int? number = actor.IsFacilitator && requested is not null ? requested : actor.BreakoutNumber;
        return number is null ? null : await db.SessionBreakouts.FirstOrDefaultAsync(b => b.SessionId == sessionId && b.Number == number, ct);
    }

    public async Task<Outcome<DraftDto>> AddDraftAsync(int sessionId, SessionActor actor, DraftInput input, CancellationToken ct)
    {
        var breakout = await TargetBreakoutAsync(sessionId, actor, input.Breakout, ct);
        if (breakout is null) return Fail<DraftDto>(StatusCodes.Status422UnprocessableEntity, text["Sessions.Error.NotInBreakout"]);
        var (errors, kind, title, note) = CheckDraft(input);
        if (errors.Count > 0) return Invalid<DraftDto>(errors);
        var draft = new DraftItem
        {
            SessionId = sessionId, BreakoutId = breakout.Id, ParticipantId = actor.Participant?.Id, Author = actor.Name(text["Sessions.Facilitator"]),
            ByGuest = actor.Participant?.IsGuest == true, Kind = kind, Title = title, Note = note, Latitude = input.Latitude!.Value,
            Longitude = input.Longitude!.Value, CreatedAt = Now, Version = 1,
        };
        db.SessionDrafts.Add(draft);
        await db.SaveChangesAsync(ct);
        var dto = ToDto(draft, breakout.Number);
        await SendAsync([SessionHub.BreakoutGroup(sessionId, breakout.Number), SessionHub.Plenary(sessionId)], "draft", dto);
        return new(dto, 201);
    }

    (Dictionary<string, string[]> Errors, string Kind, string Title, string Note) CheckDraft(DraftInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ItemCatalog.TryParseKind(input.Kind, out var kind)) errors["kind"] = [text["Error.KindUnknown", string.Join(", ", ItemCatalog.Kinds.Select(k => k.Code))]];
        var title = ItemRules.Clean(input.Title);
        if (title is null) errors["title"] = [text["Error.TitleRequired"]];
        else if (title.Length > SessionLimits.TitleMax) errors["title"] = [text["Error.TooLong", SessionLimits.TitleMax]];
        var note = ItemRules.Clean(input.Note) ?? "";
        if (note.Length > SessionLimits.TextMax) errors["note"] = [text["Error.TooLong", SessionLimits.TextMax]];
        if (input.Latitude is not { } lat || input.Longitude is not { } lon) errors["location"] = [text["Error.LocationRequired"]];
        else if (!double.IsFinite(lat) || !double.IsFinite(lon) || lat is < -90 or > 90 || lon is < -180 or > 180) errors["location"] = [text["Error.LocationOutOfRange"]];
        if (errors.Count == 0 && input.ConfirmPersonalData != true)
        {
            errors = PersonalDataRules.Check(text, [("title", title), ("note", note)]);
        }
        return (errors, errors.Count == 0 ? kind.Code() : "", title ?? "", note);
    }

    /// <summary>Moves or edits a draft at the version the person saw (409 when someone else changed it in between).</summary>
    public async Task<Outcome<DraftDto>> UpdateDraftAsync(int sessionId, int draftId, int expectedVersion, SessionActor actor, DraftInput input, CancellationToken ct)
    {
        var draft = await db.SessionDrafts.FirstOrDefaultAsync(d => d.Id == draftId && d.SessionId == sessionId, ct);
        var breakout = draft is null ? null : await db.SessionBreakouts.FirstAsync(b => b.Id == draft.BreakoutId, ct);
        if (draft is null || breakout is null) return Fail<DraftDto>(404, text["Sessions.Error.NotFound"]);
        if (!actor.IsFacilitator && actor.BreakoutNumber != breakout.Number) return Fail<DraftDto>(403, text["Sessions.Error.NotYourBreakout"]);
        if (draft.State != DraftState.Draft) return Fail<DraftDto>(422, text["Sessions.Error.DraftDone"]);
        var (errors, kind, title, note) = CheckDraft(input);
        if (errors.Count > 0) return Invalid<DraftDto>(errors);
        if (draft.Version != expectedVersion) return new(ToDto(draft, breakout.Number), 409, text["Problem.Conflict"]);
        (draft.Kind, draft.Title, draft.Note, draft.Latitude, draft.Longitude) = (kind, title, note, input.Latitude!.Value, input.Longitude!.Value);
        draft.Version = expectedVersion + 1;
        db.Entry(draft).Property(d => d.Version).OriginalValue = expectedVersion;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Fail<DraftDto>(409, text["Problem.Conflict"]);
        }
        var dto = ToDto(draft, breakout.Number);
        await SendAsync([SessionHub.BreakoutGroup(sessionId, breakout.Number), SessionHub.Plenary(sessionId)], "draft", dto);
        return new(dto);
    }

    public async Task<Outcome<ParkedDto>> ParkAsync(int sessionId, SessionActor actor, ParkInput input, CancellationToken ct)
    {
        if (CheckText("text", input.Text, SessionLimits.ShortMax, input.ConfirmPersonalData, out var value) is { } errors) return Invalid<ParkedDto>(errors);
        var breakout = await TargetBreakoutAsync(sessionId, actor, input.Breakout, ct);
        var topic = new ParkedTopic { SessionId = sessionId, BreakoutId = breakout?.Id, Author = actor.Name(text["Sessions.Facilitator"]), Text = value, At = Now };
        db.SessionParkedTopics.Add(topic);
        await db.SaveChangesAsync(ct);
        var dto = ToDto(topic, breakout?.Number);
        await SendAsync(breakout is null ? [SessionHub.All(sessionId)] : [SessionHub.BreakoutGroup(sessionId, breakout.Number), SessionHub.Plenary(sessionId)], "parked", dto);
        return new(dto, 201);
    }

    public async Task<Outcome<EvaluationDto>> EvaluateAsync(int sessionId, SessionActor actor, EvaluationInput input, CancellationToken ct)
    {
        if (actor.Participant is not { } p) return Fail<EvaluationDto>(403, text["Sessions.Error.JoinFirst"]);
        var column = ItemRules.Clean(input.Column)?.ToLowerInvariant();
        if (column is null || !EvaluationAnswer.Columns.Contains(column))
        {
            return Invalid<EvaluationDto>(new() { ["column"] = [text["Sessions.Error.Column"]] });
        }
        if (CheckText("text", input.Text, SessionLimits.ShortMax, input.ConfirmPersonalData, out var value) is { } errors) return Invalid<EvaluationDto>(errors);
        var answer = new EvaluationAnswer { SessionId = sessionId, ParticipantId = p.Id, Author = input.Anonymous == true ? null : p.DisplayName, Column = column, Text = value, At = Now };
        db.SessionEvaluation.Add(answer);
        await db.SaveChangesAsync(ct);
        var dto = ToDto(answer);
        await SendAsync([SessionHub.All(sessionId)], "evaluation", dto);
        return new(dto, 201);
    }

    // ---- Outputs ----

    /// <summary>Merges a duplicate into another draft: its title and breakout are noted on the one that stays.</summary>
    public async Task<Outcome<DraftDto>> MergeAsync(int sessionId, int draftId, int? intoId, CancellationToken ct)
    {
        var drafts = await db.SessionDrafts.Where(d => d.SessionId == sessionId && (d.Id == draftId || d.Id == intoId)).ToListAsync(ct);
        var from = drafts.FirstOrDefault(d => d.Id == draftId);
        var into = drafts.FirstOrDefault(d => d.Id == intoId);
        if (from is null || into is null || from.Id == into.Id) return Fail<DraftDto>(404, text["Sessions.Error.NotFound"]);
        if (from.State != DraftState.Draft || into.State != DraftState.Draft) return Fail<DraftDto>(422, text["Sessions.Error.DraftDone"]);
        var numbers = await db.SessionBreakouts.Where(b => b.SessionId == sessionId).ToDictionaryAsync(b => b.Id, b => b.Number, ct);
        from.State = DraftState.Merged;
        from.MergedIntoId = into.Id;
        from.Version++;
        var line = text["Sessions.MergedNote", from.Title, numbers[from.BreakoutId]].Value;
        into.Note = Truncate(into.Note.Length == 0 ? line : into.Note + "\n" + line, SessionLimits.TextMax);
        into.Version++;
        await db.SaveChangesAsync(ct);
        foreach (var d in new[] { from, into })
        {
            await SendAsync([SessionHub.BreakoutGroup(sessionId, numbers[d.BreakoutId]), SessionHub.Plenary(sessionId)], "draft", ToDto(d, numbers[d.BreakoutId]));
        }
        return new(ToDto(into, numbers[into.BreakoutId]));
    }

    /// <summary>
    /// Turns drafts into real items in one step, through the item service (rules, audit, change feed, live map), with the
    /// session as their source. Drafts outside the municipality are refused together: all or nothing.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<DraftDto>>> PublishAsync(int sessionId, PublishInput input, CancellationToken ct)
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null) return Fail<IReadOnlyList<DraftDto>>(404, text["Sessions.Error.NotFound"]);
        var visibility = ItemRules.Clean(input.Visibility) ?? "openbaar";
        if (!ItemCatalog.TryParseVisibility(visibility, out _)) return Invalid<IReadOnlyList<DraftDto>>(new() { ["visibility"] = [text["Sessions.Error.Visibility"]] });
        var ids = (input.DraftIds ?? []).Distinct().ToList();
        var drafts = await db.SessionDrafts.Where(d => d.SessionId == sessionId && ids.Contains(d.Id) && d.State == DraftState.Draft).ToListAsync(ct);
        if (ids.Count == 0 || drafts.Count != ids.Count) return Fail<IReadOnlyList<DraftDto>>(422, text["Sessions.Error.PublishNone"]);
        var source = Truncate(text["Sessions.Source", session.Title, session.Id], ItemRules.ShortTextMaxLength);
        var staged = new List<(DraftItem Draft, Item Item)>();
        var errors = new Dictionary<string, string[]>();
        foreach (var draft in drafts)
        {
            var check = await itemRules.ValidateAsync(new ItemInput
            {
                Kind = draft.Kind, Title = draft.Title, Description = draft.Note, Latitude = draft.Latitude, Longitude = draft.Longitude,
                Visibility = visibility, Source = source, ConfirmPersonalData = true,
            }, null, ct);
            if (!check.IsValid)
            {
                errors[$"drafts[{draft.Id}]"] = [text["Sessions.Error.DraftInvalid", draft.Title, string.Join(" ", check.Errors.SelectMany(e => e.Value))]];
                continue;
            }
            staged.Add((draft, items.Add(check.Item!)));
        }
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Invalid<IReadOnlyList<DraftDto>>(errors);
        }
        await items.SaveAndPublishAsync(ct);
        foreach (var (draft, item) in staged)
        {
            draft.State = DraftState.Published;
            draft.ItemId = item.Id;
            draft.Version++;
        }
        await db.SaveChangesAsync(ct);
        var numbers = await db.SessionBreakouts.Where(b => b.SessionId == sessionId).ToDictionaryAsync(b => b.Id, b => b.Number, ct);
        var result = staged.Select(s => ToDto(s.Draft, numbers[s.Draft.BreakoutId])).ToList();
        foreach (var dto in result)
        {
            await SendAsync([SessionHub.BreakoutGroup(sessionId, dto.Breakout), SessionHub.Plenary(sessionId)], "draft", dto);
        }
        return new(result);
    }

    /// <summary>A parked topic becomes a follow-up point, or an item (a signal by default) at the session's area.</summary>
    public async Task<Outcome<ParkedDto>> ResolveParkedAsync(int sessionId, int topicId, ParkedOutcomeInput input, CancellationToken ct)
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        var topic = await db.SessionParkedTopics.FirstOrDefaultAsync(t => t.Id == topicId && t.SessionId == sessionId, ct);
        if (session is null || topic is null) return Fail<ParkedDto>(404, text["Sessions.Error.NotFound"]);
        if (topic.ItemId is not null || topic.FollowUp) return Fail<ParkedDto>(422, text["Sessions.Error.ParkedDone"]);
        var outcome = ItemRules.Clean(input.Outcome)?.ToLowerInvariant();
        if (outcome == "vervolgpunt")
        {
            topic.FollowUp = true;
        }
        else if (outcome == "item")
        {
            var map = await areas.GetAsync(ct);
            var area = map.Find(session.AreaCode) ?? map.All.FirstOrDefault(a => a.Level == AreaLevel.Neighbourhood);
            var check = await itemRules.ValidateAsync(new ItemInput
            {
                Kind = ItemRules.Clean(input.Kind) ?? "signaal", Title = Truncate(topic.Text, ItemRules.TitleMaxLength), Description = topic.Text,
                Latitude = area?.LabelLatitude, Longitude = area?.LabelLongitude, Visibility = ItemRules.Clean(input.Visibility) ?? "organisatie",
                Source = Truncate(text["Sessions.Source", session.Title, session.Id], ItemRules.ShortTextMaxLength), ConfirmPersonalData = true,
            }, null, ct);
            if (!check.IsValid) return Invalid<ParkedDto>(check.Errors);
            var item = items.Add(check.Item!);
            await items.SaveAndPublishAsync(ct);
            topic.ItemId = item.Id;
        }
        else
        {
            return Invalid<ParkedDto>(new() { ["outcome"] = [text["Sessions.Error.ParkedOutcome"]] });
        }
        await db.SaveChangesAsync(ct);
        int? number = topic.BreakoutId is { } b ? await db.SessionBreakouts.Where(x => x.Id == b).Select(x => (int?)x.Number).FirstAsync(ct) : null;
        var dto = ToDto(topic, number);
        await SendAsync([SessionHub.All(sessionId)], "parked", dto);
        return new(dto);
    }

    // ---- Reading ----

    public async Task<IReadOnlyList<BreakoutDto>> BreakoutsAsync(int sessionId, CancellationToken ct)
    {
        var breakouts = await db.SessionBreakouts.AsNoTracking().Where(b => b.SessionId == sessionId).OrderBy(b => b.Number).ToListAsync(ct);
        var people = await db.SessionParticipants.AsNoTracking().Where(p => p.SessionId == sessionId).OrderBy(p => p.Id).ToListAsync(ct);
        return breakouts.Select(b => new BreakoutDto(b.Number, b.Name, Colour(b.Number),
            people.Where(p => p.BreakoutId == b.Id).Select(p => new MemberDto(p.Id, p.DisplayName, p.IsGuest)).ToList())).ToList();
    }

    public async Task<SessionDto?> GetAsync(int sessionId, CancellationToken ct)
    {
        var s = await db.Sessions.AsNoTracking().Include(x => x.Parts).FirstOrDefaultAsync(x => x.Id == sessionId, ct);
        if (s is null) return null;
        var numbers = await db.SessionBreakouts.Where(b => b.SessionId == sessionId).ToDictionaryAsync(b => b.Id, b => b.Number, ct);
        var breakouts = await BreakoutsAsync(sessionId, ct);
        var unassigned = await db.SessionParticipants.AsNoTracking().Where(p => p.SessionId == sessionId && p.BreakoutId == null)
            .OrderBy(p => p.Id).Select(p => new MemberDto(p.Id, p.DisplayName, p.IsGuest)).ToListAsync(ct);
        var drafts = (await db.SessionDrafts.AsNoTracking().Where(d => d.SessionId == sessionId).OrderBy(d => d.Id).ToListAsync(ct))
            .Select(d => ToDto(d, numbers[d.BreakoutId])).ToList();
        var parked = (await db.SessionParkedTopics.AsNoTracking().Where(t => t.SessionId == sessionId).OrderBy(t => t.Id).ToListAsync(ct))
            .Select(t => ToDto(t, t.BreakoutId is { } b ? numbers[b] : null)).ToList();
        var reactions = (await db.SessionReactions.AsNoTracking().Where(r => r.SessionId == sessionId).OrderBy(r => r.Id).ToListAsync(ct)).Select(ToDto).ToList();
        var evaluation = (await db.SessionEvaluation.AsNoTracking().Where(e => e.SessionId == sessionId).OrderBy(e => e.Id).ToListAsync(ct)).Select(ToDto).ToList();
        return new SessionDto(s.Id, s.Title, s.Code, s.CodeExpiresAt, s.What, s.Why, s.Who, s.Where, s.When, s.How, s.AreaCode, s.Mode, s.StartsAt,
            s.CurrentPartId, s.TimerEndsAt, s.Closed, s.Version,
            s.Parts.OrderBy(p => p.Order).Select(p => new PartDto(p.Id, p.Order, p.Kind, p.Title, p.Minutes)).ToList(),
            breakouts, unassigned, drafts, parked, reactions, evaluation);
    }

    public Task<List<SessionSummary>> ListAsync(CancellationToken ct) =>
        db.Sessions.AsNoTracking().OrderByDescending(s => s.StartsAt)
            .Select(s => new SessionSummary(s.Id, s.Title, s.Code, s.StartsAt, s.Mode, s.Closed, s.Participants.Count)).ToListAsync(ct);

    public static DraftDto ToDto(DraftItem d, int breakout) => new(d.Id, breakout, d.Kind, d.Title, d.Note, d.Latitude, d.Longitude, d.Author, d.ByGuest,
        d.State.ToString().ToLowerInvariant(), d.MergedIntoId, d.ItemId, d.Version);

    static ParkedDto ToDto(ParkedTopic t, int? breakout) => new(t.Id, breakout, t.Author, t.Text, t.FollowUp, t.ItemId, t.At);

    static ReactionDto ToDto(InputReaction r) => new(r.Id, r.Author, r.Text, r.Pinned, r.Cluster, r.At);

    static EvaluationDto ToDto(EvaluationAnswer e) => new(e.Id, e.Column, e.Author, e.Text, e.At);

    /// <summary>Pushes after the save; a lost push is caught up by the page reloading its state on reconnect.</summary>
    async Task SendAsync(IReadOnlyList<string> groups, string type, object? data)
    {
        try
        {
            await hub.Clients.Groups(groups).SendAsync(SessionHub.Method, new SessionMessage(type, data));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not push session change {Type}", type);
        }
    }
}
