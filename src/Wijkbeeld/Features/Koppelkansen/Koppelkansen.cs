using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Privacy;
using Wijkbeeld.Features.Werkagenda;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Koppelkansen;

public sealed record DriverDto(int Id, string Code, string Name, IReadOnlyList<string> Themes);
public sealed record DriverInput(string? Name, List<string>? Themes);
public sealed record LinkInput(int? ItemId, List<string>? Drivers, string? Message, bool ConfirmPersonalData = false);
public sealed record LinkDto(int Id, int ItemId, string ItemTitle, string ItemKind, double Latitude, double Longitude, string? NeighbourhoodCode,
    string? NeighbourhoodName, IReadOnlyList<string> Drivers, string Message, DateTime CreatedAt, string CreatedBy);
/// <summary>A buurt with its koppelkansen; where two or more drivers meet, budgets and efforts can be combined.</summary>
public sealed record MeetingPoint(string Code, string Name, IReadOnlyList<string> Drivers, int Links, bool DriversMeet);
public sealed record SuggestedItem(int Id, string Title, string Kind, IReadOnlyList<string> Drivers);
public sealed record Suggestion(string NeighbourhoodCode, string NeighbourhoodName, int DistanceMetres, SuggestedItem First, SuggestedItem Second);

/// <summary>Koppelkansen: drivers, links of items to drivers, where drivers meet per buurt, and suggestions.</summary>
public sealed class Koppelkansen(WijkbeeldDb db, Viewer viewer, AreaIndex areas, TimeProvider clock, IStringLocalizer<Texts> text)
{
    public async Task<IReadOnlyList<DriverDto>> DriversAsync(CancellationToken ct) =>
        (await db.Set<PolicyDriver>().OrderBy(d => d.Id).AsNoTracking().ToListAsync(ct))
            .Select(d => new DriverDto(d.Id, d.Code, d.Name, d.ThemeCodes.ToList())).ToList();

    public async Task<Result<DriverDto>> AddDriverAsync(DriverInput input, CancellationToken ct)
    {
        if (!viewer.CanModerate) return Result<DriverDto>.Forbidden;
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        var code = Slug(name);
        if (name.Length == 0 || name.Length > 80 || code.Length == 0) errors["name"] = [text["Koppelkansen.Error.DriverName"]];
        else if (await db.Set<PolicyDriver>().AnyAsync(d => d.Code == code, ct)) errors["name"] = [text["Koppelkansen.Error.DriverExists"]];
        // An empty form field binds as a null entry.
        var themes = (input.Themes ?? []).Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct().ToList();
        var known = await db.Themes.Select(t => t.Code).ToListAsync(ct);
        if (themes.FirstOrDefault(t => !known.Contains(t)) is { } unknown) errors["themes"] = [text["Koppelkansen.Error.Theme", unknown]];
        if (errors.Count > 0) return Result<DriverDto>.Invalid(errors);
        var driver = new PolicyDriver { Code = code, Name = name, Themes = string.Join(',', themes) };
        db.Add(driver);
        await db.SaveChangesAsync(ct);
        return new(Outcome.Ok, new DriverDto(driver.Id, driver.Code, driver.Name, themes));
    }

