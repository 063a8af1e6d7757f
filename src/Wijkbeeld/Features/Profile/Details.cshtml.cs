using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Profile;

public sealed record ItemLine(int Id, ItemKind Kind, string Title, string Status, DateTime UpdatedAt);

/// <summary>The profile of one gemeente, wijk or buurt: figures against gemeente and Nederland, trends, and what the team knows.</summary>
public sealed class ProfileModel(AreaIndex index, IndicatorReader reader, WijkbeeldDb db) : PageModel
{
    public AreaInfo Area { get; private set; } = null!;
    public AreaInfo? Parent { get; private set; }
    public AreaInfo? Municipality { get; private set; }
    public IReadOnlyList<AreaInfo> Children { get; private set; } = [];
    public AreaFigures Figures { get; private set; } = null!;
    public Dictionary<ItemKind, int> KindCounts { get; private set; } = [];
    public IReadOnlyList<ItemLine> Latest { get; private set; } = [];

    /// <summary>The kinds the seeds ask for on a profile, in their order: strengths first.</summary>
    public static readonly ItemKind[] ProfileKinds =
        [ItemKind.Strength, ItemKind.Opportunity, ItemKind.Challenge, ItemKind.Facility, ItemKind.Initiative, ItemKind.Signal, ItemKind.Event];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var map = await index.GetAsync(ct);
        if (map.Find(code) is not { } area)
        {
            return NotFound();
        }
        if (area.Code != code)
        {
            return RedirectPermanent($"/profiel/{area.Code}");
        }
        Area = area;
        Parent = map.Find(area.ParentCode);
        Municipality = area.Level == AreaLevel.Municipality ? null : map.Find(area.MunicipalityCode);
        Children = map.All.Where(a => a.ParentCode == area.Code).OrderBy(a => a.Name).ToList();
        Figures = (await reader.AreaAsync(area.Code, null, ct))!;

        var items = area.Level switch
        {
            AreaLevel.Neighbourhood => db.Items.Where(i => i.NeighbourhoodCode == area.Code),
            AreaLevel.District => db.Items.Where(i => i.DistrictCode == area.Code),
            _ => db.Items.Where(i => i.MunicipalityCode == area.Code),
        };
        KindCounts = (await items.GroupBy(i => i.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => g.Key, g => g.Count);
        Latest = await items.OrderByDescending(i => i.UpdatedAt).Take(6)
            .Select(i => new ItemLine(i.Id, i.Kind, i.Title, i.Status, i.UpdatedAt)).ToListAsync(ct);
        return Page();
    }

    public IEnumerable<AreaFigure> KeyFigures => Figures.Figures.Where(f => f.Indicator.Featured);
    public IEnumerable<AreaFigure> OtherFigures => Figures.Figures.Where(f => !f.Indicator.Featured);

    public static string Show(double? value, IndicatorSummary indicator, string noData) =>
        value is { } v ? IndicatorReader.Format(v, indicator.Decimals) : noData;

    /// <summary>A small line chart of the area's figure over the years, drawn on the server (prints, needs no script).</summary>
    public static string TrendSvg(AreaFigure figure, string label)
    {
        var points = figure.Trend;
        if (points.Count < 2)
        {
            return "";
        }
        const double width = 160, height = 50, pad = 6, bottom = 14;
        var (min, max) = (points.Min(p => p.Value), points.Max(p => p.Value));
        var span = max - min == 0 ? 1 : max - min;
        var (firstYear, lastYear) = (points[0].Year, points[^1].Year);
        string X(int year) => (pad + (year - firstYear) * (width - 2 * pad) / Math.Max(1, lastYear - firstYear)).ToString("0.#", CultureInfo.InvariantCulture);
        string Y(double v) => (height - bottom - (v - min) * (height - bottom - pad) / span).ToString("0.#", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"trend\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\">");
        svg.Append("<polyline fill=\"none\" stroke=\"#1d3557\" stroke-width=\"2\" points=\"")
           .AppendJoin(' ', points.Select(p => $"{X(p.Year)},{Y(p.Value)}")).Append("\"/>");
        foreach (var p in points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(p.Year)}\" cy=\"{Y(p.Value)}\" r=\"3\" fill=\"#1d3557\"/>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad}\" y=\"{height - 1}\" font-size=\"9\">{firstYear}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - pad}\" y=\"{height - 1}\" font-size=\"9\" text-anchor=\"end\">{lastYear}</text>");
        return svg.Append("</svg>").ToString();
    }

    public static string TrendText(AreaFigure figure) =>
        string.Join(", ", figure.Trend.Select(p => $"{p.Year}: {IndicatorReader.Format(p.Value, figure.Indicator.Decimals)}"));
}
