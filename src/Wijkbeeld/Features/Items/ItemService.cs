using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Activity;
using Wijkbeeld.Features.Map;
using Wijkbeeld.Infrastructure.Caching;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Realtime;

namespace Wijkbeeld.Features.Items;

public enum ChangeOutcome { Done, NotFound, Conflict }

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

    public Item Add(ValidItem valid, string? author, ItemUpdateType logType = ItemUpdateType.Created)
    {
        var item = new Item { CreatedAt = Now, Version = 1 };
        Apply(item, valid);
        item.Updates.Add(new ItemUpdate { At = Now, Type = logType, Author = author, Text = text["Log.Created"] });
        db.Items.Add(item);
        Record(item, ChangeType.Created, text["Log.Created"]);
        return item;
    }

    public async Task<Item> CreateAsync(ValidItem valid, string? author, CancellationToken ct)
    {
        var item = Add(valid, author);
        await SaveAndPublishAsync(ct);
        return item;
    }

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

    void Record(Item item, ChangeType type, string summary)
    {
        var change = ItemChange.For(item, type, summary, Now);
        db.ItemChanges.Add(change);
        pending.Add(change);
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
        var summary = Describe(item, valid);
        Apply(item, valid);
        item.Updates.Add(new ItemUpdate { At = Now, Type = ItemUpdateType.Edited, Text = summary });
        Record(item, ChangeType.Updated, summary);
        return await SaveVersionAsync(item, expectedVersion, ct);
    }

    public async Task<ChangeResult> DeleteAsync(int id, int? expectedVersion, CancellationToken ct)
    {
        var item = await db.Items.Include(i => i.Themes).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return new(ChangeOutcome.NotFound, null);
        }
        if (expectedVersion is { } expected && item.Version != expected)
        {
            return new(ChangeOutcome.Conflict, item);
        }
        item.IsDeleted = true;
        item.DeletedAt = Now;
        item.UpdatedAt = Now;
        item.Updates.Add(new ItemUpdate { At = Now, Type = ItemUpdateType.Deleted, Text = text["Log.Deleted"] });
        Record(item, ChangeType.Deleted, text["Log.Deleted"]);
        return await SaveVersionAsync(item, item.Version, ct);
    }

    public async Task<ChangeResult> CommentAsync(int id, string comment, string? author, CancellationToken ct)
    {
        var item = await db.Items.Include(i => i.Themes).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return new(ChangeOutcome.NotFound, null);
        }
        item.UpdatedAt = Now;
        item.Updates.Add(new ItemUpdate { At = Now, Type = ItemUpdateType.Comment, Author = author, Text = comment });
        Record(item, ChangeType.Commented, ItemExport.Summary(comment));
        return await SaveVersionAsync(item, item.Version, ct);
    }

    /// <summary>Raises the version; the database refuses the write if someone else saved in between.</summary>
    async Task<ChangeResult> SaveVersionAsync(Item item, int expectedVersion, CancellationToken ct)
    {
        item.Version = expectedVersion + 1;
        db.Entry(item).Property(i => i.Version).OriginalValue = expectedVersion;
        try
        {
            await SaveAndPublishAsync(ct);
            return new(ChangeOutcome.Done, item);
        }
        catch (DbUpdateConcurrencyException)
        {
            pending.Clear();
            db.ChangeTracker.Clear();
            var current = await db.Items.AsNoTracking().Include(i => i.Themes).FirstOrDefaultAsync(i => i.Id == item.Id, ct);
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
