using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Profile;

/// <summary>
/// The choropleth's values as a table: the accessible alternative to the coloured map, and what the map layer form shows
/// without JavaScript. With htmx only the table is returned.
/// </summary>
public sealed class MapLayerModel(IndicatorReader reader, AreaIndex areas) : PageModel
{
    [FromQuery(Name = "indicator")] public string? Key { get; set; }
    [FromQuery(Name = "jaar")] public string? Year { get; set; }
    [FromQuery(Name = "niveau")] public string? Level { get; set; }
    [FromQuery(Name = "gemeente")] public string? Municipality { get; set; }

    public IReadOnlyList<IndicatorSummary> Indicators { get; private set; } = [];
    public ChoroplethData? Data { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Indicators = await reader.ListAsync(ct);
        var key = string.IsNullOrWhiteSpace(Key) ? Indicators.FirstOrDefault()?.Key : Key;
        int? year = int.TryParse(Year, out var y) ? y : null;
        if (!IndicatorReader.TryParseLevel(Level, out var level) || (!string.IsNullOrWhiteSpace(Year) && year is null))
        {
            Error = "Profile.Layer.BadQuery";
        }
        else if (key is not null)
        {
            // One gemeente: the one asked for, or the first (the map's).
            var municipality = string.IsNullOrWhiteSpace(Municipality)
                ? (await areas.GetAsync(ct)).All.Where(a => a.Level == AreaLevel.Municipality).OrderBy(a => a.Code).FirstOrDefault()?.Code
                : Municipality.Trim().ToUpperInvariant();
            Data = await reader.ValuesAsync(key, year, level, ClassMethod.Quantiles, ct, municipality);
            if (Data is null)
            {
                Error = "Profile.Layer.Unknown";
            }
        }
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Request.IsHtmx() ? Partial("_MapLayerTable", this) : Page();
    }

    public string ClassLabel(int index)
    {
        var breaks = Data!.Breaks;
        var decimals = Data.Indicator.Decimals;
        var upper = IndicatorReader.Format(breaks[index], decimals);
        return index == 0 ? $"t/m {upper}" : $"boven {IndicatorReader.Format(breaks[index - 1], decimals)} t/m {upper}";
    }
}
