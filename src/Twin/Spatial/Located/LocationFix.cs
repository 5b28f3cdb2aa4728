using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Spatial.Located;

/// <summary>
/// Where an event is on the ground: the best point, the polygon it surely lies in (a closed WGS84 ring, since NTS
/// geometries do not travel between grains) and how it was found. <see cref="BearingDeg"/> is the compass bearing
/// from the camera, when one is known, for triangulating with another camera.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.LocationFix")]
public sealed record LocationFix(
    [property: Id(0)] GeoPoint Point,
    [property: Id(1)] IReadOnlyList<GeoPoint> Area,
    [property: Id(2)] LocationQuality Quality,
    [property: Id(3)] GeoPoint? Camera = null,
    [property: Id(4)] double? BearingDeg = null)
{
    /// <summary>The area as an SRID-4326 polygon.</summary>
    public Polygon AreaPolygon() =>
        GeoFactory.Wgs84.CreatePolygon(Area.Select(p => new Coordinate(p.Longitude, p.Latitude)).ToArray());

    /// <summary>The area in square metres (UTM 48N).</summary>
    public double AreaSquareMetres() => MetricProjection.ToMetric(AreaPolygon()).Area;

    /// <summary>Half the longest extent of the area, metres: the radius shown where a map draws a circle.</summary>
    public double RadiusMetres()
    {
        var envelope = MetricProjection.ToMetric(AreaPolygon()).EnvelopeInternal;
        return Math.Max(envelope.Width, envelope.Height) / 2;
    }

    /// <summary>A fix from a UTM 48N point and polygon.</summary>
    public static LocationFix FromMetric(Coordinate point, Polygon metricArea, LocationQuality quality, GeoPoint? camera, double? bearingDeg)
    {
        var area = (Polygon)MetricProjection.ToWgs84(metricArea);
        var ring = area.ExteriorRing.Coordinates.Select(c => new GeoPoint(c.X, c.Y)).ToList();
        return new LocationFix(MetricProjection.FromMetric(point), ring, quality, camera, bearingDeg);
    }
}
