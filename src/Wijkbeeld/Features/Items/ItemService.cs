using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Activity;
using Wijkbeeld.Features.Map;
using Wijkbeeld.Infrastructure.Caching;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Realtime;

namespace Wijkbeeld.Features.Items;

public enum ChangeOutcome { Done, NotFound, Conflict, Forbidden }

public sealed record ChangeResult(ChangeOutcome Outcome, Item? Item);

/// <summary>
/// Writes items, their log and the change feed in one save, then pushes the changes live.
/// Pages, API and import all change items through here.
/// </summary>
public sealed class ItemService(WijkbeeldDb db, TimeProvider clock, IStringLocalizer<Texts> text, ChangePublisher publisher, IOutputCacheStore cache,
    ClusterIndex clusters)
{
    readonly List<ItemChange> pending = [];

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    Viewer Viewer => db.Viewer;

    /// <summary>Stages a new item of the viewer's organisation (a sample or import may name another).</summary>
    public Item Add(ValidItem valid, ItemUpdateType logType = ItemUpdateType.Created, int? organisationId = null)
    {
        var item = new Item { CreatedAt = Now, Version = 1, OrganisationId = organisationId ?? Viewer.OrganisationId };
        Apply(item, valid);
        LogByViewer(item, logType, text["Log.Created"]);
        db.Items.Add(item);
        Record(item, ChangeType.Created, text["Log.Created"]);
        return item;
    }

    public async Task<Item> CreateAsync(ValidItem valid, CancellationToken ct)
    {
        var item = Add(valid);
        await SaveAndPublishAsync(ct);
        return item;
    }

    /// <summary>A contribution from the public: stored, but shown to nobody until a coordinator approves it.</summary>
    public async Task<Item> ContributeAsync(ValidItem valid, CancellationToken ct)
    {
        var item = new Item { CreatedAt = Now, Version = 1, Moderation = ModerationState.Pending };
        Apply(item, valid with { Visibility = Visibility.Public, OwnerOrganisation = null, Contact = null, Source = text["Contribution.Source"] });
        item.Updates.Add(new ItemUpdate { At = Now, Type = ItemUpdateType.Created, Author = Viewer.Name ?? text["Contribution.Author"], AuthorId = Viewer.UserId, Text = text["Contribution.Logged"] });
        db.Items.Add(item);
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>Approves a waiting contribution, with the coordinator's edits if any: from now on everyone sees it.</summary>
    public async Task<ChangeResult> ApproveAsync(int id, int expectedVersion, ValidItem? edited, CancellationToken ct)
    {
        var (item, refused) = await PendingAtAsync(id, expectedVersion, ct);
        if (refused is not null) return refused;
        if (edited is not null)
        {
            Apply(item, edited with { Visibility = Visibility.Public });
        }
        item.Moderation = ModerationState.Approved;
        item.UpdatedAt = Now;
        LogByViewer(item, ItemUpdateType.Edited, text["Moderation.Logged.Approved"]);
        Record(item, ChangeType.Created, text["Log.Created"]);
        return await SaveVersionAsync(item, expectedVersion, ct);
    }

    /// <summary>Rejects a waiting contribution with a reason; it stays in the database (and the audit log), never shown.</summary>
    public async Task<ChangeResult> RejectAsync(int id, int expectedVersion, string reason, CancellationToken ct)
    {
        var (item, refused) = await PendingAtAsync(id, expectedVersion, ct);
        if (refused is not null) return refused;
        item.Moderation = ModerationState.Rejected;
        item.ModerationNote = reason;
        LogByViewer(item, ItemUpdateType.Edited, text["Moderation.Logged.Rejected", reason]);
        return await SaveVersionAsync(item, expectedVersion, ct, publish: false);
    }

    /// <summary>Merges a waiting contribution into an existing item: its text becomes an update on that item.</summary>
    public async Task<ChangeResult> MergeAsync(int id, int expectedVersion, int targetId, CancellationToken ct)
    {
        var (item, refused) = await PendingAtAsync(id, expectedVersion, ct);
        if (refused is not null) return refused;
        var target = await db.Items.Include(i => i.Themes).FirstOrDefaultAsync(i => i.Id == targetId, ct);
        if (target is null) return new(ChangeOutcome.NotFound, null);
        item.Moderation = ModerationState.Merged;
        item.ModerationNote = text["Moderation.MergedInto", targetId];
        var comment = text["Moderation.MergedComment", item.Title, item.Description];
        target.UpdatedAt = Now;
        target.Updates.Add(new ItemUpdate { At = Now, Type = ItemUpdateType.Comment, Author = text["Contribution.Author"], Text = comment });
        Record(target, ChangeType.Commented, ItemExport.Summary(comment));
        return await SaveVersionAsync(item, expectedVersion, ct);
    }

    public Task<Item?> FindPendingAsync(int id, CancellationToken ct) => PendingAsync(id, ct);

    /// <summary>The waiting contribution at the version the coordinator saw, or why not (gone, or decided by someone else).</summary>
    async Task<(Item Item, ChangeResult? Refused)> PendingAtAsync(int id, int expectedVersion, CancellationToken ct)
    {
        var item = await PendingAsync(id, ct);
        if (item is null) return (null!, new(ChangeOutcome.NotFound, null));
        return item.Version != expectedVersion ? (item, new(ChangeOutcome.Conflict, item)) : (item, null);
    }

    Task<Item?> PendingAsync(int id, CancellationToken ct) =>
        db.Items.IgnoreQueryFilters([WijkbeeldDb.ModerationFilter]).Include(i => i.Themes).Include(i => i.Links)
            .FirstOrDefaultAsync(i => i.Id == id && i.Moderation == ModerationState.Pending, ct);

    /// <summary>Saves what <see cref="Add"/> staged (the import adds many, then saves once).</summary>
    public async Task SaveAndPublishAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var saved = pending.ToList();
        pending.Clear();
        clusters.Saved(saved);
        // Evict before pushing: a client that fetches on the push must get the new data.
        await cache.EvictItemsAsync(CancellationToken.None);
        await publisher.PublishAsync(saved);
    }

    /// <summary>A line in the item's log, signed by the person making the change (renamed if their account goes).</summary>
    void LogByViewer(Item item, ItemUpdateType type, string line) =>
        item.Updates.Add(new ItemUpdate { At = Now, Type = type, Author = Viewer.Name, AuthorId = Viewer.UserId, Text = line });

    ItemChange Record(Item item, ChangeType type, string summary)
    {
        var change = ItemChange.For(item, type, summary, Now);
        db.ItemChanges.Add(change);
        pending.Add(change);
        return change;
    }

    public async Task<ChangeResult> UpdateAsync(int id, int expectedVersion, ValidItem valid, CancellationToken ct)
    {
        var item = await db.Items.Include(i => i.Themes).Include(i => i.Links).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return new(ChangeOutcome.NotFound, null);
        }
        if (item.Version != expectedVersion)
        {
            return new(ChangeOutcome.Conflict, item);
        }
        if (!Viewer.CanChange(item.OrganisationId))
        {
            return new(ChangeOutcome.Forbidden, item);
        }
        var summary = Describe(item, valid);
        var before = (item.Visibility, item.OrganisationId);
        Apply(item, valid);
        LogByViewer(item, ItemUpdateType.Edited, summary);
        Record(item, ChangeType.Updated, summary).Before = before;
        return await SaveVersionAsync(item, expectedVersion, ct);
    }

    public async Task<ChangeResult> DeleteAsync(int id, int? expectedVersion, CancellationToken ct)
    {
        var item = await db.Items.Include(i => i.Themes).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return new(ChangeOutcome.NotFound, null);
        }
        if (!Viewer.CanChange(item.OrganisationId))
        {
            return new(ChangeOutcome.Forbidden, item);
        }
        if (expectedVersion is { } expected && item.Version != expected)
        {
            return new(ChangeOutcome.Conflict, item);
        }
        item.IsDeleted = true;
        item.DeletedAt = Now;
        item.UpdatedAt = Now;
        LogByViewer(item, ItemUpdateType.Deleted, text["Log.Deleted"]);
        Record(item, ChangeType.Deleted, text["Log.Deleted"]);
        return await SaveVersionAsync(item, item.Version, ct);
    }

    public async Task<ChangeResult> CommentAsync(int id, string comment, CancellationToken ct)
    {
        var item = await db.Items.Include(i => i.Themes).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return new(ChangeOutcome.NotFound, null);
        }
        item.UpdatedAt = Now;
        LogByViewer(item, ItemUpdateType.Comment, comment);
        Record(item, ChangeType.Commented, ItemExport.Summary(comment));
        return await SaveVersionAsync(item, item.Version, ct);
    }

    /// <summary>"Steun dit" from the duplicate check: a +1 on the item's log, with an optional comment (Features/Field).</summary>
    public async Task<ChangeResult> SupportAsync(int id, string? comment, string? author, CancellationToken ct)
    {
        var item = await db.Items.Include(i => i.Themes).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return new(ChangeOutcome.NotFound, null);
        }
        var line = comment is null ? text["Field.Support.Log"].Value : text["Field.Support.LogWithComment", comment].Value;
        item.UpdatedAt = Now;
        item.Updates.Add(new ItemUpdate { At = Now, Type = ItemUpdateType.Supported, Author = author, Text = line });
        Record(item, ChangeType.Commented, ItemExport.Summary(line));
        return await SaveVersionAsync(item, item.Version, ct);
    }

    /// <summary>Raises the version; the database refuses the write if someone else saved in between.</summary>
    async Task<ChangeResult> SaveVersionAsync(Item item, int expectedVersion, CancellationToken ct, bool publish = true)
    {
        item.Version = expectedVersion + 1;
        db.Entry(item).Property(i => i.Version).OriginalValue = expectedVersion;
        try
        {
            if (publish) await SaveAndPublishAsync(ct);
            else await db.SaveChangesAsync(ct);
            return new(ChangeOutcome.Done, item);
        }
        catch (DbUpdateConcurrencyException)
        {
            pending.Clear();
            db.ChangeTracker.Clear();
            var current = await db.Items.IgnoreQueryFilters([WijkbeeldDb.ModerationFilter]).AsNoTracking().Include(i => i.Themes)
                .FirstOrDefaultAsync(i => i.Id == item.Id, ct);
            return new(current is null ? ChangeOutcome.NotFound : ChangeOutcome.Conflict, current);
        }
    }

    void Apply(Item item, ValidItem valid)
    {
        item.Kind = valid.Kind;
        item.Title = valid.Title;
        item.Description = valid.Description;
        item.Latitude = valid.Latitude;
        item.Longitude = valid.Longitude;
        item.MunicipalityCode = valid.Location.Municipality.Code;
        item.DistrictCode = valid.Location.District?.Code;
        item.NeighbourhoodCode = valid.Location.Neighbourhood.Code;
        item.Status = valid.Status;
        item.OwnerOrganisation = valid.OwnerOrganisation;
        item.Contact = valid.Contact;
        item.Visibility = valid.Visibility;
        item.Source = valid.Source;
        item.UpdatedAt = Now;
        item.Themes.RemoveAll(t => !valid.Themes.Contains(t.ThemeCode));
        item.Themes.AddRange(valid.Themes.Where(code => item.Themes.All(t => t.ThemeCode != code))
            .Select(code => new ItemTheme { ThemeCode = code }));
        item.Links.RemoveAll(l => !valid.RelatedItemIds.Contains(l.RelatedItemId));
        item.Links.AddRange(valid.RelatedItemIds.Where(id => item.Links.All(l => l.RelatedItemId != id))
            .Select(id => new ItemLink { RelatedItemId = id }));
    }

    /// <summary>A short Dutch line for the log saying what an edit changed.</summary>
    string Describe(Item before, ValidItem after)
    {
        var changes = new List<string>();
        if (before.Status != after.Status)
        {
            changes.Add(text["Log.StatusChanged", text["Status." + before.Status], text["Status." + after.Status]]);
        }
        if (before.Title != after.Title) changes.Add(text["Log.Field.Title"]);
        if (before.Description != after.Description) changes.Add(text["Log.Field.Description"]);
        if (before.Latitude != after.Latitude || before.Longitude != after.Longitude) changes.Add(text["Log.Field.Location"]);
        if (before.Kind != after.Kind) changes.Add(text["Log.Field.Kind"]);
        if (!before.Themes.Select(t => t.ThemeCode).ToHashSet().SetEquals(after.Themes)) changes.Add(text["Log.Field.Themes"]);
        if (before.Visibility != after.Visibility) changes.Add(text["Log.Field.Visibility"]);
        if (before.OwnerOrganisation != after.OwnerOrganisation || before.Contact != after.Contact || before.Source != after.Source)
        {
            changes.Add(text["Log.Field.Details"]);
        }
        return changes.Count == 0 ? text["Log.Saved"] : text["Log.Edited", string.Join(", ", changes)];
    }
}
