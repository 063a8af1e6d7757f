using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Privacy;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Items;

/// <summary>An input that passed every rule, with its buurt and wijk found.</summary>
public sealed record ValidItem(
    ItemKind Kind, string Title, string Description, double Latitude, double Longitude, AreaLocation Location,
    IReadOnlyList<string> Themes, string Status, string? OwnerOrganisation, string? Contact,
    Visibility Visibility, string? Source, IReadOnlyList<int> RelatedItemIds);

/// <summary>The one set of rules for items, used by the pages, the API and the import.</summary>
public sealed class ItemRules(WijkbeeldDb db, AreaIndex areas, IStringLocalizer<Texts> text)
{
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 4000;
    public const int ShortTextMaxLength = 200;
    public const int MaxThemes = 10;
    public const int MaxLinks = 20;

    public sealed record Result(ValidItem? Item, Dictionary<string, string[]> Errors)
    {
        public bool IsValid => Item is not null;
    }

    public async Task<Result> ValidateAsync(ItemInput input, int? itemId, CancellationToken ct, int? newItemOrganisation = null)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) =>
            errors[field] = errors.TryGetValue(field, out var list) ? [.. list, message] : [message];

        if (!ItemCatalog.TryParseKind(input.Kind, out var kind))
        {
            Add("kind", text["Error.KindUnknown", string.Join(", ", ItemCatalog.Kinds.Select(k => k.Code))]);
        }

        var title = Clean(input.Title);
        if (title is null)
        {
            Add("title", text["Error.TitleRequired"]);
        }
        else if (title.Length > TitleMaxLength)
        {
            Add("title", text["Error.TooLong", TitleMaxLength]);
        }

        var description = Clean(input.Description) ?? "";
        if (description.Length > DescriptionMaxLength)
        {
            Add("description", text["Error.TooLong", DescriptionMaxLength]);
        }

        AreaLocation? location = null;
        if (input.Latitude is not { } lat || input.Longitude is not { } lon)
        {
            Add("location", text["Error.LocationRequired"]);
        }
        else if (!double.IsFinite(lat) || !double.IsFinite(lon) || lat is < -90 or > 90 || lon is < -180 or > 180)
        {
            Add("location", text["Error.LocationOutOfRange"]);
        }
        else
        {
            location = (await areas.GetAsync(ct)).Locate(lon, lat);
            if (location is null)
            {
                Add("location", text["Error.LocationOutsideMunicipality"]);
            }
        }

        // Cleaned like every text: a control character (NUL) would otherwise reach the database query (PostgreSQL refuses it).
        var themes = (input.Themes ?? []).Select(t => Clean(t)?.ToLowerInvariant() ?? "")
            .Where(t => t.Length > 0).Distinct().ToList();
        if (themes.Count > MaxThemes)
        {
            Add("themes", text["Error.TooManyThemes", MaxThemes]);
        }
        else if (themes.Count > 0)
        {
            var known = await db.Themes.Where(t => themes.Contains(t.Code)).Select(t => t.Code).ToListAsync(ct);
            var unknown = themes.Except(known).ToList();
            if (unknown.Count > 0)
            {
                Add("themes", text["Error.ThemeUnknown", string.Join(", ", unknown)]);
            }
        }

        var status = Clean(input.Status)?.ToLowerInvariant();
        if (errors.ContainsKey("kind"))
        {
            // The status can only be checked against a known kind.
        }
        else if (status is null)
        {
            status = ItemCatalog.FirstStatus(kind);
        }
        else if (!ItemCatalog.Info(kind).Statuses.Contains(status))
        {
            Add("status", text["Error.StatusUnknown", string.Join(", ", ItemCatalog.Info(kind).Statuses)]);
        }

        var visibility = Visibility.Public;
        if (Clean(input.Visibility) is { } v && !ItemCatalog.TryParseVisibility(v, out visibility))
        {
            Add("visibility", text["Error.VisibilityUnknown"]);
        }
        else if (visibility == Visibility.Organisation)
        {
            // "Eigen organisatie" needs an organisation that owns the item, or nobody but an administrator would see it.
            var owning = itemId is { } id ? await db.Items.Where(i => i.Id == id).Select(i => i.OrganisationId).FirstOrDefaultAsync(ct) : newItemOrganisation ?? db.Viewer.OrganisationId;
            if (owning is null)
            {
                Add("visibility", text["Error.VisibilityNeedsOrganisation"]);
            }
        }

        var owner = CheckShort(input.OwnerOrganisation, "ownerOrganisation");
        var contact = CheckShort(input.Contact, "contact");
        var source = CheckShort(input.Source, "source");

        var related = (input.RelatedItemIds ?? []).Distinct().Where(id => id != itemId).ToList();
        if (related.Count > MaxLinks)
        {
            Add("relatedItemIds", text["Error.TooManyLinks", MaxLinks]);
        }
        else if (related.Count > 0)
        {
            var existing = await db.Items.Where(i => related.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
            if (existing.Count != related.Count)
            {
                Add("relatedItemIds", text["Error.RelatedUnknown", string.Join(", ", related.Except(existing))]);
            }
        }

        // AVG: text that looks like a BSN, phone number or e-mail address must be confirmed or removed (Features/Privacy).
        if (input.ConfirmPersonalData != true)
        {
            (string, string?)[] texts = [("title", title), ("description", description), ("ownerOrganisation", owner), ("contact", contact), ("source", source)];
            var privacy = PersonalDataRules.Check(text, texts);
            if (privacy.Count > 0 && itemId is not null)
            {
                // What the item already holds was confirmed before: an edit only asks about new findings.
                var stored = await db.Items.AsNoTracking().Where(i => i.Id == itemId)
                    .Select(i => new[] { i.Title, i.Description, i.OwnerOrganisation, i.Contact, i.Source }).FirstOrDefaultAsync(ct);
                privacy = PersonalDataRules.Check(text, texts, stored);
            }
            foreach (var (field, messages) in privacy)
            {
                Array.ForEach(messages, m => Add(field, m));
            }
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }
        return new(new ValidItem(kind, title!, description, input.Latitude!.Value, input.Longitude!.Value, location!,
            themes, status!, owner, contact, visibility, source, related), errors);

        string? CheckShort(string? value, string field)
        {
            var clean = Clean(value);
            if (clean is { Length: > ShortTextMaxLength })
            {
                Add(field, text["Error.TooLong", ShortTextMaxLength]);
            }
            return clean;
        }
    }

    /// <summary>Trims, drops control characters other than line breaks, and turns blank into null.</summary>
    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var cleaned = new string(value.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t').ToArray()).Trim();
        return cleaned.Length == 0 ? null : cleaned.Replace("\r\n", "\n");
    }
}
