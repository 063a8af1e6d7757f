using System.Globalization;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.VisibleActions;

/// <summary>What a client sends to create or change a visible action (the whole action; PUT replaces it).</summary>
public sealed record ActionInput
{
    public string? AreaCode { get; init; }
    public string? Title { get; init; }
    public string? Goal { get; init; }
    public string? Owner { get; init; }

    /// <summary>Organisations and residents; a form sends one text with a line each, the API a list.</summary>
    public List<string>? Partners { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Date { get; init; }
    public string? Status { get; init; }
    public string? Evaluation { get; init; }
    public string? Visibility { get; init; }

    /// <summary>Optional: the focus theme of the action's area (or of its wijk) that the action works on.</summary>
    public int? FocusThemeId { get; init; }
    public bool? ConfirmPersonalData { get; init; }

    public static ActionInput From(VisibleAction a) => new()
    {
        AreaCode = a.AreaCode, Title = a.Title, Goal = a.Goal, Owner = a.Owner, Partners = VisibleActionRules.SplitPartners(a.Partners).ToList(),
        Latitude = a.Latitude, Longitude = a.Longitude, Date = a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Status = a.Status,
        Evaluation = a.Evaluation, Visibility = a.Visibility.Code(), FocusThemeId = a.FocusThemeId,
    };
}

/// <summary>Checks a visible action; every message is Dutch and names the field. Nothing is stored when one fails.</summary>
public sealed class VisibleActionRules(AreaIndex areas, WijkbeeldDb db, IStringLocalizer<Texts> text)
{
    public const int TitleMaxLength = 120;
    public const int TextMaxLength = 1000;
    public const int ShortMaxLength = 200;
    public const int PartnerMaxLength = 120;
    public const int MaxPartners = 12;
    public const int PartnersMaxLength = MaxPartners * (PartnerMaxLength + 1);

    public static readonly string[] Statuses = ["gepland", "bezig", "gedaan", "gestopt"];

    public string Text(string key) => text[key];

    public static IEnumerable<string> SplitPartners(string partners) => partners.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Fills <paramref name="target"/> from the input when everything is right; otherwise leaves it as it was.</summary>
    public async Task<Dictionary<string, string[]>> ApplyAsync(ActionInput input, VisibleAction target, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors.TryAdd(field, [message]);
        string? Required(string field, string? value, int max)
        {
            var clean = ItemRules.Clean(value);
            if (clean is null) Add(field, text["Actions.Error.Required"]);
            else if (clean.Length > max) Add(field, text["Error.TooLong", max]);
            return clean;
        }

        var map = await areas.GetAsync(ct);
        var area = map.Find(input.AreaCode);
        if (area is null || area.Level == AreaLevel.Municipality) Add("areaCode", text["Actions.Error.Area"]);
        var title = Required("title", input.Title, TitleMaxLength);
        var goal = Required("goal", input.Goal, TextMaxLength);
        var owner = Required("owner", input.Owner, ShortMaxLength);
        var partners = (input.Partners ?? []).SelectMany(p => (p ?? "").Split('\n')).Select(p => ItemRules.Clean(p)).OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (partners.Count > MaxPartners || partners.Any(p => p.Length > PartnerMaxLength))
        {
            Add("partners", text["Actions.Error.Partners", MaxPartners, PartnerMaxLength]);
        }
        DateOnly date = default;
        if (!DateOnly.TryParseExact(input.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) || date.Year is < 2000 or >= 2100)
        {
            Add("date", text["Actions.Error.Date"]);
        }
        var status = string.IsNullOrWhiteSpace(input.Status) ? "gepland" : input.Status.Trim().ToLowerInvariant();
        if (!Statuses.Contains(status)) Add("status", text["Actions.Error.Status"]);
        var evaluation = ItemRules.Clean(input.Evaluation) ?? "";
        if (evaluation.Length > TextMaxLength) Add("evaluation", text["Error.TooLong", TextMaxLength]);

        // The place is optional, but both coordinates or neither, and inside the municipality.
        if (input.Latitude is not null || input.Longitude is not null)
        {
            if (input.Latitude is not { } lat || input.Longitude is not { } lon || !double.IsFinite(lat) || !double.IsFinite(lon)
                || lat is < -90 or > 90 || lon is < -180 or > 180)
            {
                Add("location", text["Error.LocationOutOfRange"]);
            }
            else if (map.Locate(lon, lat) is null)
            {
                Add("location", text["Error.LocationOutsideMunicipality"]);
            }
        }
        // A focus theme the viewer can see, chosen for this area or for the wijk around it.
        if (input.FocusThemeId is { } focusId && area is not null
            && !await db.FocusThemes.AnyAsync(f => f.Id == focusId && (f.AreaCode == area.Code || f.AreaCode == area.ParentCode), ct))
        {
            Add("focusThemeId", text["Actions.Error.Focus"]);
        }
        var visibility = Visibility.Partners;
        if (input.Visibility is { } v && !ItemCatalog.TryParseVisibility(v, out visibility)) Add("visibility", text["Actions.Error.Visibility"]);
        if (errors.Count == 0 && input.ConfirmPersonalData != true)
        {
            errors = PersonalDataRules.Check(text,
                [("title", title), ("goal", goal), ("owner", owner), ("partners", string.Join(", ", partners)), ("evaluation", evaluation)],
                [target.Title, target.Goal, target.Owner, target.Partners, target.Evaluation]);
        }
        if (errors.Count > 0) return errors;

        target.AreaCode = area!.Code;
        target.Title = title!;
        target.Goal = goal!;
        target.Owner = owner!;
        target.Partners = string.Join('\n', partners);
        target.Latitude = input.Latitude is null ? null : Math.Round(input.Latitude.Value, 6);
        target.Longitude = input.Longitude is null ? null : Math.Round(input.Longitude.Value, 6);
        target.Date = date;
        target.Status = status;
        target.Evaluation = evaluation;
        target.Visibility = visibility;
        target.FocusThemeId = input.FocusThemeId;
        return errors;
    }

    /// <summary>Codes of the area and everything inside it (a wijk holds its buurten); null for the whole municipality.</summary>
    public static IReadOnlyList<string>? CodesIn(AreaMap map, AreaInfo area) => area.Level switch
    {
        AreaLevel.Municipality => null,
        AreaLevel.District => [area.Code, .. map.All.Where(a => a.ParentCode == area.Code).Select(a => a.Code)],
        _ => [area.Code],
    };
}
