using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Privacy;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Focus;

public sealed record FocusInput
{
    public string? AreaCode { get; init; }
    public string? Title { get; init; }
    public string? Reason { get; init; }
    public List<int>? PatternIds { get; init; }
    public List<int>? StoryIds { get; init; }
    public List<int>? ObservationIds { get; init; }
    public string? Visibility { get; init; }
    public bool? ConfirmPersonalData { get; init; }
}

/// <summary>Checks a focus theme: title, reason, and links only to patterns, stories and observations of its own area that the viewer can see.</summary>
public sealed class FocusRules(WijkbeeldDb db, IStringLocalizer<Texts> text)
{
    public const int TitleMaxLength = 120;
    public const int ReasonMaxLength = 2000;
    public const int MaxLinks = 200;

    public async Task<Dictionary<string, string[]>> ApplyAsync(FocusInput input, AreaInfo area, FocusTheme focus, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var title = ItemRules.Clean(input.Title);
        if (title is null) errors["title"] = [text["Focus.Error.TitleRequired"]];
        else if (title.Length > TitleMaxLength) errors["title"] = [text["Error.TooLong", TitleMaxLength]];
        var reason = ItemRules.Clean(input.Reason);
        if (reason is null) errors["reason"] = [text["Focus.Error.ReasonRequired"]];
        else if (reason.Length > ReasonMaxLength) errors["reason"] = [text["Error.TooLong", ReasonMaxLength]];

        var patternIds = (input.PatternIds ?? []).Distinct().ToList();
        var storyIds = (input.StoryIds ?? []).Distinct().ToList();
        var observationIds = (input.ObservationIds ?? []).Distinct().ToList();
        if (patternIds.Count + storyIds.Count + observationIds.Count > MaxLinks) errors["links"] = [text["Focus.Error.TooManyLinks", MaxLinks]];
        else
        {
            var code = area.Code;
            if (patternIds.Count > 0 && await db.TimelinePatterns.CountAsync(p => patternIds.Contains(p.Id) && p.AreaCode == code, ct) != patternIds.Count)
            {
                errors["patternIds"] = [text["Focus.Error.OtherArea.Patterns", area.Name]];
            }
            if (storyIds.Count > 0 && await db.Stories.InArea(area).CountAsync(s => storyIds.Contains(s.Id), ct) != storyIds.Count)
            {
                errors["storyIds"] = [text["Focus.Error.OtherArea.Stories", area.Name]];
            }
            if (observationIds.Count > 0 && await db.Observations.InArea(area).CountAsync(o => observationIds.Contains(o.Id), ct) != observationIds.Count)
            {
                errors["observationIds"] = [text["Focus.Error.OtherArea.Observations", area.Name]];
            }
        }
        var visibility = Visibility.Partners;
        if (input.Visibility is { } v && !ItemCatalog.TryParseVisibility(v, out visibility)) errors["visibility"] = [text["Focus.Error.Visibility"]];
        if (errors.Count == 0 && input.ConfirmPersonalData != true)
        {
            errors = PersonalDataRules.Check(text, [("title", title), ("reason", reason)], [focus.Title, focus.Reason]);
        }
        if (errors.Count > 0) return errors;
        focus.Title = title!;
        focus.Reason = reason!;
        focus.Visibility = visibility;
        // The choice replaces the links (kept rows keep their keys, so an unchanged link is not rewritten).
        focus.Patterns.RemoveAll(l => !patternIds.Contains(l.PatternId));
        focus.Patterns.AddRange(patternIds.Where(id => focus.Patterns.All(l => l.PatternId != id)).Select(id => new FocusThemePattern { PatternId = id }));
        focus.Stories.RemoveAll(l => !storyIds.Contains(l.StoryId));
        focus.Stories.AddRange(storyIds.Where(id => focus.Stories.All(l => l.StoryId != id)).Select(id => new FocusThemeStory { StoryId = id }));
        focus.Observations.RemoveAll(l => !observationIds.Contains(l.ObservationId));
        focus.Observations.AddRange(observationIds.Where(id => focus.Observations.All(l => l.ObservationId != id)).Select(id => new FocusThemeObservation { ObservationId = id }));
        return errors;
    }
}

/// <summary>What the choice partial needs.</summary>
public sealed record ChoiceGroup(IReadOnlyList<Choice> Choices, IReadOnlyList<int> Selected, string Name, string Legend, Stories.FormErrors Errors)
{
    public string ErrorKey => char.ToLowerInvariant(Name[0]) + Name[1..];
}
