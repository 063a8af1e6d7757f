using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Infrastructure.Caching;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Profile;

public sealed record EditResult(IndicatorSummary? Indicator, Dictionary<string, string[]> Errors, bool NotFound = false, bool Conflict = false);

/// <summary>Edits what people see of an indicator (label, unit, direction, source, description); its figures stay.</summary>
public sealed class IndicatorEditor(WijkbeeldDb db, IndicatorReader reader, TimeProvider clock, IOutputCacheStore cache, IStringLocalizer<Texts> text)
{
    public Dictionary<string, string[]> Validate(IndicatorEdit edit)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(string field, string? value, int max, bool required)
        {
            var v = value?.Trim() ?? "";
            if (required && v.Length == 0)
            {
                errors[field] = [text["Profile.Edit.Required"]];
            }
            else if (v.Length > max)
            {
                errors[field] = [text["Profile.Edit.TooLong", max]];
            }
            else if (v.Any(char.IsControl))
            {
                errors[field] = [text["Profile.Edit.ControlChars"]];
            }
        }
        Check("label", edit.Label, IndicatorRules.LabelMaxLength, required: true);
        Check("unit", edit.Unit, IndicatorRules.UnitMaxLength, required: false);
        Check("source", edit.Source, IndicatorRules.SourceMaxLength, required: false);
        if (edit.Description?.Length > IndicatorRules.DescriptionMaxLength)
        {
            errors["description"] = [text["Profile.Edit.TooLong", IndicatorRules.DescriptionMaxLength]];
        }
        return errors;
    }

    public async Task<EditResult> EditAsync(string key, IndicatorEdit edit, int version, CancellationToken ct)
    {
        var errors = Validate(edit);
        if (errors.Count > 0)
        {
            return new EditResult(null, errors);
        }
        var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.Key == key, ct);
        if (indicator is null)
        {
            return new EditResult(null, [], NotFound: true);
        }
        if (indicator.Version != version)
        {
            return new EditResult(await reader.FindAsync(key, ct), [], Conflict: true);
        }
        indicator.Label = edit.Label!.Trim();
        indicator.Unit = Empty(edit.Unit);
        indicator.Source = Empty(edit.Source);
        indicator.Description = Empty(edit.Description);
        indicator.HigherIsBetter = edit.HigherIsBetter;
        indicator.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        indicator.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new EditResult(await reader.FindAsync(key, ct), [], Conflict: true);
        }
        await cache.EvictIndicatorsAsync(ct);
        return new EditResult(await reader.FindAsync(key, ct), []);
    }

    static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
