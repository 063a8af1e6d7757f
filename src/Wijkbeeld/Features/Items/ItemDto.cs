using Wijkbeeld.Features.Areas;

namespace Wijkbeeld.Features.Items;

public sealed class ItemOptions
{
    /// <summary>An item without any update for this many days is marked stale ("verouderd").</summary>
    public int StaleAfterDays { get; set; } = 180;
}

public sealed record AreaRef(string Code, string Name);

public sealed record ItemUpdateDto(DateTime At, string Type, string? Author, string Text);

/// <summary>An item as API clients and pages see it.</summary>
public sealed record ItemDto(
    int Id, string Kind, string Title, string Description, double Latitude, double Longitude,
    AreaRef? Neighbourhood, AreaRef? District, string MunicipalityCode, IReadOnlyList<string> Themes,
    string Status, string? OwnerOrganisation, string? Contact, string Visibility, string? Source,
    DateTime CreatedAt, DateTime UpdatedAt, bool IsStale, int Version, IReadOnlyList<int> RelatedItemIds,
    int? OrganisationId, IReadOnlyList<ItemUpdateDto>? Updates = null)
{
    public string ETag => $"\"{Version}\"";

    public static ItemDto From(Item item, AreaMap areas, DateTime staleBefore, bool withUpdates = false) => new(
        item.Id, item.Kind.Code(), item.Title, item.Description, item.Latitude, item.Longitude,
        Ref(areas.Find(item.NeighbourhoodCode)), Ref(areas.Find(item.DistrictCode)), item.MunicipalityCode,
        item.Themes.Select(t => t.ThemeCode).Order().ToList(), item.Status, item.OwnerOrganisation, item.Contact,
        item.Visibility.Code(), item.Source, item.CreatedAt, item.UpdatedAt, item.UpdatedAt < staleBefore,
        item.Version, item.Links.Select(l => l.RelatedItemId).Order().ToList(), item.OrganisationId,
        withUpdates
            ? item.Updates.OrderByDescending(u => u.At).ThenByDescending(u => u.Id)
                .Select(u => new ItemUpdateDto(u.At, u.Type.ToString().ToLowerInvariant(), u.Author, u.Text)).ToList()
            : null);

    static AreaRef? Ref(AreaInfo? area) => area is null ? null : new(area.Code, area.Name);
}

public sealed record ItemCluster(int Count, double Longitude, double Latitude);

public sealed record ItemPage(IReadOnlyList<ItemDto> Items, int Total, int Page, int PageSize);
