using System.Globalization;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Features.Observations;

/// <summary>The observation form as a browser posts it; coordinates as text so a decimal comma works too.</summary>
public sealed class ObservationForm
{
    public string? Date { get; set; }
    public string? PartOfDay { get; set; }
    public string? Group { get; set; }
    public string? Count { get; set; }
    public string? Activity { get; set; }
    public List<string> Signals { get; set; } = [];
    public string? Notes { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? Visibility { get; set; } = "partners";
    public bool ConfirmPersonalData { get; set; }

    public ObservationInput ToInput() => new()
    {
        Date = Date, PartOfDay = PartOfDay, Group = Group, Activity = Activity, Signals = Signals, Notes = Notes,
        Count = string.IsNullOrWhiteSpace(Count) ? null : int.TryParse(Count.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : -1,
        Latitude = Parse(Latitude), Longitude = Parse(Longitude), Visibility = Visibility, ConfirmPersonalData = ConfirmPersonalData,
    };

    /// <summary>Today, and the part of day it is now in the Netherlands.</summary>
    public static ObservationForm Now()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone);
        return new ObservationForm
        {
            Date = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PartOfDay = local.Hour switch { < 6 => "nacht", < 12 => "ochtend", < 18 => "middag", _ => "avond" },
        };
    }

    /// <summary>The place partial of the item form reads its coordinates from an item form.</summary>
    public ItemFormView PlaceView(IReadOnlyDictionary<string, string[]> errors) =>
        new(new ItemForm { Latitude = Latitude, Longitude = Longitude }, errors, [], IsNew: true);

    static double? Parse(string? value) =>
        double.TryParse(value?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
