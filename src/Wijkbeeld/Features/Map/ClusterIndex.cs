using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Activity;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Map;

/// <summary>
/// The map's cluster counts from memory instead of the database. Counting and grouping every item in view per
/// request took SQLite 0.5–7 s with 100,000 items under load; this answers the same question in microseconds.
/// <para>
/// Every live item is kept as a compact entry (position, kind, status, visibility, owner, areas, themes) in a
/// quadtree over the grid of cluster cells: a node at depth <c>d</c> is exactly one cell at zoom <c>d − 2</c>, so a
/// node wholly in view and at or below the asked zoom adds its precomputed totals (per visibility × kind, so a
/// kind filter and every audience use them) in one step; only nodes cut by the view's edge are split further or
/// scanned. Rarer filters (theme, status, area, ids) scan the entries in view; text search (<c>q</c>) stays on
/// the database (<see cref="QueryAsync"/> answers null).
/// </para>
/// <para>
/// Kept current by <see cref="ItemService"/> after each save (<see cref="Apply"/>), rebuilt after an area import
/// (<see cref="Invalidate"/>), and caught up with other instances' writes from the change log by
/// <see cref="ClusterIndexSync"/>.
/// </para>
/// </summary>
public sealed class ClusterIndex(IServiceScopeFactory scopes, ILogger<ClusterIndex> log)
{
    public sealed record Result(int Total, IReadOnlyList<ItemCluster> Clusters);

    /// <summary>Cells of about 80 screen pixels at this zoom level (a 256-pixel tile spans 360/2^zoom degrees).</summary>
    public static double CellDegrees(int zoom) => 360.0 / Math.Pow(2, zoom) * 80 / 256;

    public const int MaxZoom = 22;
    const int MaxDepth = MaxZoom + 2; // depth 0 spans 4 × 4 cells of zoom 0, i.e. the whole world
    const int LeafSize = 64;
    const int KindCount = 7;
    const int Slots = 3 * KindCount; // visibility × kind
    const double Fixed = 4294967296.0; // positions summed as 32.32 fixed point: exact, no drift on removal
    const double Margin = 1e-9; // degrees; far above rounding, far below a cell at zoom 22 (2.7e-5°)
    static readonly double BaseCell = CellDegrees(MaxZoom);

    readonly ReaderWriterLockSlim gate = new();
    readonly SemaphoreSlim building = new(1, 1);
    State? state;
    long generation;
    List<Entry>? duringBuild;

    public bool IsBuilt => state is not null;
    public long LastSequence => state?.LastSequence ?? 0;
    internal DateTime? AreasImportedAt => state?.AreasImportedAt;

    // --- queries -------------------------------------------------------------------------------------------------

