using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Privacy;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Observations;

/// <summary>What a client sends to record an observation (API and form alike).</summary>
public sealed record ObservationInput
{
    public string? Date { get; init; }
    public string? PartOfDay { get; init; }
    public string? Group { get; init; }
    public int? Count { get; init; }
    public string? Activity { get; init; }
    public List<string>? Signals { get; init; }
    public string? Notes { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Visibility { get; init; }
    public bool? ConfirmPersonalData { get; init; }
}

/// <summary>Checks an observation and places it in its buurt; every message is Dutch and names the field.</summary>
public sealed class ObservationRules(WijkbeeldDb db, AreaIndex areas, IStringLocalizer<Texts> text)
{
    public const int NotesMaxLength = 1000;
    public const int GroupNameMaxLength = 60;
    public const int MaxCount = 10000;

    public async Task<(Observation? Observation, Dictionary<string, string[]> Errors)> ValidateAsync(ObservationInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];

        DateOnly date = default;
        if (string.IsNullOrWhiteSpace(input.Date))
        {
            Add("date", text["Observations.Error.DateRequired"]);
        }
        else if (!DateOnly.TryParseExact(input.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            Add("date", text["Observations.Error.DateInvalid"]);
        }
        else if (date > DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1) || date.Year < 2000)
        {
            Add("date", text["Observations.Error.DateRange"]);
        }

        if (!ObservationCatalog.TryParsePartOfDay(input.PartOfDay, out var part))
        {
            Add("partOfDay", text["Observations.Error.PartOfDay"]);
        }

        var group = input.Group?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(group) || !await db.ObservationGroups.AnyAsync(g => g.Code == group, ct))
        {
            Add("group", text["Observations.Error.Group"]);
        }

        if (input.Count is { } count && (count < 1 || count > MaxCount))
        {
            Add("count", text["Observations.Error.Count", MaxCount]);
        }

        var activity = input.Activity?.Trim().ToLowerInvariant();
        if (activity is null || !ObservationCatalog.Activities.Contains(activity))
        {
            Add("activity", text["Observations.Error.Activity"]);
        }

        var signals = (input.Signals ?? []).Select(s => s?.Trim().ToLowerInvariant() ?? "").Where(s => s.Length > 0).Distinct().ToList();
        if (signals.Any(s => !ObservationCatalog.Signals.Contains(s)))
        {
            Add("signals", text["Observations.Error.Signals"]);
        }

        var notes = ItemRules.Clean(input.Notes) ?? "";
        if (notes.Length > NotesMaxLength)
        {
            Add("notes", text["Error.TooLong", NotesMaxLength]);
        }

        AreaLocation? location = null;
        if (input.Latitude is not { } lat || input.Longitude is not { } lon)
        {
            Add("location", text["Error.LocationRequired"]);
        }
        else if (!double.IsFinite(lat) || !double.IsFinite(lon) || lat is < -90 or > 90 || lon is < -180 or > 180)
        {
            Add("location", text["Error.LocationOutOfRange"]);
        }
        else if ((location = (await areas.GetAsync(ct)).Locate(lon, lat)) is null)
        {
            Add("location", text["Error.LocationOutsideMunicipality"]);
        }

        var visibility = Visibility.Partners;
        if (input.Visibility is { } v && !ItemCatalog.TryParseVisibility(v, out visibility))
        {
            Add("visibility", text["Observations.Error.Visibility"]);
        }

        if (errors.Count == 0 && input.ConfirmPersonalData != true)
        {
            errors = PersonalDataRules.Check(text, [("notes", notes)]);
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new Observation
        {
            ObservedOn = date, PartOfDay = part, Weekday = ObservationCatalog.IsoWeekday(date), GroupCode = group!, Count = input.Count,
            Activity = activity!, Signals = string.Join(',', ObservationCatalog.Signals.Where(signals.Contains)), Notes = notes,
            Latitude = input.Latitude!.Value, Longitude = input.Longitude!.Value, MunicipalityCode = location!.Municipality.Code,
            DistrictCode = location.District?.Code, NeighbourhoodCode = location.Neighbourhood.Code, Visibility = visibility,
        }, errors);
    }
}
