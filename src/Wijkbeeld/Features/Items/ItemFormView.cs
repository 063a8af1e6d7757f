namespace Wijkbeeld.Features.Items;

/// <summary>What the shared form partial needs: the form, its errors, and the theme list.</summary>
public sealed record ItemFormView(ItemForm Form, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<Theme> Themes, bool IsNew)
{
    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    public string? Invalid(string field) => Errors.ContainsKey(field) ? "true" : null;

    public string? DescribedBy(string field, string? hint = null) =>
        string.Join(' ', new[] { hint, Errors.ContainsKey(field) ? $"error-{field}" : null }.Where(s => s is not null)) is { Length: > 0 } s ? s : null;

    /// <summary>Form field names for the error summary links.</summary>
    public static string FieldId(string field) => field switch
    {
        "location" => "Form_Latitude",
        "kind" => "kind-voorziening",
        "themes" => "themes-fieldset",
        "visibility" => "visibility-openbaar",
        _ => "Form_" + char.ToUpperInvariant(field[0]) + field[1..],
    };
}
