using Microsoft.AspNetCore.Mvc;
using Wijkbeeld.Features.Areas;

namespace Wijkbeeld.Features.Focus;

public sealed record ProfileFocusView(AreaInfo Area, IReadOnlyList<FocusDto> Themes);

/// <summary>The "Focus" section of an area's profile: each focus theme with its reason and what it rests on.</summary>
public sealed class ProfileFocusViewComponent(FocusReader reader) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(AreaInfo area) =>
        View("/Features/Focus/_ProfileFocus.cshtml", new ProfileFocusView(area, await reader.ListAsync(area.Code, HttpContext.RequestAborted)));
}
