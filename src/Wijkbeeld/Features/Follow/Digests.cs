using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Activity;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Email;

namespace Wijkbeeld.Features.Follow;

public sealed class DigestOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>The address the links in a digest point to.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";
    public int CheckMinutes { get; set; } = 15;
}

/// <summary>
/// Composes and sends the daily and weekly digests: per person, the changes since their last digest in what they
/// follow, only of items that person may see. Runs without a request, so it applies each person's visibility itself.
/// </summary>
public sealed class Digests(WijkbeeldDb db, IEmailSender mail, EmailTemplates templates, IStringLocalizer<Texts> text,
    Microsoft.Extensions.Options.IOptions<DigestOptions> options, ILogger<Digests> log, Areas.AreaIndex areas)
{
    public const int MaxChangesPerMail = 50;

    public async Task<int> SendDueAsync(DateTime now, CancellationToken ct)
    {
        var follows = await db.Set<Following>().ToListAsync(ct);
        var due = follows.Where(f => f.LastSentAt is not { } last || last <= now - Interval(f.Frequency) + TimeSpan.FromMinutes(5))
            .GroupBy(f => f.UserId).ToList();
        var sent = 0;
        var administrator = Roles.IdOf(Roles.Administrator);
        foreach (var group in due)
        {
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == group.Key, ct);
            if (user?.Email is null) continue;
            var isAdministrator = await db.UserRoles.AnyAsync(r => r.UserId == user.Id && r.RoleId == administrator, ct);
            var reader = new Viewer(user.Id, user.DisplayName, isAdministrator ? Roles.Administrator : Roles.Reader, user.OrganisationId);
            var since = group.Min(f => f.LastSequence);
            var candidates = await db.ItemChanges.IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.Sequence > since).OrderBy(c => c.Sequence).Take(5000).ToListAsync(ct);
            var changes = candidates
                .Where(c => reader.MaySee(c.Visibility, c.OrganisationId))
                .Where(c => group.Any(f => c.Sequence > f.LastSequence && Matches(f, c)))
                .Take(MaxChangesPerMail).ToList();
            var newest = candidates.Count > 0 ? candidates[^1].Sequence : since;
            var overdue = await OverdueSafeguardsAsync(group.Where(f => f.Target == FollowTarget.Area).Select(f => f.Key).ToHashSet(), reader, now, ct);
            if (changes.Count > 0 || overdue.Count > 0)
            {
                var result = await mail.SendAsync(user.Email, Compose(user, changes, overdue), ct);
                if (!result.Succeeded)
                {
                    log.LogWarning("Digest for user {User} not sent: {Error}", user.Id, result.Error);
                    continue;
                }
                sent++;
            }
            foreach (var follow in group)
            {
                follow.LastSentAt = now;
                follow.LastSequence = Math.Max(follow.LastSequence, newest);
            }
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }

    static TimeSpan Interval(DigestFrequency frequency) => frequency == DigestFrequency.Weekly ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1);

    static bool Matches(Following follow, ItemChange change) => follow.Target switch
    {
        FollowTarget.Item => follow.Key == change.ItemId.ToString(CultureInfo.InvariantCulture),
        FollowTarget.Theme => change.Themes.Contains(";" + follow.Key + ";", StringComparison.Ordinal),
        _ => follow.Key == change.NeighbourhoodCode || follow.Key == change.DistrictCode || follow.Key == change.MunicipalityCode,
    };

    /// <summary>
    /// Borgen (WerkwijzerPlus step 6): safeguards in a followed area (a wijk also holds its buurten) whose review date
    /// passed without an update. They stay in every digest until someone records the next review date.
    /// </summary>
    async Task<List<Borgen.Safeguard>> OverdueSafeguardsAsync(HashSet<string> areaKeys, Viewer reader, DateTime now, CancellationToken ct)
    {
        if (areaKeys.Count == 0) return [];
        var today = DateOnly.FromDateTime(now);
        var map = await areas.GetAsync(ct);
        var rows = await db.Safeguards.IgnoreQueryFilters().AsNoTracking().Where(g => g.NextReviewOn < today)
            .OrderBy(g => g.NextReviewOn).Take(500).ToListAsync(ct);
        return rows.Where(g => reader.MaySee(g.Visibility, g.OrganisationId))
            .Where(g => map.Find(g.AreaCode) is { } a && (areaKeys.Contains(a.Code) || areaKeys.Contains(a.MunicipalityCode)
                || (a.ParentCode is { } parent && areaKeys.Contains(parent))))
            .Take(MaxChangesPerMail).ToList();
    }

    EmailContent Compose(User user, IReadOnlyList<ItemChange> changes, IReadOnlyList<Borgen.Safeguard> overdue)
    {
        var baseUrl = options.Value.BaseUrl.TrimEnd('/');
        var lines = changes.Select(c => $"{text["Change." + c.Type.ToString().ToLowerInvariant()]}: {c.Title}. {c.Summary} {baseUrl}/items/{c.ItemId}");
        var reminders = overdue.Select(g => text["Digest.Overdue", g.Title, g.NextReviewOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), g.ReviewMeeting,
            $"{baseUrl}/borgen/{g.AreaCode}"].Value);
        var subject = changes.Count > 0 ? text["Digest.Subject", changes.Count] : text["Digest.SubjectOverdue", overdue.Count];
        List<string> body = changes.Count > 0 ? [text["Digest.Intro"], .. lines] : [];
        if (overdue.Count > 0) body = [.. body, text["Digest.OverdueIntro"], .. reminders];
        return templates.Compose(subject, user.DisplayName, body, new EmailAction(text["Digest.Action"], new Uri(baseUrl + "/account")));
    }
}

/// <summary>Checks every few minutes whether digests are due.</summary>
public sealed class DigestWorker(IServiceScopeFactory scopes, TimeProvider clock, Microsoft.Extensions.Options.IOptions<DigestOptions> options, ILogger<DigestWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.CheckMinutes)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<Digests>().SendDueAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database or mail outage must not stop the worker; the next round sends what is still due.
                log.LogWarning(e, "Digest round failed");
            }
        }
    }
}
