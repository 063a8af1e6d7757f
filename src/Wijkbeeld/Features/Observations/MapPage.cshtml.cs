using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Map;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Observations;

/// <summary>The observation layer: who is where when, filtered by part of day and weekday (data from /api/observations.geojson).</summary>
public sealed class MapPageModel(ObservationReader reader, AreaIndex areaIndex, IOptions<MapOptions> mapOptions, IStringLocalizer<Texts> text) : PageModel
{
    public ObservationQuery Query { get; private set; } = new();
    public IReadOnlyList<ObservationGroup> Groups { get; private set; } = [];
    public AreaMap Areas { get; private set; } = null!;
    public MapOptions Map => mapOptions.Value;

    public ObservationFiltersView Filters => new(Query, Groups, Areas, "/observaties/kaart", new Dictionary<string, string[]>());

    public async Task OnGetAsync(CancellationToken ct)
    {
        Query = ObservationQuery.Parse(Request.Query);
        Groups = await reader.GroupsAsync(ct);
        Areas = await areaIndex.GetAsync(ct);
    }

    public string Bounds => Areas.All.FirstOrDefault(a => a.Level == AreaLevel.Municipality) is { } m
        ? string.Join(',', new[] { m.Bounds.MinY, m.Bounds.MinX, m.Bounds.MaxY, m.Bounds.MaxX }.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        : "";

    /// <summary>Labels for the script, in the page so it makes no extra request.</summary>
    public string LabelsJson() => JsonSerializer.Serialize(new
    {
        parts = ObservationCatalog.PartsOfDay.ToDictionary(p => p, p => text["Observations.Part." + p].Value),
        days = ObservationCatalog.Weekdays.ToDictionary(d => d, d => text["Observations.Day." + d].Value),
        activities = ObservationCatalog.Activities.ToDictionary(a => a, a => text["Observations.Activity." + a].Value),
        signals = ObservationCatalog.Signals.ToDictionary(s => s, s => text["Observations.Signal." + s].Value),
        count = text["Observations.OnMapCount"].Value,
        loadError = text["Map.LoadError"].Value,
        zoomIn = text["Map.ZoomIn"].Value,
        zoomOut = text["Map.ZoomOut"].Value,
    });
}
