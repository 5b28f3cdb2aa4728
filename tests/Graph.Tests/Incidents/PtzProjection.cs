using CityTwin.Twin.Cameras;
using CityTwin.Twin.Spatial;

namespace CityTwin.Graph.Tests.Incidents;

/// <summary>
/// What a posed PTZ camera's image shows of a ground point: the inverse of the product's pinhole model, written
/// separately here so the story's regions do not come from the code under test.
/// </summary>
public static class PtzProjection
{
    /// <summary>The image point (fractions of width and height) where <paramref name="ground"/> appears.</summary>
    public static (double U, double V) ImagePoint(GeoPoint camera, double heightM, PtzPose pose, GeoPoint ground)
    {
        var c = MetricProjection.ToMetric(camera);
        var g = MetricProjection.ToMetric(ground);
        double dx = g.X - c.X, dy = g.Y - c.Y, dz = -heightM;
        var p = pose.PanDeg * Math.PI / 180;
        var t = pose.TiltDeg * Math.PI / 180;
        // Camera axes in east, north, up.
        (double E, double N, double U) forward = (Math.Sin(p) * Math.Cos(t), Math.Cos(p) * Math.Cos(t), -Math.Sin(t));
        (double E, double N, double U) right = (Math.Cos(p), -Math.Sin(p), 0);
        (double E, double N, double U) down = (-Math.Sin(p) * Math.Sin(t), -Math.Cos(p) * Math.Sin(t), -Math.Cos(t));
        var f = dx * forward.E + dy * forward.N + dz * forward.U;
        var x = (dx * right.E + dy * right.N + dz * right.U) / f;
        var y = (dx * down.E + dy * down.N + dz * down.U) / f;
        var tanH = Math.Tan(pose.EffectiveHorizontalFovDeg * Math.PI / 360);
        var tanV = Math.Tan(pose.EffectiveVerticalFovDeg * Math.PI / 360);
        return ((x / tanH + 1) / 2, (y / tanV + 1) / 2);
    }

    /// <summary>A plume's box: <paramref name="width"/> wide, rising 0.12 of the image above its base at the ground point.</summary>
    public static object Region(GeoPoint camera, double heightM, PtzPose pose, GeoPoint ground, double width = 0.04)
    {
        var (u, v) = ImagePoint(camera, heightM, pose, ground);
        Assert.InRange(u, width / 2, 1 - width / 2);
        Assert.InRange(v, 0.12, 1);
        return new { x = u - width / 2, y = v - 0.12, width, height = 0.12 };
    }
}
