using Wijkbeeld.Features.Areas;

namespace Wijkbeeld.Features.VisibleActions;

/// <summary>What the action form needs: the values, the errors per field and the areas to choose from.</summary>
public sealed record ActionFormView(ActionInput Form, IReadOnlyDictionary<string, string[]> Errors, AreaMap Areas, bool WithEvaluation,
    IReadOnlyList<FocusChoice> FocusThemes)
{
    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    public string? Invalid(string field) => Errors.ContainsKey(field) ? "true" : null;

    /// <summary>
    /// The coordinates as the form posts them: always with a decimal point (the picker writes them so), read without
    /// the Dutch culture's model binding; text that is no number becomes NaN, which the rules refuse.
    /// </summary>
    public static ActionInput WithPostedPlace(ActionInput form, Microsoft.AspNetCore.Http.IFormCollection posted)
    {
        static double? Read(string? raw) => string.IsNullOrWhiteSpace(raw) ? null
            : double.TryParse(raw.Trim().Replace(',', '.'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
        return form with { Latitude = Read(posted["Form.Latitude"]), Longitude = Read(posted["Form.Longitude"]) };
    }

    public string? DescribedBy(string field) => Errors.ContainsKey(field) ? "error-" + field : null;
}
