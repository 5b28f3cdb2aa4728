using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Spatial.Located;

/// <summary>
/// Combines what several cameras saw of one event. Where their polygons overlap, the event lies in the overlap: the
/// new polygon is the intersection and the point is where two bearings cross (or the overlap's centre). Fixes that do
/// not overlap the others are outvoted; with no overlap at all, the smallest polygon is kept.
/// </summary>
public static class Triangulation
{
    /// <summary>The best fix for one event from every camera's latest fix.</summary>
    public static LocationFix Combine(IReadOnlyList<LocationFix> fixes)
    {
        ArgumentOutOfRangeException.ThrowIfZero(fixes.Count);
        var located = fixes.Where(f => f.Quality != LocationQuality.Unlocated)
            .OrderBy(f => f.AreaSquareMetres()).ToList();
        if (located.Count == 0) return fixes.MinBy(f => f.AreaSquareMetres())!;
        if (located.Count == 1) return located[0];

        // Start from the tightest fix and narrow it by every other fix that overlaps what is left.
        var area = (Geometry)MetricProjection.ToMetric(located[0].AreaPolygon());
        var used = new List<LocationFix> { located[0] };
        foreach (var fix in located.Skip(1))
        {
            var overlap = area.Intersection(MetricProjection.ToMetric(fix.AreaPolygon()));
            if (overlap.IsEmpty || overlap.Area <= 0) continue;
            area = overlap;
            used.Add(fix);
        }
        if (used.Count == 1) return located[0];
        var polygon = Largest(area);
        var point = Crossing(used[0], used[1]) is { } crossing && polygon.Covers(polygon.Factory.CreatePoint(crossing))
            ? crossing
            : polygon.Centroid.Coordinate;
        return LocationFix.FromMetric(point, polygon, LocationQuality.Triangulated, null, null);
    }

    /// <summary>Where the bearings of two fixes cross in front of both cameras (UTM 48N), if they do.</summary>
    public static Coordinate? Crossing(LocationFix a, LocationFix b)
    {
        if (a is not { Camera: { } ca, BearingDeg: { } ba } || b is not { Camera: { } cb, BearingDeg: { } bb }) return null;
        var p = MetricProjection.ToMetric(ca);
        var q = MetricProjection.ToMetric(cb);
        var (sa, caos) = Math.SinCos(ba * Math.PI / 180);
        var (sb, cbos) = Math.SinCos(bb * Math.PI / 180);
        // p + s·(sa, caos) = q + t·(sb, cbos), solved by Cramer's rule.
        var det = sa * -cbos - caos * -sb;
        if (Math.Abs(det) < 1e-9) return null;
        var dx = q.X - p.X;
        var dy = q.Y - p.Y;
        var s = (dx * -cbos - dy * -sb) / det;
        var t = (sa * dy - caos * dx) / det;
        if (s <= 0 || t <= 0) return null;
        return new Coordinate(p.X + s * sa, p.Y + s * caos);
    }

    private static Polygon Largest(Geometry geometry) => geometry switch
    {
        Polygon polygon => polygon,
        _ => Enumerable.Range(0, geometry.NumGeometries).Select(geometry.GetGeometryN).OfType<Polygon>().MaxBy(p => p.Area)
             ?? (Polygon)geometry.ConvexHull(),
    };
}