    /// <summary>
    /// Items matching <paramref name="filter"/> (its bbox required) that <paramref name="audience"/> may see, as
    /// clusters at <paramref name="zoom"/>: per cell the count and mean position, cells ordered west to east, then
    /// south to north. Null when the filter needs the database (text search).
    /// </summary>
    public async ValueTask<Result?> QueryAsync(ItemFilter filter, int zoom, ItemAudience audience, CancellationToken ct)
    {
        if (filter.Q is not null || filter.Bbox is null || zoom is < 0 or > MaxZoom)
        {
            return null;
        }
        var current = state ?? await BuildAsync(ct);
        gate.EnterReadLock();
        try
        {
            // An area import may have cleared it while we waited; the caller then asks the database.
            return ReferenceEquals(current, state) ? current.Query(filter, zoom, audience) : null;
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    // --- keeping it current --------------------------------------------------------------------------------------

    /// <summary>After a save on this instance: its changes' items as stored, and their sequence numbers as seen.</summary>
    public void Saved(IReadOnlyCollection<ItemChange> changes)
    {
        Apply(changes.Select(c => c.Item).OfType<Item>().Distinct());
        if (changes.Count > 0) Seen(changes.Max(c => c.Sequence));
    }

    /// <summary>The items as stored (a deleted one leaves the index). Older versions never overwrite newer ones.</summary>
    public bool Apply(IEnumerable<Item> items)
    {
        var entries = items.Select(Entry.From).ToList();
        if (entries.Count == 0) return false;
        gate.EnterWriteLock();
        try
        {
            duringBuild?.AddRange(entries);
            var changed = false;
            if (state is { } s)
            {
                foreach (var e in entries) changed |= s.Upsert(e);
            }
            return changed;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Areas changed (items moved to other buurten): the next query rebuilds from the database.</summary>
    public void Invalidate()
    {
        gate.EnterWriteLock();
        try
        {
            state = null;
            generation++;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Loads every live item from the database (once; concurrent callers wait for the same build).</summary>
    public async Task<State> BuildAsync(CancellationToken ct)
    {
        await building.WaitAsync(ct);
        try
        {
            while (true)
            {
                if (state is { } ready) return ready;
                long startedAt;
                gate.EnterWriteLock();
                try
                {
                    startedAt = generation;
                    duringBuild = [];
                }
                finally
                {
                    gate.ExitWriteLock();
                }
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var built = await LoadAsync(ct);
                gate.EnterWriteLock();
                try
                {
                    // Saves that happened while loading may or may not be in what was read: apply them again.
                    foreach (var e in duringBuild!) built.Upsert(e);
                    duringBuild = null;
                    if (generation == startedAt)
                    {
                        state = built;
                    }
                }
                finally
                {
                    gate.ExitWriteLock();
                }
                if (built.Count >= 50_000)
                {
                    // Loading read every row once: give that garbage back to the system now, not whenever the GC gets
                    // to it, so the server's memory shows what it keeps (the index: ~100 bytes per item with the tree).
                    GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                }
                log.LogInformation("Cluster index built: {Items} items, {Nodes} nodes in {Ms:0} ms",
                    built.Count, built.NodeCount, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        finally
        {
            building.Release();
        }
    }

    async Task<State> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbeeldDb>();
        var s = new State
        {
            // All items and changes, whoever's request started the build: the index counts per audience itself.
            LastSequence = await db.ItemChanges.IgnoreQueryFilters().MaxAsync(c => (long?)c.Sequence, ct) ?? 0,
            AreasImportedAt = await db.Areas.MaxAsync(a => (DateTime?)a.ImportedAt, ct),
        };
        var themes = new Dictionary<int, List<string>>();
        await foreach (var t in db.ItemThemes.AsNoTracking().Select(t => new { t.ItemId, t.ThemeCode }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!themes.TryGetValue(t.ItemId, out var list)) themes[t.ItemId] = list = [];
            list.Add(t.ThemeCode);
        }
        var rows = db.Items.IgnoreQueryFilters([WijkbeeldDb.VisibilityFilter]).AsNoTracking().Select(i => new
        {
            i.Id, i.Version, i.Kind, i.Status, i.Visibility, i.OrganisationId, i.Longitude, i.Latitude,
            i.MunicipalityCode, i.DistrictCode, i.NeighbourhoodCode,
        });
        await foreach (var i in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            s.Upsert(new Entry(i.Id, i.Version, false, i.Longitude, i.Latitude, i.Kind, i.Visibility, i.Status,
                ItemAudience.Key(i.OrganisationId), i.MunicipalityCode, i.DistrictCode, i.NeighbourhoodCode,
                themes.TryGetValue(i.Id, out var codes) ? codes : []));
        }
        return s;
    }

    /// <summary>Re-reads the given items from the database (saved by another instance) and applies them.</summary>
    internal async Task<bool> RefreshAsync(WijkbeeldDb db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var items = await db.Items.IgnoreQueryFilters().AsNoTracking().Include(i => i.Themes)
            .Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        var changed = Apply(items);
        gate.EnterWriteLock();
        try
        {
            // Gone from the database altogether: gone from the index too.
            foreach (var id in ids.Except(items.Select(i => i.Id))) changed |= state?.Remove(id) ?? false;
        }
        finally
        {
            gate.ExitWriteLock();
        }
        return changed;
    }

    internal void Seen(long sequence)
    {
        gate.EnterWriteLock();
        try
        {
            if (state is { } s && sequence > s.LastSequence) s.LastSequence = sequence;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    // --- the data ------------------------------------------------------------------------------------------------

    /// <summary>One item, as much as counting needs. Strings are ids in the state's string table.</summary>
    public readonly record struct Entry(
        int Id, int Version, bool Deleted, double Longitude, double Latitude, ItemKind Kind, Visibility Visibility,
        string Status, string? Owner, string Municipality, string? District, string? Neighbourhood, IReadOnlyList<string> Themes)
    {
        // A contribution waiting for (or refused by) a coordinator counts for nobody, as a deleted item.
        public static Entry From(Item i) => new(i.Id, i.Version, i.IsDeleted || i.Moderation != ModerationState.Approved, i.Longitude, i.Latitude, i.Kind, i.Visibility,
            i.Status, ItemAudience.Key(i.OrganisationId), i.MunicipalityCode, i.DistrictCode, i.NeighbourhoodCode,
            i.Themes.Select(t => t.ThemeCode).ToList());
    }

    [StructLayout(LayoutKind.Auto)]
    struct Compact
    {
        public int Id, Version, X, Y; // X, Y: the cell at zoom 22
        public double Longitude, Latitude;
        public int Status, Owner, Municipality, District, Neighbourhood; // string ids, -1 for none
        public ulong Themes;
        public byte Slot; // visibility × kind
        public bool Live;
    }

    sealed class Node(int depth, int x, int y)
    {
        public readonly int Depth = depth, X = x, Y = y;
        public Node?[]? Children;
        public List<LeafItem>? Entries = [];
        public readonly int[] Count = new int[Slots];
        public readonly long[] SumLon = new long[Slots], SumLat = new long[Slots];
    }

    /// <summary>What a scan of a leaf needs, stored in the leaf itself: one contiguous run of memory per leaf.</summary>
    readonly record struct LeafItem(double Longitude, double Latitude, int X, int Y, int Index, byte Slot)
    {
        public LeafItem(in Compact e, int index) : this(e.Longitude, e.Latitude, e.X, e.Y, index, e.Slot) { }
    }

    struct Cell
    {
        public int Count;
        public long SumLon, SumLat;
    }

    /// <summary>The index itself; read under the read lock, changed under the write lock.</summary>
    public sealed class State
    {
        Compact[] entries = new Compact[1024];
        int used;
        readonly Stack<int> free = new();
        readonly Dictionary<int, int> byId = [];
        readonly Dictionary<string, int> strings = new(StringComparer.Ordinal);
        readonly Dictionary<string, int> themeBits = new(StringComparer.Ordinal);
        bool themeOverflow;
        // Organisation-only items per owner: an organisation's members see these on top of the shared totals.
        readonly Dictionary<int, HashSet<int>> ownOnly = [];
        readonly Node root = new(0, 0, 0);

        public long LastSequence { get; set; }
        public DateTime? AreasImportedAt { get; init; }
        public int Count => byId.Count;
        public int NodeCount { get; private set; } = 1;

        int Intern(string? s)
        {
            if (s is null) return -1;
            if (!strings.TryGetValue(s, out var id)) strings[s] = id = strings.Count;
            return id;
        }

        int Find(string s) => strings.TryGetValue(s, out var id) ? id : -2; // -2 matches nothing, not even "none"

        ulong ThemeMask(IEnumerable<string> codes, bool add)
        {
            ulong mask = 0;
            foreach (var code in codes)
            {
                if (!themeBits.TryGetValue(code, out var bit))
                {
                    if (!add) continue;
                    if (themeBits.Count == 64)
                    {
                        themeOverflow = true;
                        continue;
                    }
                    themeBits[code] = bit = themeBits.Count;
                }
                mask |= 1UL << bit;
            }
            return mask;
        }

        /// <summary>Adds, moves or removes one item; false if the index already had this version.</summary>
        public bool Upsert(Entry e)
        {
            var existed = byId.TryGetValue(e.Id, out var at);
            if (existed)
            {
                var old = entries[at].Version;
                if (old > e.Version || old == e.Version && !e.Deleted) return false;
                RemoveAt(at);
            }
            if (e.Deleted) return existed;
            var index = free.Count > 0 ? free.Pop() : used++;
            if (index == entries.Length) Array.Resize(ref entries, entries.Length * 2);
            entries[index] = new Compact
            {
                Id = e.Id, Version = e.Version, Longitude = e.Longitude, Latitude = e.Latitude,
                X = (int)((e.Longitude + 180) / BaseCell), Y = (int)((e.Latitude + 90) / BaseCell),
                Status = Intern(e.Status), Owner = Intern(e.Owner), Municipality = Intern(e.Municipality),
                District = Intern(e.District), Neighbourhood = Intern(e.Neighbourhood),
                Themes = ThemeMask(e.Themes, add: true),
                Slot = (byte)((int)e.Visibility * KindCount + (int)e.Kind), Live = true,
            };
            byId[e.Id] = index;
            Insert(index);
            if (e.Visibility == Visibility.Organisation && entries[index].Owner >= 0)
            {
                var owner = entries[index].Owner;
                if (!ownOnly.TryGetValue(owner, out var set)) ownOnly[owner] = set = [];
                set.Add(index);
            }
            return true;
        }

        public bool Remove(int id)
        {
            if (!byId.TryGetValue(id, out var at)) return false;
            RemoveAt(at);
            return true;
        }

        void RemoveAt(int index)
        {
            ref var e = ref entries[index];
            var node = root;
            while (true)
            {
                Add(node, in e, -1);
                if (node.Entries is { } list)
                {
                    list.RemoveAt(list.FindIndex(l => l.Index == index));
                    break;
                }
                node = node.Children![ChildIndex(node.Depth, e.X, e.Y)]!;
            }
            if (e.Owner >= 0 && ownOnly.TryGetValue(e.Owner, out var set)) set.Remove(index);
            byId.Remove(e.Id);
            e.Live = false;
            free.Push(index);
        }

        void Insert(int index)
        {
            ref var e = ref entries[index];
            var node = root;
            while (true)
            {
                Add(node, in e, 1);
                if (node.Entries is { } list)
                {
                    list.Add(new LeafItem(in e, index));
                    if (list.Count > LeafSize && node.Depth < MaxDepth) Split(node);
                    return;
                }
                node = Child(node, e.X, e.Y);
            }
        }

        void Split(Node node)
        {
            var list = node.Entries!;
            node.Entries = null;
            node.Children = new Node?[4];
            foreach (var item in list)
            {
                ref var e = ref entries[item.Index];
                var child = Child(node, e.X, e.Y);
                Add(child, in e, 1);
                child.Entries!.Add(item);
            }
            foreach (var child in node.Children)
            {
                if (child?.Entries is { Count: > LeafSize } && child.Depth < MaxDepth) Split(child);
            }
        }

        Node Child(Node node, int x, int y)
        {
            var i = ChildIndex(node.Depth, x, y);
            if (node.Children![i] is { } child) return child;
            var shift = MaxDepth - node.Depth - 1;
            NodeCount++;
            return node.Children[i] = new Node(node.Depth + 1, x >> shift, y >> shift);
        }

        static int ChildIndex(int depth, int x, int y)
        {
            var shift = MaxDepth - depth - 1;
            return ((x >> shift) & 1) | (((y >> shift) & 1) << 1);
        }

        static void Add(Node node, in Compact e, int sign)
        {
            node.Count[e.Slot] += sign;
            node.SumLon[e.Slot] += sign * FixedOf(e.Longitude);
            node.SumLat[e.Slot] += sign * FixedOf(e.Latitude);
        }

        static long FixedOf(double degrees) => (long)Math.Round(degrees * Fixed);

        // --- the query -------------------------------------------------------------------------------------------

        /// <summary>One query's settings and its output cells: a pooled dense grid over the view, or a dictionary for huge views.</summary>
        sealed class Search : IDisposable
        {
            const int MaxDense = 4096;
            public readonly NetTopologySuite.Geometries.Envelope Box;
            public readonly int OutDepth, Shift; // Shift: from a zoom-22 cell to an output cell
            public uint SlotMask; // aggregate mode: the slots counted from the node totals
            public bool Scan; // scan mode: every entry checked against Match
            public Func<Compact, bool>? Match;
            readonly int x0, y0, height, size;
            readonly Cell[]? dense;
            readonly Dictionary<long, Cell>? sparse;

            public Search(NetTopologySuite.Geometries.Envelope box, int zoom)
            {
                Box = box;
                OutDepth = zoom + 2;
                Shift = MaxZoom - zoom;
                var cell = CellDegrees(zoom);
                // One cell of slack on each side: an item on the view's edge may round into the next cell.
                x0 = (int)((box.MinX + 180) / cell) - 1;
                y0 = (int)((box.MinY + 90) / cell) - 1;
                var width = (long)((box.MaxX + 180) / cell) + 2 - x0;
                height = (int)((box.MaxY + 90) / cell) + 2 - y0;
                if (width * height <= MaxDense)
                {
                    size = (int)(width * height);
                    dense = System.Buffers.ArrayPool<Cell>.Shared.Rent(size);
                    Array.Clear(dense, 0, size);
                }
                else
                {
                    sparse = [];
                }
            }

            public ref Cell At(int x, int y) => ref dense is not null
                ? ref dense[(x - x0) * height + (y - y0)]
                : ref CollectionsMarshal.GetValueRefOrAddDefault(sparse!, (long)x << 32 | (uint)y, out _);

            /// <summary>The cells with items, west to east, then south to north.</summary>
            public Result Result()
            {
                var clusters = new List<ItemCluster>();
                var total = 0;
                void Add(in Cell c)
                {
                    total += c.Count;
                    clusters.Add(new ItemCluster(c.Count, c.SumLon / Fixed / c.Count, c.SumLat / Fixed / c.Count));
                }
                if (dense is not null)
                {
                    foreach (ref var c in dense.AsSpan(0, size))
                    {
                        if (c.Count > 0) Add(in c);
                    }
                }
                else
                {
                    foreach (var (_, c) in sparse!.OrderBy(c => c.Key)) Add(in c);
                }
                return new Result(total, clusters);
            }

            public void Dispose()
            {
                if (dense is not null) System.Buffers.ArrayPool<Cell>.Shared.Return(dense);
            }
        }

        internal Result? Query(ItemFilter filter, int zoom, ItemAudience audience)
        {
            if (filter.Themes.Count > 0 && themeOverflow) return null;
            var kinds = filter.Kinds.Count == 0 ? (1u << KindCount) - 1 : filter.Kinds.Aggregate(0u, (m, k) => m | 1u << (int)k);
            using var q = new Search(filter.Bbox!, zoom);
            var own = audience.SeesEverything ? -2 : audience.Organisation is { } key ? Find(key) : -2;
            var aggregate = filter.Themes.Count == 0 && filter.Statuses.Count == 0 && filter.Area is null && filter.Ids is null;
            if (aggregate)
            {
                // Totals per visibility × kind; an organisation's own items are added from its own list below.
                Visibility[] seen = audience.SeesEverything ? [Visibility.Public, Visibility.Partners, Visibility.Organisation]
                    : audience.SignedIn ? [Visibility.Public, Visibility.Partners] : [Visibility.Public];
                foreach (var v in seen)
                {
                    q.SlotMask |= kinds << ((int)v * KindCount);
                }
            }
            else
            {
                q.Scan = true;
                var themes = filter.Themes.Count == 0 ? ulong.MaxValue : ThemeMask(filter.Themes, add: false);
                var statuses = filter.Statuses.Select(Find).ToHashSet();
                var ids = filter.Ids?.ToHashSet();
                var areaLevel = filter.Area?.Level;
                var area = filter.Area is { } a ? Find(a.Code) : -1;
                var signedIn = audience.SignedIn;
                var everything = audience.SeesEverything;
                q.Match = e =>
                {
                    var kind = e.Slot % KindCount;
                    var visibility = (Visibility)(e.Slot / KindCount);
                    if ((kinds >> kind & 1) == 0) return false;
                    if (!everything && visibility != Visibility.Public &&
                        !(visibility == Visibility.Partners ? signedIn : e.Owner >= 0 && e.Owner == own)) return false;
                    if (filter.Themes.Count > 0 && (e.Themes & themes) == 0) return false;
                    if (statuses.Count > 0 && !statuses.Contains(e.Status)) return false;
                    if (ids is not null && !ids.Contains(e.Id)) return false;
                    return areaLevel switch
                    {
                        null => true,
                        AreaLevel.Neighbourhood => e.Neighbourhood == area,
                        AreaLevel.District => e.District == area,
                        _ => e.Municipality == area,
                    };
                };
            }
            Visit(root, q);
            if (aggregate && own >= 0 && ownOnly.TryGetValue(own, out var mine))
            {
                foreach (var index in mine)
                {
                    ref var e = ref entries[index];
                    if ((kinds >> (e.Slot % KindCount) & 1) != 0) AddEntry(q, in e);
                }
            }
            return q.Result();
        }

        void Visit(Node node, Search q)
        {
            var span = (double)(1L << (MaxDepth - node.Depth)) * BaseCell;
            double west = node.X * span - 180, east = west + span, south = node.Y * span - 90, north = south + span;
            var b = q.Box;
            if (east + Margin < b.MinX || west - Margin > b.MaxX || north + Margin < b.MinY || south - Margin > b.MaxY) return;
            var inside = west - Margin >= b.MinX && east + Margin <= b.MaxX && south - Margin >= b.MinY && north + Margin <= b.MaxY;
            if (inside && !q.Scan && node.Depth >= q.OutDepth)
            {
                // Wholly in view and within one output cell: its totals, in one step.
                int count = 0;
                long lon = 0, lat = 0;
                for (var s = 0; s < Slots; s++)
                {
                    if ((q.SlotMask >> s & 1) == 0) continue;
                    count += node.Count[s];
                    lon += node.SumLon[s];
                    lat += node.SumLat[s];
                }
                if (count == 0) return;
                var up = node.Depth - q.OutDepth;
                ref var cell = ref q.At(node.X >> up, node.Y >> up);
                cell.Count += count;
                cell.SumLon += lon;
                cell.SumLat += lat;
                return;
            }
            if (node.Entries is { } list)
            {
                var mask = q.SlotMask;
                foreach (ref readonly var e in CollectionsMarshal.AsSpan(list))
                {
                    // Aggregate mode inline (the hot path); the rarer filters through their delegate.
                    if (q.Scan ? !q.Match!(entries[e.Index]) : (mask >> e.Slot & 1) == 0) continue;
                    if (!inside && (e.Longitude < b.MinX || e.Longitude > b.MaxX || e.Latitude < b.MinY || e.Latitude > b.MaxY)) continue;
                    ref var cell = ref q.At(e.X >> q.Shift, e.Y >> q.Shift);
                    cell.Count++;
                    cell.SumLon += FixedOf(e.Longitude);
                    cell.SumLat += FixedOf(e.Latitude);
                }
                return;
            }
            foreach (var child in node.Children!)
            {
                if (child is not null && (child.Entries is null || child.Entries.Count > 0)) Visit(child, q);
            }
        }

        static void AddEntry(Search q, in Compact e)
        {
            var b = q.Box;
            if (e.Longitude < b.MinX || e.Longitude > b.MaxX || e.Latitude < b.MinY || e.Latitude > b.MaxY) return;
            ref var cell = ref q.At(e.X >> q.Shift, e.Y >> q.Shift);
            cell.Count++;
            cell.SumLon += FixedOf(e.Longitude);
            cell.SumLat += FixedOf(e.Latitude);
        }
    }
}
