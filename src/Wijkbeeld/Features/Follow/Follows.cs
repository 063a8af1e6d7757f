using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Follow;

public sealed record FollowInput(string? Target, string? Key, string? Frequency);

public sealed record FollowDto(int Id, string Target, string Key, string Name, string Frequency, DateTime? LastSentAt);

/// <summary>What one person follows: add (checked), list with readable names, remove.</summary>
public sealed class Follows(WijkbeeldDb db, AreaIndex areas, TimeProvider clock, IStringLocalizer<Texts> text)
{
    static readonly Dictionary<string, FollowTarget> Targets = new() { ["gebied"] = FollowTarget.Area, ["thema"] = FollowTarget.Theme, ["item"] = FollowTarget.Item };
    static readonly Dictionary<string, DigestFrequency> Frequencies = new() { ["dagelijks"] = DigestFrequency.Daily, ["wekelijks"] = DigestFrequency.Weekly };

    public static string Code(FollowTarget target) => Targets.First(t => t.Value == target).Key;
    public static string Code(DigestFrequency frequency) => Frequencies.First(f => f.Value == frequency).Key;

    public async Task<IReadOnlyList<FollowDto>> MineAsync(int userId, CancellationToken ct)
    {
        var map = await areas.GetAsync(ct);
        var themes = await db.Themes.ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        var follows = await db.Set<Following>().AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.Id).ToListAsync(ct);
        var itemIds = follows.Where(f => f.Target == FollowTarget.Item).Select(f => int.Parse(f.Key, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var titles = await db.Items.Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), i => i.Title, ct);
        return follows.Select(f => new FollowDto(f.Id, Code(f.Target), f.Key, f.Target switch
        {
            FollowTarget.Area => map.Find(f.Key)?.Name ?? f.Key,
            FollowTarget.Theme => themes.GetValueOrDefault(f.Key, f.Key),
            _ => titles.GetValueOrDefault(f.Key, text["Follow.ItemGone"]),
        }, Code(f.Frequency), f.LastSentAt)).ToList();
    }

    public async Task<(Following? Follow, Dictionary<string, string[]> Errors)> AddAsync(int userId, FollowInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var key = input.Key?.Trim() ?? "";
        if (!Targets.TryGetValue(input.Target?.Trim().ToLowerInvariant() ?? "", out var target))
        {
            errors["target"] = [text["Follow.TargetInvalid"]];
        }
        else if (target == FollowTarget.Area && (await areas.GetAsync(ct)).Find(key) is null
            || target == FollowTarget.Theme && !await db.Themes.AnyAsync(t => t.Code == key, ct)
            || target == FollowTarget.Item && !(int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                && await db.Items.AnyAsync(i => i.Id == id, ct)))
        {
            errors["key"] = [text["Follow.KeyUnknown"]];
        }
        if (!Frequencies.TryGetValue(input.Frequency?.Trim().ToLowerInvariant() ?? "dagelijks", out var frequency))
        {
            errors["frequency"] = [text["Follow.FrequencyInvalid"]];
        }
        if (errors.Count > 0) return (null, errors);
        var existing = await db.Set<Following>().FirstOrDefaultAsync(f => f.UserId == userId && f.Target == target && f.Key == key, ct);
        if (existing is not null)
        {
            existing.Frequency = frequency;
            await db.SaveChangesAsync(ct);
            return (existing, errors);
        }
        // Start from now: the first digest tells what changed after following, not the whole history.
        var latest = await db.ItemChanges.IgnoreQueryFilters().MaxAsync(c => (long?)c.Sequence, ct) ?? 0;
        var follow = new Following { UserId = userId, Target = target, Key = key, Frequency = frequency, CreatedAt = clock.GetUtcNow().UtcDateTime, LastSequence = latest };
        db.Add(follow);
        await db.SaveChangesAsync(ct);
        return (follow, errors);
    }

    public async Task<bool> RemoveAsync(int userId, int id, CancellationToken ct) =>
        await db.Set<Following>().Where(f => f.Id == id && f.UserId == userId).ExecuteDeleteAsync(ct) > 0;
}
