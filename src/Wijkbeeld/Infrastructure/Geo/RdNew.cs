using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Wijkbeeld.Infrastructure.Geo;

/// <summary>Reprojects Dutch RD New (EPSG:28992) coordinates, as CBS and PDOK publish them, to WGS84.</summary>
public static class RdNew
{
    // EPSG:28992 with the official 7-parameter datum shift (accurate to about a metre without the RDNAPTRANS grid).
    const string Wkt = """
        PROJCS["Amersfoort / RD New",GEOGCS["Amersfoort",DATUM["Amersfoort",SPHEROID["Bessel 1841",6377397.155,299.1528128],
        TOWGS84[565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],
        PROJECTION["Oblique_Stereographic"],PARAMETER["latitude_of_origin",52.1561605555556],PARAMETER["central_meridian",5.38763888888889],
        PARAMETER["scale_factor",0.9999079],PARAMETER["false_easting",155000],PARAMETER["false_northing",463000],UNIT["metre",1]]
        """;

    static readonly MathTransform ToWgs84 = new CoordinateTransformationFactory()
        .CreateFromCoordinateSystems(
            (CoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(Wkt),
            GeographicCoordinateSystem.WGS84)
        .MathTransform;

    /// <summary>RD New covers the Netherlands: x 0..300 km, y 289..629 km.</summary>
    public static bool LooksLikeRd(Envelope envelope) =>
        envelope.MinX >= -10_000 && envelope.MaxX <= 310_000 && envelope.MinY >= 280_000 && envelope.MaxY <= 640_000;

    public static Geometry ToWgs84Geometry(Geometry rd)
    {
        var copy = rd.Copy();
        copy.Apply(new ToWgs84Filter());
        copy.GeometryChanged();
        return GeoJson.Factory.CreateGeometry(copy);
    }

    sealed class ToWgs84Filter : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            lock (ToWgs84)
            {
                for (var i = 0; i < seq.Count; i++)
                {
                    var (lon, lat) = ToWgs84.Transform(seq.GetX(i), seq.GetY(i));
                    seq.SetX(i, lon);
                    seq.SetY(i, lat);
                }
            }
        }
    }
}
