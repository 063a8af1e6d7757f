using Microsoft.AspNetCore.Mvc;
using Wijkbeeld.Features.Areas;

namespace Wijkbeeld.Features.Stories;

public sealed record ProfileStoriesView(AreaInfo Area, int Count, IReadOnlyList<StoryDto> Latest, IReadOnlyDictionary<string, string> ThemeNames);

/// <summary>The short "Verhalen" section of an area's profile: how many, the latest few, and a link to the reading view.</summary>
public sealed class ProfileStoriesViewComponent(StoryReader reader) : ViewComponent
{
    public const int Shown = 3;

    public async Task<IViewComponentResult> InvokeAsync(AreaInfo area)
    {
        var ct = HttpContext.RequestAborted;
        var filter = new StoryFilter(area, null, null, null);
        var counts = await reader.CountAsync(filter, ct);
        var latest = await reader.ListAsync(filter, ct, Shown);
        var themes = (await reader.ThemesAsync(ct)).ToDictionary(t => t.Code, t => t.Name);
        return View("/Features/Stories/_ProfileStories.cshtml", new ProfileStoriesView(area, counts.Total, latest, themes));
    }
}
