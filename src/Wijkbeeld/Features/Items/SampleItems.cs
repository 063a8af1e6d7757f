using System.Text.Json;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Activity;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Items;

/// <summary>Loads the Den Helder sample items (embedded JSON), each checked by the normal item rules.</summary>
public sealed class SampleItems(WijkbeeldDb db, ItemRules rules, TimeProvider clock)
{
    sealed record SampleUpdate(int DaysAgo, string? Author, string Text);

    sealed record SampleItem(
        string Kind, string Title, string Description, double Lon, double Lat, string[] Themes, string Status,
        string? OwnerOrganisation, string? Contact, string? Visibility, string? Source,
        int CreatedDaysAgo, int UpdatedDaysAgo, SampleUpdate[]? Updates);

    /// <summary>Organisations of the sample that own items; residents' groups own theirs without an account.</summary>
    static readonly (string Name, OrganisationKind Kind)[] SampleOrganisations =
    [
        ("Gemeente Den Helder", OrganisationKind.Gemeente), ("Politie Noord-Holland Noord", OrganisationKind.Politie),
        ("Stichting Welzijn Den Helder", OrganisationKind.Welzijn), ("Jongerenwerk Den Helder", OrganisationKind.Welzijn),
        ("Woningstichting Den Helder", OrganisationKind.Corporatie), ("CJG Den Helder", OrganisationKind.Zorg),
        ("Basisschool Julianadorp", OrganisationKind.School), ("Bibliotheek Kop van Noord-Holland", OrganisationKind.Anders),
    ];

    public async Task<int> LoadAsync(CancellationToken ct)
    {
        await using var stream = typeof(SampleItems).Assembly.GetManifestResourceStream(
            "Wijkbeeld.Features.Items.SampleData.den-helder-items.json")
            ?? throw new InvalidOperationException("Sample items are not embedded.");
        var samples = await JsonSerializer.DeserializeAsync<SampleItem[]>(stream, JsonSerializerOptions.Web, ct) ?? [];
        var now = clock.GetUtcNow().UtcDateTime;
        var organisations = SampleOrganisations.Select(o => new Organisation { Name = o.Name, Kind = o.Kind, Version = 1 }).ToList();
        db.Organisations.AddRange(organisations);
        await db.SaveChangesAsync(ct);
        var history = new List<ItemChange>();
        foreach (var s in samples)
        {
            var organisation = organisations.FirstOrDefault(o => o.Name == s.OwnerOrganisation)?.Id;
            var check = await rules.ValidateAsync(new ItemInput
            {
                Kind = s.Kind, Title = s.Title, Description = s.Description, Latitude = s.Lat, Longitude = s.Lon,
                Themes = s.Themes, Status = s.Status, OwnerOrganisation = s.OwnerOrganisation, Contact = s.Contact,
                Visibility = s.Visibility, Source = s.Source,
            }, null, ct, organisation);
            if (!check.IsValid)
            {
                throw new InvalidOperationException(
                    $"Sample item '{s.Title}' is invalid: {string.Join("; ", check.Errors.SelectMany(e => e.Value))}");
            }
            var v = check.Item!;
            var item = new Item
            {
                Kind = v.Kind, Title = v.Title, Description = v.Description, Latitude = v.Latitude, Longitude = v.Longitude,
                MunicipalityCode = v.Location.Municipality.Code, DistrictCode = v.Location.District?.Code,
                NeighbourhoodCode = v.Location.Neighbourhood.Code, Status = v.Status, OwnerOrganisation = v.OwnerOrganisation,
                Contact = v.Contact, Visibility = v.Visibility, Source = v.Source, Version = 1, OrganisationId = organisation,
                CreatedAt = now.AddDays(-s.CreatedDaysAgo), UpdatedAt = now.AddDays(-s.UpdatedDaysAgo),
                Themes = v.Themes.Select(t => new ItemTheme { ThemeCode = t }).ToList(),
            };
            item.Updates.Add(new ItemUpdate { At = item.CreatedAt, Type = ItemUpdateType.Created, Author = s.Source, Text = "Toegevoegd aan de wijkkaart." });
            item.Updates.AddRange((s.Updates ?? []).Select(u => new ItemUpdate
            {
                At = now.AddDays(-u.DaysAgo), Type = ItemUpdateType.Comment, Author = u.Author, Text = u.Text,
            }));
            db.Items.Add(item);
            history.Add(ItemChange.For(item, ChangeType.Created, "Toegevoegd aan de wijkkaart.", item.CreatedAt));
            history.AddRange(item.Updates.Where(u => u.Type == ItemUpdateType.Comment)
                .Select(u => ItemChange.For(item, ChangeType.Commented, ItemExport.Summary(u.Text), u.At)));
        }
        // The activity feed starts with the sample's history, oldest first.
        db.ItemChanges.AddRange(history.OrderBy(c => c.At));
        await db.SaveChangesAsync(ct);
        return samples.Length;
    }
}
