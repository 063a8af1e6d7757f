using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Privacy;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Werkagenda;

public enum Outcome { Ok, Invalid, NotFound, Forbidden, Conflict }

/// <summary>What a change came to: the value, or why not (errors per field, the current version on a conflict).</summary>
public sealed record Result<T>(Outcome Outcome, T? Value = default, Dictionary<string, string[]>? Errors = null, int? CurrentVersion = null)
{
    public static Result<T> Invalid(Dictionary<string, string[]> errors) => new(Outcome.Invalid, Errors: errors);
    public static readonly Result<T> NotFound = new(Outcome.NotFound);
    public static readonly Result<T> Forbidden = new(Outcome.Forbidden);
}

public sealed record CaseInput(string? Title, string? AreaCode, string? Situation, string? Reflection, string? Direction, string? Visibility,
    bool ConfirmPersonalData = false);
public sealed record CaseSummary(int Id, string Title, string? AreaCode, string? AreaName, string Visibility, string CreatedBy,
    DateTime UpdatedAt, int Actions, int Overdue, ReflectionState Reflection);
public sealed record RoundDto(int Id, int CaseId, string Name, DateTime CreatedAt, string CreatedBy, int Participants);
public sealed record CaseDto(int Id, string Title, string? AreaCode, string? AreaName, string Situation, string Reflection, string Direction,
    string Visibility, string CreatedBy, DateTime CreatedAt, DateTime UpdatedAt, int Version, bool MayChange,
    IReadOnlyList<RoundDto> Rounds, IReadOnlyList<ActionDto> Actions, IReadOnlyList<ScoreDto> BuildingBlocks, IReadOnlyList<ScoreDto> SocialInnovation);
public sealed record RoundInput(string? Name);
public sealed record SliderInput(string? Slider, int? Now, int? Intended, string? Reason);
public sealed record AnswersInput(List<SliderInput>? Answers, bool ConfirmPersonalData = false);
public sealed record Position(string Name, int Now, int Intended, string Reason, bool Mine);
public sealed record SliderResult(string Slider, IReadOnlyList<Position> Positions, int? NowSpread, int? IntendedSpread,
    double? AverageNow, double? AverageIntended, double? Gap, double? PreviousAverageNow, double? PreviousAverageIntended);
public sealed record ScanResult(int RoundId, int CaseId, string CaseTitle, string Name, DateTime CreatedAt, int Participants,
    RoundDto? Previous, IReadOnlyList<SliderResult> Sliders);
public sealed record ActionInput(string? What, string? Owner, string? Partners, string? How, string? Deadline, string? MeasurableResult,
    string? Status, bool ConfirmPersonalData = false);
public sealed record NoteDto(DateTime At, string Author, string Text);
public sealed record ActionDto(int Id, int CaseId, string What, string Owner, string Partners, string How, DateOnly Deadline,
    string MeasurableResult, string Status, bool Overdue, int Version, IReadOnlyList<NoteDto> Notes);
public sealed record NoteInput(string? Text, bool ConfirmPersonalData = false);

