using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Map;

namespace Wijkbeeld.Features.Sessions;

/// <summary>The facilitator's view: code and QR, 5W+H, programme, chat wall, breakouts with timer, outputs.</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class RunModel(SessionService sessions, SessionAccess access, AreaIndex areas, IOptions<MapOptions> map, IStringLocalizer<Texts> text)
    : SessionPageModel(sessions, access, areas, map, text)
{
    public string JoinLink { get; private set; } = "";
    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } other) return other;
        JoinLink = SessionEndpoints.JoinLink(Request, Session.Code);
        QrSvg = SessionEndpoints.QrSvg(JoinLink);
        return Page();
    }
}
