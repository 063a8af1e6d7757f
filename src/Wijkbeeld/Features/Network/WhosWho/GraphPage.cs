using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;

namespace Wijkbeeld.Features.Network.WhosWho;

/// <summary>/netwerk/kaart: who works with whom around one area or case, as an SVG drawn on the server with a table beside it.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NetworkGraphModel(NetworkGraph graph, Competences game, AreaIndex areaIndex) : PageModel
{
    [FromQuery(Name = "area")] public string? Area { get; set; }
    [FromQuery(Name = "case")] public int? Case { get; set; }
    public IReadOnlyList<AreaInfo> Areas { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title)> Cases { get; private set; } = [];
    public NetworkGraphDto Graph { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var map = await areaIndex.GetAsync(ct);
        Areas = map.All.Where(a => a.Level != AreaLevel.Municipality).OrderBy(a => a.Level).ThenBy(a => a.Name).ToList();
        Cases = await game.CasesAsync(ct);
        if (!string.IsNullOrEmpty(Area) && map.Find(Area) is null) Area = null;
        if (await graph.BuildAsync(Case is null ? Area : null, Case, ct) is not { } g) return NotFound();
        Graph = g;
        return Page();
    }

    public GraphNode? Node(string key) => Graph.Nodes.FirstOrDefault(n => n.Key == key);
}
