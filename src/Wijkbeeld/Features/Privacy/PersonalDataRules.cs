using Microsoft.Extensions.Localization;

namespace Wijkbeeld.Features.Privacy;

/// <summary>
/// The AVG rule for free text: what looks like a BSN, phone number or e-mail address is flagged before saving
/// and must be removed or confirmed. Used by the item rules (pages, API, import) and the comment forms.
/// </summary>
public static class PersonalDataRules
{
    /// <summary>The error key (and API/form field) a client sets to true to confirm the flagged text.</summary>
    public const string ConfirmField = "confirmPersonalData";

    /// <summary>
    /// Fields meant for an organisation's contact details (a general address or phone number): only a BSN is
    /// flagged there. A BSN never belongs anywhere in Wijkbeeld.
    /// </summary>
    public static readonly IReadOnlySet<string> ContactFields = new HashSet<string> { "contact" };

    /// <summary>
    /// Checks each field; returns Dutch messages per field plus one under <see cref="ConfirmField"/>, or nothing.
    /// Values in <paramref name="alreadyStored"/> (found in the item as it is saved now) were accepted before and
    /// are not flagged again, so editing an item does not ask the same question every time.
    /// </summary>
    public static Dictionary<string, string[]> Check(
        IStringLocalizer text, IEnumerable<(string Field, string? Value)> fields, IEnumerable<string?>? alreadyStored = null)
    {
        var known = (alreadyStored ?? []).SelectMany(s => PersonalDataCheck.Find(s)).Select(f => f.Value).ToHashSet();
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, value) in fields)
        {
            var found = PersonalDataCheck.Find(value)
                .Where(f => f.Kind == PersonalDataKind.Bsn || !ContactFields.Contains(field))
                .Where(f => !known.Contains(f.Value))
                .ToList();
            if (found.Count > 0)
            {
                errors[field] = [text["Privacy.Found", Describe(text, found)]];
            }
        }
        if (errors.Count > 0)
        {
            errors[ConfirmField] = [text["Privacy.ConfirmOrRemove"]];
        }
        return errors;
    }

    /// <summary>"een BSN (eindigt op 33) en een telefoonnummer (eindigt op 78)": what was found, never the whole value.</summary>
    public static string Describe(IStringLocalizer text, IReadOnlyList<PersonalDataFinding> found)
    {
        var parts = found.DistinctBy(f => f.Value).Select(f => text["Privacy.Kind." + f.Kind, f.Hint].Value).ToList();
        return parts.Count == 1 ? parts[0] : text["Privacy.And", string.Join(", ", parts[..^1]), parts[^1]];
    }
}
