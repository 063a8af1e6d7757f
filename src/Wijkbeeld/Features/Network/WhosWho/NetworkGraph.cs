using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Werkagenda;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Network.WhosWho;

public sealed record GraphNode(string Key, string Label, string Kind, int? MemberId, double X, double Y);
/// <summary>A tie between two nodes: works for an organisation, sits in the same meeting, works in the same buurt or on the same case.</summary>
public sealed record GraphEdge(string From, string To, string Kind, string Label);
public sealed record NetworkGraphDto(string? Area, int? Case, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, bool Truncated);

/// <summary>Who works with whom around one area or case: nodes and ties, laid out on two circles for a server-drawn SVG.</summary>
public sealed class NetworkGraph(WijkbeeldDb db, Viewer viewer, NetworkMembers members, AreaIndex areaIndex)
{
    public const int MaxNodes = 40;
    public const double Width = 820, Height = 480;

    public static class EdgeKinds
    {
        public const string WorksFor = "werkt-bij";
        public const string Meeting = "overleg";
        public const string Area = "buurt";
        public const string Case = "casus";
    }

    /// <summary>Null when the case does not exist or is not visible.</summary>
    public async Task<NetworkGraphDto?> BuildAsync(string? area, int? caseId, CancellationToken ct)
    {
        var map = await areaIndex.GetAsync(ct);
        var all = await members.VisibleEntitiesAsync(ct);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        List<NetworkMember> chosen;
        var caseTies = new List<(string Title, List<NetworkMember> People)>();
        if (caseId is { } id)
        {
            if (await db.Set<WorkCase>().VisibleTo(viewer).Where(c => c.Id == id).Select(c => new { c.Title, c.AreaCode }).FirstOrDefaultAsync(ct) is not { } workCase)
            {
                return null;
            }
            var actions = await db.Set<AgendaAction>().Where(a => a.CaseId == id).Select(a => a.Owner + " " + a.Partners).ToListAsync(ct);
            var named = all.Where(m => actions.Any(a => a.Contains(m.Name, StringComparison.OrdinalIgnoreCase))).ToList();
            chosen = all.Where(m => named.Contains(m) || (workCase.AreaCode is not null && NetworkMembers.InArea(m, workCase.AreaCode, map))).ToList();
            if (named.Count > 1) caseTies.Add((workCase.Title, named));
        }
        else
        {
            chosen = all.Where(m => NetworkMembers.InArea(m, area, map)).ToList();
        }

        var nodes = new List<(string Key, string Label, string Kind, int? MemberId)>();
        var edges = new List<GraphEdge>();
        string Key(NetworkMember m) => "m" + m.Id;
        string OrganisationOf(NetworkMember m) => m.WorksForId is { } w && organisations.TryGetValue(w, out var n) ? n : m.OrganisationName;
        var truncated = chosen.Count > MaxNodes;
        chosen = chosen.Take(MaxNodes).ToList();
        foreach (var m in chosen) nodes.Add((Key(m), m.Name, m.Kind, m.Id));
        // Organisations a professional works for become nodes of their own, unless they are already an entry.
        foreach (var m in chosen.Where(m => m.Kind == MemberKinds.Professional && OrganisationOf(m).Length > 0))
        {
            var name = OrganisationOf(m);
            var entry = chosen.FirstOrDefault(o => o.Kind == MemberKinds.Organisation && string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
            var key = entry is not null ? Key(entry) : "o:" + name.ToLowerInvariant();
            if (entry is null && nodes.All(n => n.Key != key))
            {
                if (nodes.Count >= MaxNodes) { truncated = true; continue; }
                nodes.Add((key, name, MemberKinds.Organisation, null));
            }
            edges.Add(new GraphEdge(Key(m), key, EdgeKinds.WorksFor, name));
        }

        var meetings = await db.Set<Meeting>().Include(x => x.Participants).AsNoTracking().ToListAsync(ct);
        foreach (var meeting in meetings)
        {
            var present = chosen.Where(m => meeting.Participants.Any(p => string.Equals(p.Name.Trim(), m.Name, StringComparison.OrdinalIgnoreCase))).ToList();
            AddPairs(edges, present, EdgeKinds.Meeting, meeting.Name, Key);
        }
        foreach (var (title, people) in caseTies) AddPairs(edges, people.Where(chosen.Contains).ToList(), EdgeKinds.Case, title, Key);
        // The same buurt ties people only below the filter: inside one buurt everyone shares it.
        var buurten = chosen.SelectMany(m => m.Areas).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(c => !string.Equals(c, area, StringComparison.OrdinalIgnoreCase) && map.Find(c)?.Level == AreaLevel.Neighbourhood);
        foreach (var code in buurten)
        {
            AddPairs(edges, chosen.Where(m => m.Areas.Contains(code, StringComparer.OrdinalIgnoreCase)).ToList(), EdgeKinds.Area, map.Find(code)?.Name ?? code, Key);
        }

        return new NetworkGraphDto(area, caseId, Layout(nodes), edges.DistinctBy(e => (e.From, e.To, e.Kind, e.Label)).ToList(), truncated);
    }

    static void AddPairs(List<GraphEdge> edges, List<NetworkMember> people, string kind, string label, Func<NetworkMember, string> key)
    {
        for (var i = 0; i < people.Count; i++)
        {
            for (var j = i + 1; j < people.Count; j++) edges.Add(new GraphEdge(key(people[i]), key(people[j]), kind, label));
        }
    }

    /// <summary>Organisations on an inner circle, professionals on an outer one, each in name order.</summary>
    static List<GraphNode> Layout(List<(string Key, string Label, string Kind, int? MemberId)> nodes)
    {
        var result = new List<GraphNode>();
        var (cx, cy) = (Width / 2, Height / 2);
        var inner = nodes.Where(n => n.Kind == MemberKinds.Organisation).OrderBy(n => n.Label, StringComparer.CurrentCulture).ToList();
        var outer = nodes.Where(n => n.Kind != MemberKinds.Organisation).OrderBy(n => n.Label, StringComparer.CurrentCulture).ToList();
        if (outer.Count == 0) (inner, outer) = (outer, inner);
        void Place(List<(string Key, string Label, string Kind, int? MemberId)> ring, double radius, double offset)
        {
            for (var i = 0; i < ring.Count; i++)
            {
                var angle = offset + 2 * Math.PI * i / ring.Count - Math.PI / 2;
                var r = ring.Count == 1 && radius < 100 ? 0 : radius;
                result.Add(new GraphNode(ring[i].Key, ring[i].Label, ring[i].Kind, ring[i].MemberId,
                    Math.Round(cx + r * Math.Cos(angle), 1), Math.Round(cy + r * 0.8 * Math.Sin(angle), 1)));
            }
        }
        Place(inner, inner.Count <= 1 ? 0 : 110, Math.PI / Math.Max(1, inner.Count));
        Place(outer, 230, 0);
        return result;
    }
}
