using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Privacy;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Timeline;

public sealed record MomentInput
{
    public string? Date { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Kind { get; init; }
    public string? Tone { get; init; }
    public string? Source { get; init; }
    public List<string>? Themes { get; init; }
    public string? Visibility { get; init; }
    public bool? ConfirmPersonalData { get; init; }
}

public sealed record PatternInput
{
    public string? Text { get; init; }
    public List<int>? MomentIds { get; init; }
    public string? Visibility { get; init; }
    public bool? ConfirmPersonalData { get; init; }
}

/// <summary>Checks moments and patterns; every message is Dutch and names the field.</summary>
public sealed class TimelineRules(WijkbeeldDb db, IStringLocalizer<Texts> text)
{
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 1000;
    public const int SourceMaxLength = 80;
    public const int MaxThemes = 5;

    public static Visibility ParseVisibility(string code) => ItemCatalog.TryParseVisibility(code, out var v) ? v : Visibility.Organisation;

    /// <summary>Fills <paramref name="moment"/> from the input when it is valid; otherwise returns the errors and leaves it alone.</summary>
    public async Task<Dictionary<string, string[]>> ApplyAsync(MomentInput input, Moment moment, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];

        DateOnly date = default;
        if (string.IsNullOrWhiteSpace(input.Date)) Add("date", text["Timeline.Error.DateRequired"]);
        else if (!DateOnly.TryParseExact(input.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            || date.Year < 1900 || date > DateOnly.FromDateTime(DateTime.UtcNow).AddYears(2))
        {
            Add("date", text["Timeline.Error.DateInvalid"]);
        }
        var title = ItemRules.Clean(input.Title);
        if (title is null) Add("title", text["Timeline.Error.TitleRequired"]);
        else if (title.Length > TitleMaxLength) Add("title", text["Error.TooLong", TitleMaxLength]);
        var description = ItemRules.Clean(input.Description) ?? "";
        if (description.Length > DescriptionMaxLength) Add("description", text["Error.TooLong", DescriptionMaxLength]);
        var kind = input.Kind?.Trim().ToLowerInvariant();
        if (kind is null || !MomentCatalog.Kinds.Contains(kind)) Add("kind", text["Timeline.Error.Kind"]);
        var tone = input.Tone?.Trim().ToLowerInvariant();
        if (tone is not ("positief" or "negatief")) Add("tone", text["Timeline.Error.Tone"]);
        var source = ItemRules.Clean(input.Source);
        if (source is null) Add("source", text["Timeline.Error.SourceRequired"]);
        else if (source.Length > SourceMaxLength) Add("source", text["Error.TooLong", SourceMaxLength]);
        var themes = (input.Themes ?? []).Select(t => ItemRules.Clean(t)?.ToLowerInvariant() ?? "").Where(t => t.Length > 0).Distinct().ToList();
        if (themes.Count > MaxThemes) Add("themes", text["Timeline.Error.TooManyThemes", MaxThemes]);
        else if (themes.Count > 0)
        {
            var known = await db.Themes.Where(t => themes.Contains(t.Code)).Select(t => t.Code).ToListAsync(ct);
            if (known.Count != themes.Count) Add("themes", text["Timeline.Error.Themes"]);
        }
        var visibility = Visibility.Partners;
        if (input.Visibility is { } v && !ItemCatalog.TryParseVisibility(v, out visibility)) Add("visibility", text["Timeline.Error.Visibility"]);

        if (errors.Count == 0 && input.ConfirmPersonalData != true)
        {
            errors = PersonalDataRules.Check(text, [("title", title), ("description", description), ("source", source)],
                [moment.Title, moment.Description, moment.Source]);
        }
        if (errors.Count > 0) return errors;
        moment.Date = date;
        moment.Title = title!;
        moment.Description = description;
        moment.Kind = kind!;
        moment.IsPositive = tone == "positief";
        moment.Source = source!;
        moment.Themes = string.Join(',', themes);
        moment.Visibility = visibility;
        return errors;
    }

    public async Task<Dictionary<string, string[]>> ApplyAsync(PatternInput input, string areaCode, Pattern pattern, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var patternText = ItemRules.Clean(input.Text);
        if (patternText is null) errors["text"] = [text["Timeline.Error.PatternText"]];
        else if (patternText.Length > DescriptionMaxLength) errors["text"] = [text["Error.TooLong", DescriptionMaxLength]];
        var ids = (input.MomentIds ?? []).Distinct().ToList();
        if (ids.Count == 0) errors["momentIds"] = [text["Timeline.Error.PatternMoments"]];
        else if (await db.TimelineMoments.CountAsync(m => ids.Contains(m.Id) && m.AreaCode == areaCode, ct) != ids.Count)
        {
            errors["momentIds"] = [text["Timeline.Error.PatternUnknownMoments"]];
        }
        var visibility = Visibility.Partners;
        if (input.Visibility is { } v && !ItemCatalog.TryParseVisibility(v, out visibility)) errors["visibility"] = [text["Timeline.Error.Visibility"]];
        if (errors.Count == 0 && input.ConfirmPersonalData != true) errors = PersonalDataRules.Check(text, [("text", patternText)]);
        if (errors.Count > 0) return errors;
        pattern.Text = patternText!;
        pattern.Visibility = visibility;
        pattern.Moments = ids.Select(id => new PatternMoment { MomentId = id }).ToList();
        return errors;
    }
}
