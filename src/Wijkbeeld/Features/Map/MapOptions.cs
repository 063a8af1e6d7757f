namespace Wijkbeeld.Features.Map;

public sealed class MapOptions
{
    /// <summary>Tile URL template; empty for no tiles (plain background, as offline).</summary>
    public string TileUrl { get; set; } = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png";
    public string TileAttribution { get; set; } = "Kaartgegevens &copy; <a href=\"https://www.kadaster.nl\">Kadaster</a>";
    public int MaxZoom { get; set; } = 19;

    /// <summary>Above this many items in a map view the server sends clusters instead of points.</summary>
    public int ClusterThreshold { get; set; } = 2000;

    /// <summary>How often each instance's cluster index reads the change log for other instances' saves.</summary>
    public double ClusterSyncSeconds { get; set; } = 2;
}
