using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Map;

namespace Wijkbeeld.Features.Sessions;

/// <summary>What every live session page shares: the session, who is looking, the map's frame and the script's texts.</summary>
public abstract class SessionPageModel(SessionService sessions, SessionAccess access, AreaIndex areas, IOptions<MapOptions> map, IStringLocalizer<Texts> text) : PageModel
{
    public SessionDto Session { get; private set; } = null!;
    public SessionActor Actor { get; private set; } = null!;
    public MapOptions Map => map.Value;
    public string Bounds { get; private set; } = "";
    protected IStringLocalizer<Texts> Text => text;

    /// <summary>Loads the session; null when the page may be shown, otherwise where to send the person.</summary>
    protected async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var actor = await access.ResolveAsync(HttpContext, id, ct);
        if (actor is null)
        {
            return await sessions.GetAsync(id, ct) is null ? NotFound() : Redirect("/doe-mee");
        }
        Actor = actor;
        Session = (await sessions.GetAsync(id, ct))!;
        var all = await areas.GetAsync(ct);
        var area = all.Find(Session.AreaCode) ?? all.All.FirstOrDefault(a => a.Level == AreaLevel.Municipality);
        if (area is not null)
        {
            var b = area.Bounds;
            Bounds = string.Join(',', new[] { b.MinY, b.MinX, b.MaxY, b.MaxX }.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        }
        return null;
    }

    public string ScriptTexts() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["kinds"] = ItemCatalog.Kinds.ToDictionary(k => k.Code, k => text["Kind." + k.Code].Value),
        ["failed"] = text["Sessions.Js.Failed"].Value, ["saved"] = text["Sessions.Js.Saved"].Value, ["group"] = text["Sessions.Js.Group"].Value,
        ["guest"] = text["Sessions.Guest"].Value, ["published"] = text["Sessions.Js.Published"].Value, ["select"] = text["Sessions.Js.Select"].Value,
        ["mergeInto"] = text["Sessions.Js.MergeInto"].Value, ["merged"] = text["Sessions.Js.Merged"].Value, ["followUp"] = text["Sessions.Js.FollowUp"].Value,
        ["item"] = text["Sessions.Js.Item"].Value, ["toItem"] = text["Sessions.Js.ToItem"].Value, ["toFollowUp"] = text["Sessions.Js.ToFollowUp"].Value,
        ["pin"] = text["Sessions.Js.Pin"].Value, ["unpin"] = text["Sessions.Js.Unpin"].Value, ["cluster"] = text["Sessions.Js.Cluster"].Value,
        ["clusterPrompt"] = text["Sessions.Js.ClusterPrompt"].Value, ["openBoard"] = text["Sessions.Js.OpenBoard"].Value, ["choose"] = text["Sessions.Js.Choose"].Value,
        ["unassigned"] = text["Sessions.Js.Unassigned"].Value, ["moveTo"] = text["Sessions.Js.MoveTo"].Value, ["noTimer"] = text["Sessions.Js.NoTimer"].Value,
        ["notStarted"] = text["Sessions.Js.NotStarted"].Value, ["closed"] = text["Sessions.Js.Closed"].Value, ["offline"] = text["Sessions.Js.Offline"].Value,
        ["newPlace"] = text["Sessions.Js.NewPlace"].Value, ["placeChosen"] = text["Sessions.Js.PlaceChosen"].Value, ["clickMap"] = text["Sessions.Board.ClickMap"].Value,
        ["publishedAll"] = text["Sessions.Js.PublishedAll"].Value,
    });
}