    static string Slug(string name) =>
        string.Join('-', new string(name.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ' || c == '-').ToArray())
            .Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Koppelkansen of items this viewer may see (the item's visibility decides).</summary>
    public async Task<IReadOnlyList<LinkDto>> ListAsync(CancellationToken ct, int? id = null)
    {
        var drivers = await db.Set<PolicyDriver>().AsNoTracking().ToDictionaryAsync(d => d.Id, ct);
        var rows = await (from l in db.Set<LinkOpportunity>().Include(l => l.Drivers)
                          join i in db.Items on l.ItemId equals i.Id
                          where id == null || l.Id == id
                          orderby l.CreatedAt descending, l.Id descending
                          select new { l, i.Title, i.Kind, i.Latitude, i.Longitude, i.NeighbourhoodCode }).AsNoTracking().ToListAsync(ct);
        var map = await areas.GetAsync(ct);
        return rows.Select(r => new LinkDto(r.l.Id, r.l.ItemId, r.Title, r.Kind.Code(), r.Latitude, r.Longitude, r.NeighbourhoodCode,
            r.NeighbourhoodCode is null ? null : map.All.FirstOrDefault(a => a.Code == r.NeighbourhoodCode)?.Name,
            r.l.Drivers.Select(d => drivers[d.PolicyDriverId].Code).Order().ToList(), r.l.Message, r.l.CreatedAt, r.l.CreatedBy)).ToList();
    }

    public async Task<Result<LinkDto>> AddAsync(LinkInput input, CancellationToken ct)
    {
        if (!viewer.CanWrite) return Result<LinkDto>.Forbidden;
        var errors = new Dictionary<string, string[]>();
        if (input.ItemId is not { } itemId || !await db.Items.AnyAsync(i => i.Id == itemId, ct)) errors["itemId"] = [text["Koppelkansen.Error.Item"]];
        var codes = (input.Drivers ?? []).Select(d => d.Trim()).Distinct().ToList();
        var drivers = await db.Set<PolicyDriver>().Where(d => codes.Contains(d.Code)).ToListAsync(ct);
        if (codes.Count == 0) errors["drivers"] = [text["Koppelkansen.Error.NoDriver"]];
        else if (drivers.Count != codes.Count) errors["drivers"] = [text["Koppelkansen.Error.UnknownDriver", string.Join(", ", codes.Except(drivers.Select(d => d.Code)))]];
        var message = input.Message?.Trim() ?? "";
        if (message.Length == 0 || message.Length > KoppelkansenRules.MessageMax) errors["message"] = [text["Koppelkansen.Error.Message", KoppelkansenRules.MessageMax]];
        if (errors.Count == 0 && !input.ConfirmPersonalData) errors = PersonalDataRules.Check(text, [("message", message)]);
        if (errors.Count > 0) return Result<LinkDto>.Invalid(errors);
        var link = new LinkOpportunity
        {
            ItemId = input.ItemId!.Value, Message = message, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = viewer.Name ?? "",
            Drivers = drivers.Select(d => new LinkOpportunityDriver { PolicyDriverId = d.Id }).ToList(),
        };
        db.Add(link);
        await db.SaveChangesAsync(ct);
        return new(Outcome.Ok, (await ListAsync(ct, link.Id)).Single());
    }

    /// <summary>Per buurt: the drivers its koppelkansen touch; two or more is where efforts and budgets can meet.</summary>
    public async Task<IReadOnlyList<MeetingPoint>> MeetingPointsAsync(CancellationToken ct) =>
        (await ListAsync(ct)).Where(l => l.NeighbourhoodCode is not null).GroupBy(l => l.NeighbourhoodCode!)
            .Select(g =>
            {
                var drivers = g.SelectMany(l => l.Drivers).Distinct().Order().ToList();
                return new MeetingPoint(g.Key, g.First().NeighbourhoodName ?? g.Key, drivers, g.Count(), drivers.Count >= 2);
            })
            .OrderByDescending(m => m.Drivers.Count).ThenByDescending(m => m.Links).ThenBy(m => m.Name).ToList();

    /// <summary>
    /// Pairs of items in one buurt, close together, whose themes touch different drivers and that have no koppelkans yet:
    /// a chance to combine. Nearest first.
    /// </summary>
    public async Task<IReadOnlyList<Suggestion>> SuggestionsAsync(CancellationToken ct, int max = 20)
    {
        var drivers = await db.Set<PolicyDriver>().AsNoTracking().ToListAsync(ct);
        var linked = await db.Set<LinkOpportunity>().Select(l => l.ItemId).Distinct().ToListAsync(ct);
        var items = await db.Items.Where(i => i.NeighbourhoodCode != null && !linked.Contains(i.Id))
            .Select(i => new { i.Id, i.Title, i.Kind, i.Latitude, i.Longitude, i.NeighbourhoodCode, Themes = i.Themes.Select(t => t.ThemeCode).ToList() })
            .AsNoTracking().ToListAsync(ct);
        var map = await areas.GetAsync(ct);
        var touched = items.Select(i => (Item: i, Drivers: drivers.Where(d => d.ThemeCodes.Intersect(i.Themes).Any()).Select(d => d.Code).ToList()))
            .Where(x => x.Drivers.Count > 0).ToList();
        var result = new List<Suggestion>();
        foreach (var group in touched.GroupBy(x => x.Item.NeighbourhoodCode!))
        {
            var list = group.OrderBy(x => x.Item.Id).ToList();
            for (var a = 0; a < list.Count; a++)
            {
                for (var b = a + 1; b < list.Count; b++)
                {
                    var (x, y) = (list[a], list[b]);
                    if (!x.Drivers.Any(dx => y.Drivers.Any(dy => dy != dx))) continue;
                    var metres = Metres(x.Item.Latitude, x.Item.Longitude, y.Item.Latitude, y.Item.Longitude);
                    if (metres > KoppelkansenRules.SuggestionMetres) continue;
                    result.Add(new Suggestion(group.Key, map.All.FirstOrDefault(r => r.Code == group.Key)?.Name ?? group.Key, (int)Math.Round(metres),
                        new SuggestedItem(x.Item.Id, x.Item.Title, x.Item.Kind.Code(), x.Drivers), new SuggestedItem(y.Item.Id, y.Item.Title, y.Item.Kind.Code(), y.Drivers)));
                }
            }
        }
        return result.OrderBy(s => s.DistanceMetres).ThenBy(s => s.First.Id).Take(max).ToList();
    }

    static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6_371_000;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>The map layer: one point per koppelkans at its item, with drivers and message.</summary>
    public async Task<JsonObject> GeoJsonAsync(CancellationToken ct)
    {
        var names = (await DriversAsync(ct)).ToDictionary(d => d.Code, d => d.Name);
        var features = new JsonArray();
        foreach (var l in await ListAsync(ct))
        {
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(l.Longitude, l.Latitude) },
                ["properties"] = new JsonObject
                {
                    ["id"] = l.Id, ["itemId"] = l.ItemId, ["title"] = l.ItemTitle, ["message"] = l.Message,
                    ["drivers"] = new JsonArray(l.Drivers.Select(d => (JsonNode?)JsonValue.Create(names.GetValueOrDefault(d, d))).ToArray()),
                    ["neighbourhood"] = l.NeighbourhoodName,
                },
            });
        }
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
    }
}
