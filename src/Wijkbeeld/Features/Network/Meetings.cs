using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Werkagenda;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Network;

public sealed record ParticipantDto(string Name, string Organisation);
public sealed record MeetingInput(string? Name, string? Purpose, string? Frequency, decimal? HoursPerMonth, bool? Essential, List<ParticipantDto>? Participants);
public sealed record MeetingDto(int Id, string Name, string Purpose, string Frequency, decimal HoursPerMonth, bool Essential,
    IReadOnlyList<ParticipantDto> Participants, decimal TotalHours, bool MayChange, int Version);
public sealed record HoursRow(string Name, string? Organisation, decimal Before, decimal After, decimal Freed);
/// <summary>
/// The inventory's totals now and after the chosen changes: per person, per organisation and in all. A person's hours
/// are personal data: <see cref="People"/> holds every person only for coordinators (AllPeople true), for everyone
/// else only their own row (matched on their name). Organisation totals and the sums stay visible to the team.
/// </summary>
public sealed record MeetingTotals(decimal Before, decimal After, decimal Freed, IReadOnlyList<HoursRow> People, IReadOnlyList<HoursRow> Organisations,
    bool AllPeople = true);

/// <summary>A what-if choice per meeting: keep it, drop it, or merge it into another meeting (its people join that one).</summary>
public sealed record Change(int MeetingId, string Action, int? IntoId);

public sealed class Meetings(WijkbeeldDb db, Viewer viewer, TimeProvider clock, IStringLocalizer<Texts> text)
{
    public async Task<IReadOnlyList<MeetingDto>> ListAsync(CancellationToken ct) =>
        (await db.Set<Meeting>().Include(m => m.Participants).OrderBy(m => m.Name).ThenBy(m => m.Id).AsNoTracking().ToListAsync(ct))
            .Select(ToDto).ToList();

    bool MayChange(Meeting m) => viewer.CanModerate || (viewer.CanWrite && (m.OrganisationId is null || m.OrganisationId == viewer.OrganisationId));

    MeetingDto ToDto(Meeting m) => new(m.Id, m.Name, m.Purpose, m.Frequency, m.HoursPerMonth, m.Essential,
        m.Participants.OrderBy(p => p.Id).Select(p => new ParticipantDto(p.Name, p.Organisation)).ToList(), m.HoursPerMonth * m.Participants.Count, MayChange(m), m.Version);

