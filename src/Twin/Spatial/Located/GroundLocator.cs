using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Spatial.Located;

/// <summary>
/// Puts what a camera saw on flat ground. A region of a posed camera's image gives a bearing and a depression, hence a
/// ground point, and an uncertainty polygon: the section of the view cone between the near and far ranges the region's
/// angles allow (widened by the pose's pointing error), capped at the camera's range. Without a region the event lies
/// in a sector (the bearing it sent, or the whole current view); without pose or bearing, anywhere in the range.
/// </summary>
public static class GroundLocator
{
    /// <summary>
    /// How far the reported pose may be off, degrees: PTZ heads report pan and tilt to about 0.1°, and the tower sways
    /// in the wind; the margin keeps the true place inside the polygon.
    /// </summary>
    public const double PointingToleranceDeg = 0.3;

    /// <summary>Half width of the sector around a bearing a camera sends without a region.</summary>
    public const double BearingToleranceDeg = 2;

    /// <summary>The polygon is never thinner than this along the ray, metres.</summary>
    public const double MinDepthM = 20;

    /// <summary>Vertices on each arc of a polygon.</summary>
    private const int ArcSteps = 8;

    /// <summary>Locates an event the camera saw in <paramref name="region"/> or along <paramref name="bearingDeg"/>.</summary>
    public static LocationFix Locate(CameraSight camera, ImageRegion? region, double? bearingDeg)
    {
        var origin = MetricProjection.ToMetric(camera.Location);
        if (camera.Pose is { } pose && region is { } box)
        {
            // The bottom of the box is where the smoke or the object meets the ground (or the roof line hiding it).
            var bottom = box.Y + box.Height;
            var centre = ViewRay.Through(pose, box.X + box.Width / 2, bottom);
            var left = ViewRay.Through(pose, box.X, bottom);
            var right = ViewRay.Through(pose, box.X + box.Width, bottom);
            var pixelDeg = pose.EffectiveVerticalFovDeg / pose.ImageHeight;
            var tolerance = PointingToleranceDeg + pixelDeg;
            var distance = ViewRay.GroundDistance(centre.DepressionDeg, camera.HeightM, camera.RangeM);
            var near = ViewRay.GroundDistance(centre.DepressionDeg + tolerance, camera.HeightM, camera.RangeM);
            var far = ViewRay.GroundDistance(centre.DepressionDeg - tolerance, camera.HeightM, camera.RangeM);
            var from = centre.BearingDeg + Math.Min(0, ViewRay.Turn(centre.BearingDeg, left.BearingDeg)) - tolerance;
            var to = centre.BearingDeg + Math.Max(0, ViewRay.Turn(centre.BearingDeg, right.BearingDeg)) + tolerance;
            return Fix(origin, camera, centre.BearingDeg, distance, near, far, from, to, LocationQuality.Located);
        }
        if (bearingDeg is { } bearing)
            return Fix(origin, camera, bearing, camera.RangeM / 2, 0, camera.RangeM,
                bearing - BearingToleranceDeg, bearing + BearingToleranceDeg, LocationQuality.Bearing);
        if (camera.Pose is { } view)
        {
            // No region: somewhere in the current view, the ground between the bottom and top edges of the image.
            var half = view.EffectiveHorizontalFovDeg / 2;
            var halfV = view.EffectiveVerticalFovDeg / 2;
            var near = ViewRay.GroundDistance(view.TiltDeg + halfV, camera.HeightM, camera.RangeM);
            var far = ViewRay.GroundDistance(view.TiltDeg - halfV, camera.HeightM, camera.RangeM);
            var distance = ViewRay.GroundDistance(view.TiltDeg, camera.HeightM, camera.RangeM);
            return Fix(origin, camera, view.PanDeg, distance, near, far, view.PanDeg - half, view.PanDeg + half, LocationQuality.Bearing);
        }
        return Unlocated(camera);
    }

    /// <summary>An event at the camera, anywhere within its range: the wide polygon of a camera without a pose.</summary>
    public static LocationFix Unlocated(CameraSight camera)
    {
        var origin = MetricProjection.ToMetric(camera.Location);
        var disc = (Polygon)MetricProjection.Metric.CreatePoint(origin).Buffer(camera.RangeM, ArcSteps * 2);
        return LocationFix.FromMetric(origin, disc, LocationQuality.Unlocated, camera.Location, null);
    }

    private static LocationFix Fix(Coordinate origin, CameraSight camera, double bearing, double distance,
        double near, double far, double fromDeg, double toDeg, LocationQuality quality)
    {
        if (far - near < MinDepthM) near = Math.Max(0, far - MinDepthM);
        distance = Math.Clamp(distance, near, far);
        var ring = new List<Coordinate>(2 * ArcSteps + 3);
        for (var i = 0; i <= ArcSteps; i++) ring.Add(Along(origin, fromDeg + (toDeg - fromDeg) * i / ArcSteps, far));
        if (near <= 0) ring.Add(origin.Copy());
        else
            for (var i = ArcSteps; i >= 0; i--) ring.Add(Along(origin, fromDeg + (toDeg - fromDeg) * i / ArcSteps, near));
        ring.Add(ring[0].Copy());
        var polygon = MetricProjection.Metric.CreatePolygon(ring.ToArray());
        var normalised = bearing % 360;
        if (normalised < 0) normalised += 360;
        return LocationFix.FromMetric(Along(origin, bearing, distance), polygon, quality, camera.Location, normalised);
    }

    /// <summary>The point <paramref name="distance"/> metres from <paramref name="origin"/> along a compass bearing.</summary>
    internal static Coordinate Along(Coordinate origin, double bearingDeg, double distance)
    {
        var (sin, cos) = Math.SinCos(bearingDeg * Math.PI / 180);
        return new Coordinate(origin.X + distance * sin, origin.Y + distance * cos);
    }
}
