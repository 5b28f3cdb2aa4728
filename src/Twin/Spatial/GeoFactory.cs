using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Spatial;

/// <summary>
/// The one geometry factory of the twin: SRID 4326, X = longitude, Y = latitude.
/// Every geometry the twin creates comes from here so none is ever without an SRID.
/// </summary>
public static class GeoFactory
{
    /// <summary>WGS84, the SRID of every stored geometry.</summary>
    public const int Wgs84Srid = 4326;

    /// <summary>The shared SRID-4326 factory.</summary>
    public static GeometryFactory Wgs84 { get; } =
        NtsGeometryServices.Instance.CreateGeometryFactory(new PrecisionModel(), Wgs84Srid);

    /// <summary>A point from longitude and latitude.</summary>
    public static Point Point(double longitude, double latitude) =>
        Wgs84.CreatePoint(new Coordinate(longitude, latitude));

    /// <summary>Throws when a geometry is not in SRID 4326 or has coordinates outside WGS84 ranges.</summary>
    public static void EnsureWgs84(Geometry geometry, string what = "geometry")
    {
        if (geometry.SRID != Wgs84Srid)
            throw new ArgumentException($"{what}: SRID {geometry.SRID} is not {Wgs84Srid} (WGS84)");
        var envelope = geometry.EnvelopeInternal;
        if (envelope.IsNull) return;
        if (envelope.MinX < -180 || envelope.MaxX > 180 || envelope.MinY < -90 || envelope.MaxY > 90
            || !double.IsFinite(envelope.MinX) || !double.IsFinite(envelope.MaxY))
            throw new ArgumentException($"{what}: coordinates outside WGS84 ranges (lon -180..180, lat -90..90)");
    }
}
