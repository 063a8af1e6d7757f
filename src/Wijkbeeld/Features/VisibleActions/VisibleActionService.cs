using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Experiments;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Photos;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.VisibleActions;

public sealed record ActionDto(
    int Id, string AreaCode, string Title, string Goal, string Owner, IReadOnlyList<string> Partners, double? Latitude, double? Longitude,
    string Date, string Status, string Evaluation, string? PhotoUrl, string Visibility, string CreatedBy, int Version, int? FocusThemeId)
{
    public static ActionDto From(VisibleAction a) => new(
        a.Id, a.AreaCode, a.Title, a.Goal, a.Owner, VisibleActionRules.SplitPartners(a.Partners).ToList(), a.Latitude, a.Longitude,
        a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Status, a.Evaluation,
        a.PhotoId is null ? null : $"/api/visible-actions/{a.Id}/photo?v={a.PhotoId:N}", a.Visibility.Code(), a.CreatedBy, a.Version, a.FocusThemeId);
}

/// <summary>A focus theme the action form offers.</summary>
public sealed record FocusChoice(int Id, string Title, string AreaCode);

/// <summary>The filters of the list, the CSV and the map layer: area (with what lies inside it), status and month (jjjj-mm).</summary>
public sealed record ActionFilter(AreaInfo? Area, string? Status, DateOnly? Month);

/// <summary>Visible actions for the API and the pages; the database's visibility filter decides what the viewer sees.</summary>
public sealed class VisibleActionService(WijkbeeldDb db, Viewer viewer, VisibleActionRules rules, AreaIndex areas, PhotoStore photos)
{
    public async Task<(ActionFilter? Filter, Dictionary<string, string[]> Errors)> ParseAsync(string? area, string? status, string? month, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var map = await areas.GetAsync(ct);
        AreaInfo? found = null;
        if (!string.IsNullOrWhiteSpace(area) && (found = map.Find(area.Trim())) is null) errors["area"] = [rules.Text("Actions.Error.Area")];
        var s = string.IsNullOrWhiteSpace(status) ? null : status.Trim().ToLowerInvariant();
        if (s is not null && !VisibleActionRules.Statuses.Contains(s)) errors["status"] = [rules.Text("Actions.Error.Status")];
        DateOnly? m = null;
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) m = d;
            else errors["month"] = [rules.Text("Actions.Error.Month")];
        }
        return errors.Count > 0 ? (null, errors) : (new ActionFilter(found, s, m), errors);
    }

    public async Task<IQueryable<VisibleAction>> QueryAsync(ActionFilter filter, CancellationToken ct)
    {
        var query = db.VisibleActions.AsNoTracking();
        if (filter.Area is { } area && VisibleActionRules.CodesIn(await areas.GetAsync(ct), area) is { } codes)
        {
            query = query.Where(a => codes.Contains(a.AreaCode));
        }
        if (filter.Status is { } status) query = query.Where(a => a.Status == status);
        if (filter.Month is { } month)
        {
            var next = month.AddMonths(1);
            query = query.Where(a => a.Date >= month && a.Date < next);
        }
        return query;
    }

    public async Task<List<VisibleAction>> ListAsync(ActionFilter filter, CancellationToken ct) =>
        await (await QueryAsync(filter, ct)).OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).Take(1000).ToListAsync(ct);

    /// <summary>The focus themes the viewer can see, for the form's choice (the rules check the area).</summary>
    public Task<List<FocusChoice>> FocusChoicesAsync(CancellationToken ct) =>
        db.FocusThemes.AsNoTracking().OrderBy(f => f.AreaCode).ThenBy(f => f.Title)
            .Select(f => new FocusChoice(f.Id, f.Title, f.AreaCode)).ToListAsync(ct);

    public Task<VisibleAction?> GetAsync(int id, CancellationToken ct) => db.VisibleActions.FirstOrDefaultAsync(a => a.Id == id, ct);

    public async Task<(VisibleAction? Action, Dictionary<string, string[]> Errors)> CreateAsync(ActionInput input, CancellationToken ct)
    {
        var action = new VisibleAction();
        var errors = await rules.ApplyAsync(input, action, ct);
        if (errors.Count > 0) return (null, errors);
        action.OrganisationId = viewer.OrganisationId;
        action.CreatedBy = viewer.Name ?? "";
        action.CreatedAt = action.UpdatedAt = DateTime.UtcNow;
        action.Version = 1;
        db.VisibleActions.Add(action);
        await db.SaveChangesAsync(ct);
        return (action, errors);
    }

    public async Task<(Outcome Outcome, VisibleAction? Action, Dictionary<string, string[]> Errors)> UpdateAsync(
        int id, int expectedVersion, ActionInput input, CancellationToken ct)
    {
        var action = await GetAsync(id, ct);
        if (action is null) return (Outcome.NotFound, null, []);
        if (!viewer.CanChange(action.OrganisationId)) return (Outcome.Forbidden, null, []);
        if (action.Version != expectedVersion) return (Outcome.Conflict, action, []);
        var errors = await rules.ApplyAsync(input, action, ct);
        if (errors.Count > 0) return (Outcome.Invalid, null, errors);
        return await SaveAsync(action, expectedVersion, ct);
    }

    /// <summary>Stores a new evaluation photo (cleaned, without metadata) in place of the old one.</summary>
    public async Task<(Outcome Outcome, VisibleAction? Action, PhotoResult? Refused)> SetPhotoAsync(int id, int? expectedVersion, Stream body, CancellationToken ct)
    {
        var action = await GetAsync(id, ct);
        if (action is null) return (Outcome.NotFound, null, null);
        if (!viewer.CanChange(action.OrganisationId)) return (Outcome.Forbidden, null, null);
        if (expectedVersion is { } v && action.Version != v) return (Outcome.Conflict, null, null);
        var stored = await photos.StoreImageAsync(body, ct);
        if (stored.Refusal != PhotoRefusal.None) return (Outcome.Invalid, null, stored);
        var old = action.PhotoId;
        action.PhotoId = stored.Photo!.Id;
        var (outcome, saved, _) = await SaveAsync(action, action.Version, ct);
        var obsolete = outcome == Outcome.Done ? old : stored.Photo.Id;
        if (obsolete is { } gone && photos.ExistingPath(gone) is { } path) File.Delete(path);
        return (outcome, saved, null);
    }

    public async Task<Outcome> DeleteAsync(int id, CancellationToken ct)
    {
        var action = await GetAsync(id, ct);
        if (action is null) return Outcome.NotFound;
        if (!viewer.CanChange(action.OrganisationId)) return Outcome.Forbidden;
        db.VisibleActions.Remove(action);
        await db.SaveChangesAsync(ct);
        if (action.PhotoId is { } photo && photos.ExistingPath(photo) is { } path) File.Delete(path);
        return Outcome.Done;
    }

    async Task<(Outcome, VisibleAction?, Dictionary<string, string[]>)> SaveAsync(VisibleAction action, int expectedVersion, CancellationToken ct)
    {
        action.UpdatedAt = DateTime.UtcNow;
        return await db.TrySaveVersionAsync(action, a => a.Version, expectedVersion, ct)
            ? (Outcome.Done, action, [])
            : (Outcome.Conflict, null, []);
    }
}
