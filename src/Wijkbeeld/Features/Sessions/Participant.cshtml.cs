using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Map;

namespace Wijkbeeld.Features.Sessions;

/// <summary>A participant's page: what happens now, the timer, the input round, picking a group and the evaluation.</summary>
public sealed class ParticipantModel(SessionService sessions, SessionAccess access, AreaIndex areas, IOptions<MapOptions> map, IStringLocalizer<Texts> text)
    : SessionPageModel(sessions, access, areas, map, text)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();
}
