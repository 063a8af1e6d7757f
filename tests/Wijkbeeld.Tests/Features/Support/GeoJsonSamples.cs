using System.Text.Json.Nodes;

namespace Wijkbeeld.Tests.Features.Support;

/// <summary>GeoJSON documents built in the tests: item imports and CBS/PDOK-style area files.</summary>
public static class GeoJsonSamples
{
    public static JsonObject FeatureCollection(IEnumerable<JsonNode> features, string? crsName = null)
    {
        var collection = new JsonObject { ["type"] = "FeatureCollection" };
        if (crsName is not null)
        {
            collection["crs"] = new JsonObject { ["type"] = "name", ["properties"] = new JsonObject { ["name"] = crsName } };
        }
        collection["features"] = new JsonArray(features.ToArray());
        return collection;
    }

    /// <summary>An item as one feature of an import file (RFC 7946: coordinates are [lon, lat]).</summary>
    public static JsonObject ItemFeature(NewItem item) => new()
    {
        ["type"] = "Feature",
        ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(item.Longitude, item.Latitude) },
        ["properties"] = new JsonObject
        {
            ["kind"] = item.Kind,
            ["title"] = item.Title,
            ["description"] = item.Description,
            ["themes"] = new JsonArray((item.Themes ?? []).Select(t => (JsonNode?)t).ToArray()),
            ["status"] = item.Status,
            ["visibility"] = item.Visibility,
        },
    };

    public static JsonObject WithProperty(this JsonObject feature, string name, JsonNode? value)
    {
        feature["properties"]![name] = value;
        return feature;
    }

    public static JsonObject WithoutProperty(this JsonObject feature, string name)
    {
        feature["properties"]!.AsObject().Remove(name);
        return feature;
    }

    /// <summary>Replaces the geometry; null leaves the feature without one.</summary>
    public static JsonObject WithGeometry(this JsonObject feature, JsonNode? geometry)
    {
        feature.Remove("geometry");
        if (geometry is not null)
        {
            feature["geometry"] = geometry;
        }
        return feature;
    }

    /// <summary>A buurt as CBS and PDOK publish it, with a polygon of (x, y) = (lon, lat) or RD (x, y) points.</summary>
    public static JsonObject Buurt(string code, string name, string wijkcode, string wijknaam, IEnumerable<(double X, double Y)> ring) => new()
    {
        ["type"] = "Feature",
        ["geometry"] = new JsonObject
        {
            ["type"] = "Polygon",
            ["coordinates"] = new JsonArray(new JsonArray(ring.Select(p => (JsonNode)new JsonArray(p.X, p.Y)).ToArray())),
        },
        ["properties"] = new JsonObject
        {
            ["gemeentecode"] = "GM0400",
            ["gemeentenaam"] = "Den Helder",
            ["wijkcode"] = wijkcode,
            ["wijknaam"] = wijknaam,
            ["buurtcode"] = code,
            ["buurtnaam"] = name,
        },
    };
}

/// <summary>A lon/lat rectangle; its ring runs counter-clockwise and is closed.</summary>
public sealed record Rect(double West, double South, double East, double North)
{
    public IReadOnlyList<(double Lon, double Lat)> Ring =>
        [(West, South), (East, South), (East, North), (West, North), (West, South)];

    public bool Contains(double latitude, double longitude) =>
        longitude > West && longitude < East && latitude > South && latitude < North;
}

/// <summary>
/// A made-up wijk WK040099 "Testwijk" of Den Helder with two buurten over the north of the town, where many sample
/// items are (the Bibliotheek op Willemsoord among them). Importing it replaces all sample areas of GM0400.
/// </summary>
public static class TestWijk
{
    public const string Code = "WK040099";
    public const string Name = "Testwijk";
    public const string NoordCode = "BU04009901";
    public const string ZuidCode = "BU04009902";
    public static readonly Rect Noord = new(4.74, 52.95, 4.80, 52.97);
    public static readonly Rect Zuid = new(4.74, 52.93, 4.80, 52.95);

    public static JsonObject Wgs84() => GeoJsonSamples.FeatureCollection(Buurten(p => p));

    /// <summary>The same buurten in RD New (EPSG:28992), as PDOK serves them, with the CRS named like GDAL writes it.</summary>
    public static JsonObject RdNew(bool declareCrs = true) => GeoJsonSamples.FeatureCollection(
        Buurten(p => RdNewApprox.FromWgs84(p.Lat, p.Lon)), declareCrs ? "urn:ogc:def:crs:EPSG::28992" : null);

    /// <summary>The two buurt features; <paramref name="project"/> turns (lon, lat) into the file's coordinates.</summary>
    public static JsonObject[] Buurten(Func<(double Lon, double Lat), (double X, double Y)> project) =>
    [
        GeoJsonSamples.Buurt(NoordCode, "Testbuurt Noord", Code, Name, Noord.Ring.Select(p => project(p))),
        GeoJsonSamples.Buurt(ZuidCode, "Testbuurt Zuid", Code, Name, Zuid.Ring.Select(p => project(p))),
    ];
}

/// <summary>
/// WGS84 to RD New with the published approximation of Schreutelkamp and Strang van Hees (within a metre in the
/// Netherlands). Independent of the app's ProjNet transformation, so a wrong projection in the app shows.
/// Reference point: the Onze Lieve Vrouwetoren in Amersfoort, RD (155000, 463000) = 52.15517440 N, 5.38720621 E.
/// </summary>
public static class RdNewApprox
{
    const double Lat0 = 52.15517440, Lon0 = 5.38720621, X0 = 155000, Y0 = 463000;

    static readonly (int P, int Q, double R)[] XTerms =
        [(0, 1, 190094.945), (1, 1, -11832.228), (2, 1, -114.221), (0, 3, -32.391), (1, 0, -0.705), (3, 1, -2.340), (1, 3, -0.608), (0, 2, -0.008), (2, 3, 0.148)];

    static readonly (int P, int Q, double S)[] YTerms =
        [(1, 0, 309056.544), (0, 2, 3638.893), (2, 0, 73.077), (1, 2, -157.984), (3, 0, 59.788), (0, 1, 0.433), (2, 2, -6.439), (1, 1, -0.032), (0, 4, 0.092), (1, 4, -0.054)];

    public static (double X, double Y) FromWgs84(double latitude, double longitude)
    {
        var dPhi = 0.36 * (latitude - Lat0);
        var dLambda = 0.36 * (longitude - Lon0);
        var x = X0 + XTerms.Sum(t => t.R * Math.Pow(dPhi, t.P) * Math.Pow(dLambda, t.Q));
        var y = Y0 + YTerms.Sum(t => t.S * Math.Pow(dPhi, t.P) * Math.Pow(dLambda, t.Q));
        return (x, y);
    }
}
