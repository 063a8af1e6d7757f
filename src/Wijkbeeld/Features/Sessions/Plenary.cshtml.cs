using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Map;

namespace Wijkbeeld.Features.Sessions;

/// <summary>The plenary: every breakout's board merged on one map, coloured per group, live; parked topics; evaluation.</summary>
public sealed class PlenaryModel(SessionService sessions, SessionAccess access, AreaIndex areas, IOptions<MapOptions> map, IStringLocalizer<Texts> text)
    : SessionPageModel(sessions, access, areas, map, text)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();
}