/// <summary>Cases, their self-scan rounds and SMART actions: reading, validating and saving, for the pages and the API.</summary>
public sealed class WorkAgenda(WijkbeeldDb db, Viewer viewer, AreaIndex areas, TimeProvider clock, IStringLocalizer<Texts> text, CaseReflection reflection)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    IQueryable<WorkCase> Cases => db.Set<WorkCase>().VisibleTo(viewer);

    // ---- cases ----

    public async Task<IReadOnlyList<CaseSummary>> ListAsync(CancellationToken ct)
    {
        var today = Today;
        var map = await areas.GetAsync(ct);
        var rows = await Cases.OrderBy(c => c.Title).Select(c => new
        {
            c.Id, c.Title, c.AreaCode, c.Visibility, c.CreatedBy, c.UpdatedAt,
            Actions = db.Set<AgendaAction>().Where(a => a.CaseId == c.Id).Select(a => new { a.Deadline, a.Status }).ToList(),
        }).AsNoTracking().ToListAsync(ct);
        var states = await reflection.StatesAsync(ct);
        var none = new ReflectionState(new Dictionary<string, int>(), new Dictionary<string, int>());
        return rows.Select(c => new CaseSummary(c.Id, c.Title, c.AreaCode, AreaName(map, c.AreaCode), c.Visibility.Code(), c.CreatedBy, c.UpdatedAt,
            c.Actions.Count, c.Actions.Count(a => AgendaAction.IsOverdue(a.Deadline, a.Status, today)), states.GetValueOrDefault(c.Id, none))).ToList();
    }

    static string? AreaName(AreaMap map, string? code) => code is null ? null : map.All.FirstOrDefault(a => a.Code == code)?.Name;

    public async Task<CaseDto?> GetAsync(int id, CancellationToken ct)
    {
        if (await Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } c) return null;
        var map = await areas.GetAsync(ct);
        var rounds = await RoundsAsync(id, ct);
        var actions = await ActionsAsync(id, ct);
        return new CaseDto(c.Id, c.Title, c.AreaCode, AreaName(map, c.AreaCode), c.Situation, c.Reflection, c.Direction, c.Visibility.Code(),
            c.CreatedBy, c.CreatedAt, c.UpdatedAt, c.Version, viewer.MayChange(c), rounds, actions,
            await reflection.ScoresAsync(id, ReflectionTool.BuildingBlocks, ct), await reflection.ScoresAsync(id, ReflectionTool.SocialInnovation, ct));
    }

    async Task<List<RoundDto>> RoundsAsync(int caseId, CancellationToken ct) =>
        await db.Set<SelfScanRound>().Where(r => r.CaseId == caseId).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new RoundDto(r.Id, r.CaseId, r.Name, r.CreatedAt, r.CreatedBy,
                db.Set<SliderAnswer>().Where(a => a.RoundId == r.Id).Select(a => a.UserId).Distinct().Count()))
            .AsNoTracking().ToListAsync(ct);

    public async Task<Result<CaseDto>> CreateAsync(CaseInput input, CancellationToken ct)
    {
        if (!viewer.CanWrite) return Result<CaseDto>.Forbidden;
        var (valid, errors) = await ValidateAsync(input, null, ct);
        if (valid is null) return Result<CaseDto>.Invalid(errors);
        var c = new WorkCase
        {
            CreatedAt = Now, UpdatedAt = Now, Version = 1, OrganisationId = viewer.OrganisationId,
            CreatedById = viewer.UserId, CreatedBy = viewer.Name ?? "",
        };
        Apply(c, valid);
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return new(Outcome.Ok, await GetAsync(c.Id, ct));
    }

    public async Task<Result<CaseDto>> UpdateAsync(int id, int expectedVersion, CaseInput input, CancellationToken ct)
    {
        if (await Cases.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } c) return Result<CaseDto>.NotFound;
        if (!viewer.MayChange(c)) return Result<CaseDto>.Forbidden;
        var (valid, errors) = await ValidateAsync(input, c, ct);
        if (valid is null) return Result<CaseDto>.Invalid(errors);
        if (c.Version != expectedVersion) return new(Outcome.Conflict, CurrentVersion: c.Version);
        Apply(c, valid);
        c.UpdatedAt = Now;
        c.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(Outcome.Conflict, CurrentVersion: expectedVersion + 1);
        }
        return new(Outcome.Ok, await GetAsync(c.Id, ct));
    }

    static void Apply(WorkCase c, WorkCase valid)
    {
        c.Title = valid.Title;
        c.AreaCode = valid.AreaCode;
        c.Situation = valid.Situation;
        c.Reflection = valid.Reflection;
        c.Direction = valid.Direction;
        c.Visibility = valid.Visibility;
    }

    async Task<(WorkCase? Valid, Dictionary<string, string[]> Errors)> ValidateAsync(CaseInput input, WorkCase? stored, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0 || title.Length > WerkagendaRules.TitleMax) errors["title"] = [text["Werkagenda.Error.Title", WerkagendaRules.TitleMax]];
        string? area = string.IsNullOrWhiteSpace(input.AreaCode) ? null : input.AreaCode.Trim().ToUpperInvariant();
        if (area is not null && !(await areas.GetAsync(ct)).All.Any(a => a.Code == area)) errors["areaCode"] = [text["Error.AreaUnknown", area]];
        var visibility = Visibility.Partners;
        if (!string.IsNullOrWhiteSpace(input.Visibility) && (!ItemCatalog.TryParseVisibility(input.Visibility.Trim(), out visibility) || visibility == Visibility.Public))
        {
            errors["visibility"] = [text["Werkagenda.Error.Visibility"]];
        }
        foreach (var (field, value) in new[] { ("situation", input.Situation), ("reflection", input.Reflection), ("direction", input.Direction) })
        {
            if ((value?.Length ?? 0) > WerkagendaRules.LongTextMax) errors[field] = [text["Werkagenda.Error.TooLong", WerkagendaRules.LongTextMax]];
        }
        if (errors.Count == 0 && !input.ConfirmPersonalData)
        {
            errors = PersonalDataRules.Check(text, [("title", input.Title), ("situation", input.Situation), ("reflection", input.Reflection), ("direction", input.Direction)],
                stored is null ? null : [stored.Title, stored.Situation, stored.Reflection, stored.Direction]);
        }
        if (errors.Count > 0) return (null, errors);
        return (new WorkCase
        {
            Title = title, AreaCode = area, Situation = input.Situation?.Trim() ?? "", Reflection = input.Reflection?.Trim() ?? "",
            Direction = input.Direction?.Trim() ?? "", Visibility = visibility,
        }, errors);
    }

    // ---- self-scan ----

    public async Task<Result<RoundDto>> AddRoundAsync(int caseId, RoundInput input, CancellationToken ct)
    {
        if (await Cases.FirstOrDefaultAsync(c => c.Id == caseId, ct) is not { } c) return Result<RoundDto>.NotFound;
        if (!viewer.MayChange(c)) return Result<RoundDto>.Forbidden;
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > WerkagendaRules.TitleMax)
        {
            return Result<RoundDto>.Invalid(new() { ["name"] = [text["Werkagenda.Error.RoundName", WerkagendaRules.TitleMax]] });
        }
        var round = new SelfScanRound { CaseId = caseId, Name = name, CreatedAt = Now, CreatedBy = viewer.Name ?? "" };
        db.Add(round);
        await db.SaveChangesAsync(ct);
        return new(Outcome.Ok, new RoundDto(round.Id, caseId, name, round.CreatedAt, round.CreatedBy, 0));
    }

    async Task<SelfScanRound?> VisibleRoundAsync(int roundId, CancellationToken ct) =>
        await db.Set<SelfScanRound>().Where(r => r.Id == roundId && Cases.Any(c => c.Id == r.CaseId)).FirstOrDefaultAsync(ct);

    public async Task<Result<ScanResult>> SaveAnswersAsync(int roundId, AnswersInput input, CancellationToken ct)
    {
        if (!viewer.IsSignedIn || viewer.UserId is not { } userId) return Result<ScanResult>.Forbidden;
        if (await VisibleRoundAsync(roundId, ct) is null) return Result<ScanResult>.NotFound;
        var errors = new Dictionary<string, string[]>();
        var answers = input.Answers ?? [];
        if (answers.Count == 0) errors["answers"] = [text["Werkagenda.Error.NoAnswers"]];
        for (var i = 0; i < answers.Count; i++)
        {
            var a = answers[i];
            var key = Sliders.IsKnown(a.Slider) ? a.Slider! : $"answers[{i}]";
            if (!Sliders.IsKnown(a.Slider)) errors[$"answers[{i}].slider"] = [text["Werkagenda.Error.Slider", string.Join(", ", Sliders.Codes)]];
            else if (answers.Take(i).Any(b => b.Slider == a.Slider)) errors[$"answers[{i}].slider"] = [text["Werkagenda.Error.SliderTwice", a.Slider!]];
            if (a.Now is not (>= Sliders.Min and <= Sliders.Max)) errors[key + ".now"] = [text["Werkagenda.Error.Position", Sliders.Min, Sliders.Max]];
            if (a.Intended is not (>= Sliders.Min and <= Sliders.Max)) errors[key + ".intended"] = [text["Werkagenda.Error.Position", Sliders.Min, Sliders.Max]];
            if ((a.Reason?.Length ?? 0) > WerkagendaRules.ReasonMax) errors[key + ".reason"] = [text["Werkagenda.Error.TooLong", WerkagendaRules.ReasonMax]];
        }
        if (errors.Count == 0 && !input.ConfirmPersonalData)
        {
            errors = PersonalDataRules.Check(text, answers.Select(a => (a.Slider + ".reason", a.Reason)));
        }
        if (errors.Count > 0) return Result<ScanResult>.Invalid(errors);
        var mine = await db.Set<SliderAnswer>().Where(a => a.RoundId == roundId && a.UserId == userId).ToListAsync(ct);
        foreach (var a in answers)
        {
            var stored = mine.FirstOrDefault(m => m.Slider == a.Slider);
            if (stored is null)
            {
                stored = new SliderAnswer { RoundId = roundId, UserId = userId, Slider = a.Slider! };
                db.Add(stored);
            }
            stored.UserName = viewer.Name ?? "";
            stored.Now = a.Now!.Value;
            stored.Intended = a.Intended!.Value;
            stored.Reason = a.Reason?.Trim() ?? "";
            stored.UpdatedAt = Now;
        }
        await db.SaveChangesAsync(ct);
        return new(Outcome.Ok, await ResultAsync(roundId, ct));
    }

    public async Task<ScanResult?> ResultAsync(int roundId, CancellationToken ct)
    {
        if (await VisibleRoundAsync(roundId, ct) is not { } round) return null;
        var title = await db.Set<WorkCase>().Where(c => c.Id == round.CaseId).Select(c => c.Title).SingleAsync(ct);
        var answers = await db.Set<SliderAnswer>().Where(a => a.RoundId == roundId).AsNoTracking().ToListAsync(ct);
        var previous = await db.Set<SelfScanRound>()
            .Where(r => r.CaseId == round.CaseId && (r.CreatedAt < round.CreatedAt || (r.CreatedAt == round.CreatedAt && r.Id < round.Id)))
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var before = previous is null ? [] : await db.Set<SliderAnswer>().Where(a => a.RoundId == previous.Id).AsNoTracking().ToListAsync(ct);
        var sliders = Sliders.Codes.Select(code =>
        {
            var here = answers.Where(a => a.Slider == code).OrderBy(a => a.UserName).ThenBy(a => a.UserId).ToList();
            var then = before.Where(a => a.Slider == code).ToList();
            return new SliderResult(code,
                here.Select(a => new Position(a.UserName, a.Now, a.Intended, a.Reason, a.UserId == viewer.UserId)).ToList(),
                here.Count == 0 ? null : here.Max(a => a.Now) - here.Min(a => a.Now),
                here.Count == 0 ? null : here.Max(a => a.Intended) - here.Min(a => a.Intended),
                Average(here.Select(a => a.Now)), Average(here.Select(a => a.Intended)),
                here.Count == 0 ? null : Math.Round(here.Average(a => a.Intended) - here.Average(a => a.Now), 1),
                Average(then.Select(a => a.Now)), Average(then.Select(a => a.Intended)));
        }).ToList();
        var previousDto = previous is null ? null : new RoundDto(previous.Id, previous.CaseId, previous.Name, previous.CreatedAt, previous.CreatedBy,
            before.Select(a => a.UserId).Distinct().Count());
        return new ScanResult(round.Id, round.CaseId, title, round.Name, round.CreatedAt, answers.Select(a => a.UserId).Distinct().Count(),
            previousDto, sliders);
    }

    static double? Average(IEnumerable<int> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 1);
    }

    // ---- SMART actions ----

    async Task<List<ActionDto>> ActionsAsync(int caseId, CancellationToken ct)
    {
        var today = Today;
        var rows = await db.Set<AgendaAction>().Where(a => a.CaseId == caseId).Include(a => a.Notes)
            .OrderBy(a => a.Deadline).ThenBy(a => a.Id).AsNoTracking().ToListAsync(ct);
        return rows.Select(a => ToDto(a, today)).ToList();
    }

    static ActionDto ToDto(AgendaAction a, DateOnly today) => new(a.Id, a.CaseId, a.What, a.Owner, a.Partners, a.How, a.Deadline,
        a.MeasurableResult, a.Status, AgendaAction.IsOverdue(a.Deadline, a.Status, today), a.Version,
        a.Notes.OrderBy(n => n.At).Select(n => new NoteDto(n.At, n.Author, n.Text)).ToList());

    public async Task<IReadOnlyList<ActionDto>?> ActionsOfAsync(int caseId, CancellationToken ct) =>
        await Cases.AnyAsync(c => c.Id == caseId, ct) ? await ActionsAsync(caseId, ct) : null;

    public async Task<ActionDto?> ActionAsync(int actionId, CancellationToken ct)
    {
        var a = await db.Set<AgendaAction>().Include(x => x.Notes).AsNoTracking()
            .FirstOrDefaultAsync(x => x.Id == actionId && Cases.Any(c => c.Id == x.CaseId), ct);
        return a is null ? null : ToDto(a, Today);
    }

    public async Task<Result<ActionDto>> AddActionAsync(int caseId, ActionInput input, CancellationToken ct)
    {
        if (await Cases.FirstOrDefaultAsync(c => c.Id == caseId, ct) is not { } c) return Result<ActionDto>.NotFound;
        if (!viewer.MayChange(c)) return Result<ActionDto>.Forbidden;
        var (valid, errors) = ValidateAction(input, null);
        if (valid is null) return Result<ActionDto>.Invalid(errors);
        valid.CaseId = caseId;
        valid.CreatedAt = valid.UpdatedAt = Now;
        valid.Version = 1;
        db.Add(valid);
        await db.SaveChangesAsync(ct);
        return new(Outcome.Ok, ToDto(valid, Today));
    }

    public async Task<Result<ActionDto>> UpdateActionAsync(int actionId, int expectedVersion, ActionInput input, CancellationToken ct)
    {
        var (a, refused) = await ChangeableActionAsync(actionId, ct);
        if (a is null) return refused!;
        var (valid, errors) = ValidateAction(input, a);
        if (valid is null) return Result<ActionDto>.Invalid(errors);
        if (a.Version != expectedVersion) return new(Outcome.Conflict, CurrentVersion: a.Version);
        (a.What, a.Owner, a.Partners, a.How, a.Deadline, a.MeasurableResult, a.Status) =
            (valid.What, valid.Owner, valid.Partners, valid.How, valid.Deadline, valid.MeasurableResult, valid.Status);
        a.UpdatedAt = Now;
        a.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(Outcome.Conflict, CurrentVersion: expectedVersion + 1);
        }
        return new(Outcome.Ok, ToDto(a, Today));
    }

    public async Task<Result<ActionDto>> AddNoteAsync(int actionId, NoteInput input, CancellationToken ct)
    {
        var (a, refused) = await ChangeableActionAsync(actionId, ct);
        if (a is null) return refused!;
        var note = input.Text?.Trim() ?? "";
        if (note.Length == 0 || note.Length > WerkagendaRules.ReasonMax)
        {
            return Result<ActionDto>.Invalid(new() { ["text"] = [text["Werkagenda.Error.Note", WerkagendaRules.ReasonMax]] });
        }
        if (!input.ConfirmPersonalData && PersonalDataRules.Check(text, [("text", note)]) is { Count: > 0 } found) return Result<ActionDto>.Invalid(found);
        a.Notes.Add(new ActionNote { At = Now, Author = viewer.Name ?? "", Text = note });
        a.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
        return new(Outcome.Ok, ToDto(a, Today));
    }

    async Task<(AgendaAction?, Result<ActionDto>?)> ChangeableActionAsync(int actionId, CancellationToken ct)
    {
        var a = await db.Set<AgendaAction>().Include(x => x.Notes).FirstOrDefaultAsync(x => x.Id == actionId, ct);
        var c = a is null ? null : await Cases.FirstOrDefaultAsync(x => x.Id == a.CaseId, ct);
        if (a is null || c is null) return (null, Result<ActionDto>.NotFound);
        return viewer.MayChange(c) ? (a, null) : (null, Result<ActionDto>.Forbidden);
    }

    (AgendaAction? Valid, Dictionary<string, string[]> Errors) ValidateAction(ActionInput input, AgendaAction? stored)
    {
        var errors = new Dictionary<string, string[]>();
        var what = input.What?.Trim() ?? "";
        if (what.Length == 0 || what.Length > WerkagendaRules.TitleMax) errors["what"] = [text["Werkagenda.Error.What", WerkagendaRules.TitleMax]];
        var owner = input.Owner?.Trim() ?? "";
        if (owner.Length == 0 || owner.Length > WerkagendaRules.ShortMax) errors["owner"] = [text["Werkagenda.Error.Owner", WerkagendaRules.ShortMax]];
        if (!DateOnly.TryParseExact(input.Deadline?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline)
            || deadline.Year is < 2000 or > 2100)
        {
            errors["deadline"] = [text["Werkagenda.Error.Deadline"]];
        }
        var result = input.MeasurableResult?.Trim() ?? "";
        if (result.Length == 0 || result.Length > WerkagendaRules.ShortMax) errors["measurableResult"] = [text["Werkagenda.Error.Result", WerkagendaRules.ShortMax]];
        if ((input.Partners?.Length ?? 0) > WerkagendaRules.ShortMax) errors["partners"] = [text["Werkagenda.Error.TooLong", WerkagendaRules.ShortMax]];
        if ((input.How?.Length ?? 0) > WerkagendaRules.LongTextMax) errors["how"] = [text["Werkagenda.Error.TooLong", WerkagendaRules.LongTextMax]];
        var status = string.IsNullOrWhiteSpace(input.Status) ? ActionStatuses.Open : input.Status.Trim();
        if (!ActionStatuses.All.Contains(status)) errors["status"] = [text["Werkagenda.Error.Status", string.Join(", ", ActionStatuses.All)]];
        if (errors.Count == 0 && !input.ConfirmPersonalData)
        {
            errors = PersonalDataRules.Check(text, [("what", input.What), ("owner", input.Owner), ("partners", input.Partners), ("how", input.How), ("measurableResult", input.MeasurableResult)],
                stored is null ? null : [stored.What, stored.Owner, stored.Partners, stored.How, stored.MeasurableResult]);
        }
        if (errors.Count > 0) return (null, errors);
        return (new AgendaAction
        {
            What = what, Owner = owner, Partners = input.Partners?.Trim() ?? "", How = input.How?.Trim() ?? "", Deadline = deadline,
            MeasurableResult = result, Status = status,
        }, errors);
    }
}
