using System.Globalization;

namespace Wijkbeeld.Features.Items;

/// <summary>The add/edit form as posted by a browser; coordinates as text so a decimal comma works too.</summary>
public sealed class ItemForm
{
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public List<string> Themes { get; set; } = [];
    public string? Status { get; set; }
    public string? OwnerOrganisation { get; set; }
    public string? Contact { get; set; }
    public string? Visibility { get; set; } = "openbaar";
    public string? Source { get; set; }
    public int Version { get; set; }
    /// <summary>The "these personal data may be here" checkbox (AVG); never pre-ticked.</summary>
    public bool ConfirmPersonalData { get; set; }

    public ItemInput ToInput() => new()
    {
        Kind = Kind, Title = Title, Description = Description,
        Latitude = Parse(Latitude), Longitude = Parse(Longitude),
        Themes = Themes, Status = Status, OwnerOrganisation = OwnerOrganisation, Contact = Contact,
        Visibility = Visibility, Source = Source, ConfirmPersonalData = ConfirmPersonalData,
    };

    public static ItemForm From(ItemDto item) => new()
    {
        Kind = item.Kind, Title = item.Title, Description = item.Description,
        Latitude = item.Latitude.ToString(CultureInfo.InvariantCulture), Longitude = item.Longitude.ToString(CultureInfo.InvariantCulture),
        Themes = item.Themes.ToList(), Status = item.Status, OwnerOrganisation = item.OwnerOrganisation, Contact = item.Contact,
        Visibility = item.Visibility, Source = item.Source, Version = item.Version,
    };

    static double? Parse(string? value) =>
        double.TryParse(value?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