    public async Task<MeetingDto?> GetAsync(int id, CancellationToken ct) =>
        await db.Set<Meeting>().Include(m => m.Participants).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } m ? ToDto(m) : null;

    /// <summary>Only coordinators see every person's hours; anyone else sees their own row (same name) and the organisations.</summary>
    public MeetingTotals ForViewer(MeetingTotals totals)
    {
        if (viewer.CanModerate) return totals;
        var me = viewer.Name?.Trim() ?? "";
        return totals with
        {
            People = me.Length == 0 ? [] : totals.People.Where(p => string.Equals(p.Name.Trim(), me, StringComparison.OrdinalIgnoreCase)).ToList(),
            AllPeople = false,
        };
    }

    public async Task<Result<MeetingDto>> AddAsync(MeetingInput input, CancellationToken ct)
    {
        if (!viewer.CanWrite) return Result<MeetingDto>.Forbidden;
        var (valid, errors) = Validate(input);
        if (valid is null) return Result<MeetingDto>.Invalid(errors);
        valid.OrganisationId = viewer.OrganisationId;
        valid.CreatedBy = viewer.Name ?? "";
        valid.CreatedAt = clock.GetUtcNow().UtcDateTime;
        db.Add(valid);
        await db.SaveChangesAsync(ct);
        return new(Outcome.Ok, ToDto(valid));
    }

    /// <summary>Changes a meeting as a whole (participants replaced) when its version still matches.</summary>
    public async Task<Result<MeetingDto>> UpdateAsync(int id, int expectedVersion, MeetingInput input, CancellationToken ct)
    {
        if (await db.Set<Meeting>().Include(m => m.Participants).FirstOrDefaultAsync(m => m.Id == id, ct) is not { } m) return Result<MeetingDto>.NotFound;
        if (!MayChange(m)) return Result<MeetingDto>.Forbidden;
        var (valid, errors) = Validate(input);
        if (valid is null) return Result<MeetingDto>.Invalid(errors);
        if (m.Version != expectedVersion) return new(Outcome.Conflict, CurrentVersion: m.Version);
        (m.Name, m.Purpose, m.Frequency, m.HoursPerMonth, m.Essential) = (valid.Name, valid.Purpose, valid.Frequency, valid.HoursPerMonth, valid.Essential);
        // Keep the rows of people who stay (the audit log then shows who joined and who left).
        var wanted = valid.Participants.Select(p => (p.Name, p.Organisation)).ToHashSet();
        foreach (var gone in m.Participants.Where(p => !wanted.Contains((p.Name, p.Organisation))).ToList()) m.Participants.Remove(gone);
        var kept = m.Participants.Select(p => (p.Name, p.Organisation)).ToHashSet();
        m.Participants.AddRange(valid.Participants.Where(p => !kept.Contains((p.Name, p.Organisation))));
        m.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(Outcome.Conflict, CurrentVersion: expectedVersion + 1);
        }
        return new(Outcome.Ok, ToDto(m));
    }

    (Meeting? Valid, Dictionary<string, string[]> Errors) Validate(MeetingInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > MeetingRules.NameMax) errors["name"] = [text["Meetings.Error.Name", MeetingRules.NameMax]];
        if ((input.Purpose?.Length ?? 0) > MeetingRules.TextMax) errors["purpose"] = [text["Werkagenda.Error.TooLong", MeetingRules.TextMax]];
        var frequency = string.IsNullOrWhiteSpace(input.Frequency) ? "maandelijks" : input.Frequency.Trim();
        if (!MeetingRules.Frequencies.Contains(frequency)) errors["frequency"] = [text["Meetings.Error.Frequency", string.Join(", ", MeetingRules.Frequencies)]];
        if (input.HoursPerMonth is not (> 0 and <= 200)) errors["hoursPerMonth"] = [text["Meetings.Error.Hours"]];
        var people = (input.Participants ?? []).Select(p => new ParticipantDto(p.Name?.Trim() ?? "", p.Organisation?.Trim() ?? "")).ToList();
        if (people.Count == 0 || people.Count > MeetingRules.MaxParticipants) errors["participants"] = [text["Meetings.Error.Participants", MeetingRules.MaxParticipants]];
        else if (people.Any(p => p.Name.Length == 0 || p.Name.Length > MeetingRules.NameMax || p.Organisation.Length == 0 || p.Organisation.Length > MeetingRules.NameMax))
        {
            errors["participants"] = [text["Meetings.Error.Participant"]];
        }
        else if (people.GroupBy(p => (p.Name.ToLowerInvariant(), p.Organisation.ToLowerInvariant())).Any(g => g.Count() > 1))
        {
            errors["participants"] = [text["Meetings.Error.ParticipantTwice"]];
        }
        if (errors.Count > 0) return (null, errors);
        return (new Meeting
        {
            Name = name, Purpose = input.Purpose?.Trim() ?? "", Frequency = frequency, HoursPerMonth = Math.Round(input.HoursPerMonth!.Value, 2),
            Essential = input.Essential ?? true,
            Participants = people.Select(p => new MeetingParticipant { Name = p.Name, Organisation = p.Organisation }).ToList(),
        }, errors);
    }

    public async Task<Outcome> DeleteAsync(int id, CancellationToken ct)
    {
        if (await db.Set<Meeting>().Include(m => m.Participants).FirstOrDefaultAsync(m => m.Id == id, ct) is not { } m) return Outcome.NotFound;
        if (!MayChange(m)) return Outcome.Forbidden;
        db.Remove(m);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    /// <summary>Parses "drop=3", "merge=4:7" (meeting 4 into 7); unknown meetings, merging into itself or into a dropped one are errors.</summary>
    public static (List<Change> Changes, Dictionary<string, string[]> Errors) ParseChanges(IEnumerable<string?> drop, IEnumerable<string?> merge,
        IReadOnlyCollection<int> known, IStringLocalizer text)
    {
        var changes = new List<Change>();
        var errors = new Dictionary<string, string[]>();
        foreach (var d in drop.Where(d => !string.IsNullOrWhiteSpace(d)))
        {
            if (int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && known.Contains(id)) changes.Add(new Change(id, "drop", null));
            else errors["drop"] = [text["Meetings.Error.Unknown", d!]];
        }
        foreach (var m in merge.Where(m => !string.IsNullOrWhiteSpace(m)))
        {
            var parts = m!.Split(':');
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var into) && known.Contains(from) && known.Contains(into) && from != into)
            {
                changes.Add(new Change(from, "merge", into));
            }
            else errors["merge"] = [text["Meetings.Error.Merge", m]];
        }
        if (changes.GroupBy(c => c.MeetingId).Any(g => g.Count() > 1)) errors["drop"] = [text["Meetings.Error.Twice"]];
        var gone = changes.Select(c => c.MeetingId).ToHashSet();
        if (changes.Any(c => c.IntoId is { } into && gone.Contains(into))) errors["merge"] = [text["Meetings.Error.MergeIntoGone"]];
        return (changes, errors);
    }

    /// <summary>
    /// Hours per month now and after the changes. A dropped meeting frees its hours for every participant. A merged meeting
    /// frees its hours too, but its participants who do not sit in the meeting it joins now spend that meeting's hours there.
    /// </summary>
    public static MeetingTotals Totals(IReadOnlyList<MeetingDto> meetings, IReadOnlyList<Change> changes)
    {
        var before = new Dictionary<(string, string), decimal>();
        var after = new Dictionary<(string, string), decimal>();
        static (string, string) Key(ParticipantDto p) => (p.Name.Trim(), p.Organisation.Trim());
        void Add(Dictionary<(string, string), decimal> to, ParticipantDto p, decimal hours) => to[Key(p)] = to.GetValueOrDefault(Key(p)) + hours;
        var byId = meetings.ToDictionary(m => m.Id);
        var joined = meetings.ToDictionary(m => m.Id, m => m.Participants.Select(Key).ToHashSet());
        foreach (var change in changes.Where(c => c.Action == "merge"))
        {
            joined[change.IntoId!.Value].UnionWith(byId[change.MeetingId].Participants.Select(Key));
        }
        var gone = changes.Select(c => c.MeetingId).ToHashSet();
        foreach (var m in meetings)
        {
            foreach (var p in m.Participants) Add(before, p, m.HoursPerMonth);
            if (gone.Contains(m.Id)) continue;
            foreach (var key in joined[m.Id]) Add(after, new ParticipantDto(key.Item1, key.Item2), m.HoursPerMonth);
        }
        var people = before.Keys.Union(after.Keys).Select(k => new HoursRow(k.Item1, k.Item2, before.GetValueOrDefault(k), after.GetValueOrDefault(k),
            before.GetValueOrDefault(k) - after.GetValueOrDefault(k))).OrderBy(r => r.Organisation).ThenBy(r => r.Name).ToList();
        var organisations = people.GroupBy(p => p.Organisation).Select(g => new HoursRow(g.Key!, null, g.Sum(p => p.Before), g.Sum(p => p.After), g.Sum(p => p.Freed)))
            .OrderBy(r => r.Name).ToList();
        return new MeetingTotals(people.Sum(p => p.Before), people.Sum(p => p.After), people.Sum(p => p.Freed), people, organisations);
    }
}
