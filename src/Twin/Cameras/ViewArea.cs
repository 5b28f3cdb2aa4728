using CityTwin.Twin.Spatial;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Cameras;

/// <summary>
/// Computes what a camera sees on the ground: a circular sector along its heading, or a disc for 360° towers.
/// Built in UTM 48N metres so the range is true on the ground, then returned in WGS84.
/// </summary>
public static class ViewArea
{
    /// <summary>Arc vertices per full turn; enough for a smooth map outline, few enough for cheap GiST checks.</summary>
    private const int SegmentsPerTurn = 64;

    /// <summary>The view polygon (SRID 4326) of a camera at <paramref name="position"/>.</summary>
    /// <param name="position">Where the camera stands.</param>
    /// <param name="headingDegrees">Compass bearing of the optical axis (0 = north, 90 = east).</param>
    /// <param name="fieldOfViewDegrees">Horizontal field of view; 360 (or a PTZ tower) gives a disc.</param>
    /// <param name="rangeMetres">Useful range on the ground.</param>
    public static Polygon Compute(GeoPoint position, double headingDegrees, double fieldOfViewDegrees, double rangeMetres)
    {
        position.EnsureValid("camera location");
        if (!double.IsFinite(rangeMetres) || rangeMetres <= 0 || rangeMetres > 20_000)
            throw new ArgumentOutOfRangeException(nameof(rangeMetres), rangeMetres, "camera range must be in (0, 20000] metres");
        if (!double.IsFinite(fieldOfViewDegrees) || fieldOfViewDegrees <= 0 || fieldOfViewDegrees > 360)
            throw new ArgumentOutOfRangeException(nameof(fieldOfViewDegrees), fieldOfViewDegrees, "field of view must be in (0, 360] degrees");
        if (!double.IsFinite(headingDegrees))
            throw new ArgumentOutOfRangeException(nameof(headingDegrees), headingDegrees, "heading must be a finite number of degrees");

        var centre = (Point)MetricProjection.ToMetric(position.ToPoint());
        var metric = fieldOfViewDegrees >= 360
            ? Disc(centre, rangeMetres)
            : Sector(centre, headingDegrees, fieldOfViewDegrees, rangeMetres);
        return (Polygon)MetricProjection.ToWgs84(metric);
    }

    private static Polygon Disc(Point centre, double range)
    {
        var ring = new Coordinate[SegmentsPerTurn + 1];
        for (var i = 0; i < SegmentsPerTurn; i++)
            ring[i] = OnCircle(centre, 360d * i / SegmentsPerTurn, range);
        ring[SegmentsPerTurn] = ring[0].Copy();
        return centre.Factory.CreatePolygon(ring);
    }

    private static Polygon Sector(Point centre, double heading, double fov, double range)
    {
        var steps = Math.Max(2, (int)Math.Ceiling(SegmentsPerTurn * fov / 360d));
        var ring = new List<Coordinate>(steps + 3) { centre.Coordinate.Copy() };
        var start = heading - fov / 2;
        for (var i = 0; i <= steps; i++)
            ring.Add(OnCircle(centre, start + fov * i / steps, range));
        ring.Add(centre.Coordinate.Copy());
        return centre.Factory.CreatePolygon(ring.ToArray());
    }

    /// <summary>A point at a compass bearing: 0° points to +Y (north), 90° to +X (east).</summary>
    private static Coordinate OnCircle(Point centre, double bearingDegrees, double range)
    {
        var radians = bearingDegrees * Math.PI / 180d;
        return new Coordinate(centre.X + range * Math.Sin(radians), centre.Y + range * Math.Cos(radians));
    }
}
