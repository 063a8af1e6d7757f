using System.Globalization;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Features.Stories;

/// <summary>The story form as a browser posts it; coordinates as text so a decimal comma works too.</summary>
public sealed class StoryForm
{
    public string? Text { get; set; }
    public string? Source { get; set; }
    public List<string> Themes { get; set; } = [];
    public string? Area { get; set; }
    public string? Date { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? Visibility { get; set; } = "partners";
    public bool ConfirmPersonalData { get; set; }

    public StoryInput ToInput() => new()
    {
        Text = Text, Source = Source, Themes = Themes, Area = Area, Date = Date, Visibility = Visibility, ConfirmPersonalData = ConfirmPersonalData,
        Latitude = Parse(Latitude), Longitude = Parse(Longitude),
    };

    /// <summary>A half-typed coordinate is an error, not "no place": NaN makes the rules say so.</summary>
    static double? Parse(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : double.TryParse(value.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN;
}

/// <summary>Errors of a posted form and the attributes that tie them to their fields.</summary>
public sealed record FormErrors(IReadOnlyDictionary<string, string[]> Errors)
{
    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    public string? Invalid(string field) => Errors.ContainsKey(field) ? "true" : null;

    public string? DescribedBy(string field, string? hint = null) =>
        string.Join(' ', new[] { hint, Errors.ContainsKey(field) ? $"error-{field}" : null }.Where(s => s is not null)) is { Length: > 0 } s ? s : null;

    /// <summary>The id of the input a summary line links to.</summary>
    public static string FieldId(string field) => field switch
    {
        "location" => "Form_Latitude",
        "confirmPersonalData" => "Form_ConfirmPersonalData",
        _ => "Form_" + char.ToUpperInvariant(field[0]) + field[1..],
    };
}

/// <summary>The wijken with their buurten, for an area choice.</summary>
public sealed record AreaChoice(AreaMap Areas, string? Selected, string Id, string Name, bool Required, FormErrors Errors, string? EmptyText);

public static class StoryText
{
    /// <summary>"12 maart 2026".</summary>
    public static string Date(string isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")) : isoDate;

    public static IEnumerable<Theme> Known(IEnumerable<Theme> all, IEnumerable<string> codes) => all.Where(t => codes.Contains(t.Code));
}
