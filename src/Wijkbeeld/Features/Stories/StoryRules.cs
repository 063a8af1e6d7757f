using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Privacy;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Stories;

/// <summary>What a client sends to add or change a story (API and forms alike).</summary>
public sealed record StoryInput
{
    public string? Text { get; init; }
    public string? Source { get; init; }
    public List<string>? Themes { get; init; }
    public string? Area { get; init; }
    public string? Date { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Visibility { get; init; }
    public bool? ConfirmPersonalData { get; init; }
}

/// <summary>Checks a story and places it in its area; every message is Dutch and names the field.</summary>
public sealed class StoryRules(WijkbeeldDb db, AreaIndex areas, IStringLocalizer<Texts> text)
{
    public const int TextMaxLength = 2000;
    public const int MaxThemes = 5;

    /// <summary>
    /// Fills <paramref name="story"/> when the input is valid; otherwise returns the errors and leaves it alone.
    /// A resident (<paramref name="fromPublic"/>) cannot confirm personal data: a phone number or e-mail address is refused,
    /// because a story is anonymous. Professionals may confirm it, as with items.
    /// </summary>
    public async Task<Dictionary<string, string[]>> ApplyAsync(StoryInput input, Story story, bool fromPublic, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];

        var storyText = ItemRules.Clean(input.Text);
        if (storyText is null) Add("text", text["Stories.Error.TextRequired"]);
        else if (storyText.Length > TextMaxLength) Add("text", text["Error.TooLong", TextMaxLength]);

        var source = input.Source?.Trim().ToLowerInvariant();
        if (source is null || !StoryCatalog.Sources.Contains(source)) Add("source", text["Stories.Error.Source"]);

        var themes = (input.Themes ?? []).Select(t => ItemRules.Clean(t)?.ToLowerInvariant() ?? "").Where(t => t.Length > 0).Distinct().ToList();
        if (themes.Count > MaxThemes) Add("themes", text["Stories.Error.TooManyThemes", MaxThemes]);
        else if (themes.Count > 0 && await db.Themes.CountAsync(t => themes.Contains(t.Code), ct) != themes.Count) Add("themes", text["Stories.Error.Themes"]);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var date = today;
        if (!string.IsNullOrWhiteSpace(input.Date)
            && (!DateOnly.TryParseExact(input.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
                || date.Year < 1900 || date > today.AddDays(1)))
        {
            Add("date", text["Stories.Error.Date"]);
        }

        var map = await areas.GetAsync(ct);
        AreaInfo? area = null;
        if (!string.IsNullOrWhiteSpace(input.Area))
        {
            area = map.Find(input.Area);
            if (area is null || area.Level == AreaLevel.Municipality) Add("area", text["Stories.Error.Area"]);
        }
        AreaLocation? location = null;
        if (input.Latitude is { } lat && input.Longitude is { } lon)
        {
            if (!double.IsFinite(lat) || !double.IsFinite(lon) || lat is < -90 or > 90 || lon is < -180 or > 180) Add("location", text["Error.LocationOutOfRange"]);
            else if ((location = map.Locate(lon, lat)) is null) Add("location", text["Error.LocationOutsideMunicipality"]);
            else if (area is not null && location.Neighbourhood.Code != area.Code && location.District?.Code != area.Code)
            {
                Add("location", text["Stories.Error.PlaceOutsideArea", area.Name]);
            }
        }
        else if (input.Latitude is not null || input.Longitude is not null)
        {
            Add("location", text["Stories.Error.PlaceHalf"]);
        }
        if (string.IsNullOrWhiteSpace(input.Area) && location is null && !errors.ContainsKey("location")) Add("area", text["Stories.Error.AreaRequired"]);

        var visibility = fromPublic ? Visibility.Public : Visibility.Partners;
        if (!fromPublic && input.Visibility is { } v && !ItemCatalog.TryParseVisibility(v, out visibility)) Add("visibility", text["Stories.Error.Visibility"]);

        if (errors.Count == 0 && (fromPublic || input.ConfirmPersonalData != true))
        {
            errors = PersonalDataRules.Check(text, [("text", storyText)], fromPublic ? [] : [story.Text]);
            if (fromPublic && errors.Count > 0)
            {
                // A resident cannot confirm: the story must stay anonymous.
                errors.Remove(PersonalDataRules.ConfirmField);
                errors["text"] = [errors["text"][0] + " " + text["Stories.Error.Anonymous"]];
            }
        }
        if (errors.Count > 0) return errors;

        area ??= location!.Neighbourhood;
        story.Text = storyText!;
        story.SourceType = source!;
        story.Themes = string.Join(',', themes);
        story.AreaCode = area.Code;
        story.MunicipalityCode = area.MunicipalityCode;
        story.NeighbourhoodCode = area.Level == AreaLevel.Neighbourhood ? area.Code : null;
        story.DistrictCode = area.Level == AreaLevel.District ? area.Code : area.ParentCode;
        story.ToldOn = date;
        story.Latitude = location is null ? null : input.Latitude;
        story.Longitude = location is null ? null : input.Longitude;
        story.Visibility = visibility;
        return errors;
    }
}
