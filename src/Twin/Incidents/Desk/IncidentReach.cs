using CityTwin.Twin.Spatial;
using CityTwin.Twin.Spatial.Located;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Incidents.Desk;

/// <summary>
/// The part of the map a sighting could merge with: the envelope (WGS84 degrees) of its point and polygon, grown by
/// at least <see cref="IncidentMergeRules.DistanceM"/>. Anything <see cref="IncidentMergeRules.SamePlace"/> accepts has
/// an envelope that meets the reach, so the envelope test is a safe first cut before the exact one.
/// </summary>
public static class IncidentReach
{
    private const double MetresPerDegreeLatitude = 110_574;
    private const double MetresPerDegreeLongitudeAtEquator = 111_320;

    /// <summary>Grown by 20% over the merge distance so rounding of the degree conversion can never cut a merge.</summary>
    private const double Slack = 1.2;

    /// <summary>The envelope of a sighting's point and area, grown by the merge distance.</summary>
    public static Envelope Of(LocationFix fix)
    {
        ArgumentNullException.ThrowIfNull(fix);
        var envelope = EnvelopeOf(fix.Point, fix.Area);
        var metres = IncidentMergeRules.DistanceM * Slack;
        var widestLatitude = Math.Min(89, Math.Max(Math.Abs(envelope.MinY), Math.Abs(envelope.MaxY)));
        var dLat = metres / MetresPerDegreeLatitude;
        var dLon = metres / (MetresPerDegreeLongitudeAtEquator * Math.Cos(widestLatitude * Math.PI / 180));
        return new Envelope(envelope.MinX - dLon, envelope.MaxX + dLon, envelope.MinY - dLat, envelope.MaxY + dLat);
    }

    /// <summary>The envelope of a point and a (possibly empty) ring, in degrees.</summary>
    public static Envelope EnvelopeOf(GeoPoint point, IReadOnlyList<GeoPoint> area)
    {
        var envelope = new Envelope(point.Longitude, point.Longitude, point.Latitude, point.Latitude);
        foreach (var corner in area) envelope.ExpandToInclude(corner.Longitude, corner.Latitude);
        return envelope;
    }

    /// <summary>The reach as an SRID-4326 polygon, for the database's spatial filter.</summary>
    public static Polygon ToPolygon(Envelope reach) => (Polygon)GeoFactory.Wgs84.ToGeometry(reach);
}
