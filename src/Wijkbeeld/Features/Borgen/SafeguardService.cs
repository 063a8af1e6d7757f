using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Experiments;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.VisibleActions;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Borgen;

public sealed record SafeguardDto(
    int Id, string AreaCode, int? ExperimentId, int? ActionId, string Title, string OwnerOrganisation, string OwnerPerson, string BudgetLine,
    string ReviewMeeting, string NextReviewOn, bool Overdue, string Notes, string Visibility, string CreatedBy, int Version)
{
    public static SafeguardDto From(Safeguard g, DateOnly today) => new(
        g.Id, g.AreaCode, g.ExperimentId, g.ActionId, g.Title, g.OwnerOrganisation, g.OwnerPerson, g.BudgetLine, g.ReviewMeeting,
        g.NextReviewOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), g.IsOverdue(today), g.Notes, g.Visibility.Code(), g.CreatedBy, g.Version);
}

/// <summary>A success that still depends on the project team: nobody owns it yet.</summary>
public sealed record PendingSuccess(string Kind, int Id, string Title, string AreaCode, string Url);

public sealed record BorgenOverview(AreaInfo Area, IReadOnlyList<SafeguardDto> Secured, IReadOnlyList<PendingSuccess> Pending)
{
    public int OverdueCount => Secured.Count(s => s.Overdue);
}

/// <summary>Safeguards for the API and the pages; "today" comes from the clock so tests and pages agree.</summary>
public sealed class SafeguardService(WijkbeeldDb db, Viewer viewer, SafeguardRules rules, AreaIndex areas, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    async Task<IQueryable<Safeguard>> InAreaAsync(AreaInfo? area, CancellationToken ct)
    {
        var query = db.Safeguards.AsNoTracking();
        if (area is not null && VisibleActionRules.CodesIn(await areas.GetAsync(ct), area) is { } codes) query = query.Where(g => codes.Contains(g.AreaCode));
        return query;
    }

    public async Task<List<SafeguardDto>> ListAsync(AreaInfo? area, CancellationToken ct)
    {
        var rows = await (await InAreaAsync(area, ct)).OrderBy(g => g.NextReviewOn).ThenBy(g => g.Id).Take(1000).ToListAsync(ct);
        return rows.Select(g => SafeguardDto.From(g, Today)).ToList();
    }

    /// <summary>How many safeguards the viewer sees whose review date passed (for the werkwijzer page and lists).</summary>
    public async Task<int> OverdueCountAsync(AreaInfo? area, CancellationToken ct)
    {
        var today = Today;
        return await (await InAreaAsync(area, ct)).CountAsync(g => g.NextReviewOn < today, ct);
    }

    public async Task<BorgenOverview> OverviewAsync(AreaInfo area, CancellationToken ct)
    {
        var secured = await ListAsync(area, ct);
        var codes = VisibleActionRules.CodesIn(await areas.GetAsync(ct), area);
        var securedExperiments = db.Safeguards.IgnoreQueryFilters().Where(g => g.ExperimentId != null).Select(g => g.ExperimentId);
        var securedActions = db.Safeguards.IgnoreQueryFilters().Where(g => g.ActionId != null).Select(g => g.ActionId);
        var experiments = db.Experiments.AsNoTracking().Where(e => e.Decision == "borgen" && !securedExperiments.Contains(e.Id));
        var actions = db.VisibleActions.AsNoTracking().Where(a => a.Status == "gedaan" && !securedActions.Contains(a.Id));
        if (codes is not null)
        {
            experiments = experiments.Where(e => codes.Contains(e.AreaCode));
            actions = actions.Where(a => codes.Contains(a.AreaCode));
        }
        var pending = (await experiments.OrderBy(e => e.EndsOn).Select(e => new { e.Id, e.Title, e.AreaCode }).ToListAsync(ct))
            .Select(e => new PendingSuccess("experiment", e.Id, e.Title, e.AreaCode, $"/experimenten/{e.Id}"))
            .Concat((await actions.OrderBy(a => a.Date).Select(a => new { a.Id, a.Title, a.AreaCode }).ToListAsync(ct))
                .Select(a => new PendingSuccess("actie", a.Id, a.Title, a.AreaCode, $"/acties/{a.Id}")))
            .ToList();
        return new BorgenOverview(area, secured, pending);
    }

    public Task<Safeguard?> GetAsync(int id, CancellationToken ct) => db.Safeguards.FirstOrDefaultAsync(g => g.Id == id, ct);

    public async Task<(Safeguard? Safeguard, Dictionary<string, string[]> Errors)> CreateAsync(SafeguardInput input, CancellationToken ct)
    {
        var safeguard = new Safeguard();
        var errors = await rules.ApplyAsync(input, safeguard, ct);
        if (errors.Count > 0) return (null, errors);
        safeguard.OrganisationId = viewer.OrganisationId;
        safeguard.CreatedBy = viewer.Name ?? "";
        safeguard.CreatedAt = safeguard.UpdatedAt = DateTime.UtcNow;
        safeguard.Version = 1;
        db.Safeguards.Add(safeguard);
        await db.SaveChangesAsync(ct);
        return (safeguard, errors);
    }

    public async Task<(Outcome Outcome, Safeguard? Safeguard, Dictionary<string, string[]> Errors)> UpdateAsync(
        int id, int expectedVersion, SafeguardInput input, CancellationToken ct)
    {
        var safeguard = await GetAsync(id, ct);
        if (safeguard is null) return (Outcome.NotFound, null, []);
        if (!viewer.CanChange(safeguard.OrganisationId)) return (Outcome.Forbidden, null, []);
        if (safeguard.Version != expectedVersion) return (Outcome.Conflict, safeguard, []);
        var errors = await rules.ApplyAsync(input, safeguard, ct);
        if (errors.Count > 0) return (Outcome.Invalid, null, errors);
        safeguard.UpdatedAt = DateTime.UtcNow;
        return await db.TrySaveVersionAsync(safeguard, g => g.Version, expectedVersion, ct)
            ? (Outcome.Done, safeguard, errors)
            : (Outcome.Conflict, null, []);
    }

    public async Task<Outcome> DeleteAsync(int id, CancellationToken ct)
    {
        var safeguard = await GetAsync(id, ct);
        if (safeguard is null) return Outcome.NotFound;
        if (!viewer.CanChange(safeguard.OrganisationId)) return Outcome.Forbidden;
        db.Safeguards.Remove(safeguard);
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }
}
