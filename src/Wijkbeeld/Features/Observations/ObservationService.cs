using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Observations;

/// <summary>Stores observations (signed by the viewer and owned by their organisation) and the group list.</summary>
public sealed class ObservationService(WijkbeeldDb db, Viewer viewer, IStringLocalizer<Texts> text)
{
    public async Task<int> CreateAsync(Observation observation, CancellationToken ct)
    {
        observation.OrganisationId = viewer.OrganisationId;
        observation.CreatedById = viewer.UserId;
        observation.CreatedBy = viewer.Name ?? "";
        observation.CreatedAt = DateTime.UtcNow;
        db.Observations.Add(observation);
        await db.SaveChangesAsync(ct);
        return observation.Id;
    }

    public async Task<(ObservationGroup? Group, Dictionary<string, string[]> Errors)> AddGroupAsync(string? name, CancellationToken ct)
    {
        var clean = ItemRules.Clean(name);
        if (clean is null || clean.Length > ObservationRules.GroupNameMaxLength)
        {
            return (null, new() { ["name"] = [text["Observations.Error.GroupName", ObservationRules.GroupNameMaxLength]] });
        }
        var code = Slug(clean);
        if (code.Length == 0 || await db.ObservationGroups.AnyAsync(g => g.Code == code, ct))
        {
            return (null, new() { ["name"] = [text["Observations.Error.GroupExists"]] });
        }
        var group = new ObservationGroup { Code = code, Name = clean, SortOrder = await db.ObservationGroups.CountAsync(ct) };
        db.ObservationGroups.Add(group);
        await db.SaveChangesAsync(ct);
        return (group, []);
    }

    /// <summary>"Ouders met kinderen" → "ouders-met-kinderen".</summary>
    public static string Slug(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length > 40 ? slug[..40].Trim('-') : slug;
    }
}
