using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Wijkbeeld.Infrastructure.Geo;

public static class GeoJson
{
    /// <summary>WGS84 with coordinates rounded to ~1 cm, enough for maps and buurt boundaries.</summary>
    public static readonly GeometryFactory Factory = new(new PrecisionModel(1e7), 4326);

    public static readonly JsonSerializerOptions Options = CreateOptions();

    static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { MaxDepth = 64 };
        options.Converters.Add(new GeoJsonConverterFactory(Factory));
        return options;
    }

    public static Geometry ReadGeometry(string json) =>
        JsonSerializer.Deserialize<Geometry>(json, Options) ?? throw new JsonException("Geen geometrie.");

    public static Geometry ReadGeometry(JsonElement element) =>
        element.Deserialize<Geometry>(Options) ?? throw new JsonException("Geen geometrie.");

    public static string Write(Geometry geometry) => JsonSerializer.Serialize(geometry, Options);

    public static bool IsValidWgs84(double longitude, double latitude) =>
        double.IsFinite(longitude) && double.IsFinite(latitude) &&
        longitude is >= -180 and <= 180 && latitude is >= -90 and <= 90;
}
