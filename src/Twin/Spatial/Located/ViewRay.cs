using CityTwin.Twin.Cameras;

namespace CityTwin.Twin.Spatial.Located;

/// <summary>
/// The direction of one image point of a posed camera: compass bearing (0 = north, 90 = east) and depression below the
/// horizon, both in degrees. A pinhole model: the optical axis points along pan, tilted down by tilt; image x runs
/// right and image y runs down, scaled by the tangents of the half fields of view.
/// </summary>
public readonly record struct ViewRay(double BearingDeg, double DepressionDeg)
{
    private const double Rad = Math.PI / 180;

    /// <summary>The ray through image point (<paramref name="u"/>, <paramref name="v"/>), fractions of width and height.</summary>
    public static ViewRay Through(PtzPose pose, double u, double v)
    {
        var tanH = Math.Tan(pose.EffectiveHorizontalFovDeg * Rad / 2);
        var tanV = Math.Tan(pose.EffectiveVerticalFovDeg * Rad / 2);
        var x = (2 * u - 1) * tanH;
        var y = (2 * v - 1) * tanV;
        var (sinP, cosP) = Math.SinCos(pose.PanDeg * Rad);
        var (sinT, cosT) = Math.SinCos(pose.TiltDeg * Rad);
        // East, north, up of the optical axis (forward), the image's right and the image's down.
        var east = sinP * cosT + x * cosP - y * sinP * sinT;
        var north = cosP * cosT - x * sinP - y * cosP * sinT;
        var up = -sinT - y * cosT;
        var bearing = Math.Atan2(east, north) / Rad;
        return new ViewRay(bearing < 0 ? bearing + 360 : bearing, Math.Atan2(-up, Math.Sqrt(east * east + north * north)) / Rad);
    }

    /// <summary>
    /// Where a ray of this depression meets flat ground from <paramref name="heightM"/> above it, capped at
    /// <paramref name="rangeM"/> (a ray at or above the horizon never meets the ground: the range).
    /// </summary>
    public static double GroundDistance(double depressionDeg, double heightM, double rangeM) =>
        depressionDeg <= 0 ? rangeM : Math.Min(heightM / Math.Tan(depressionDeg * Rad), rangeM);

    /// <summary>The signed smallest turn from bearing <paramref name="from"/> to <paramref name="to"/>, degrees in (-180, 180].</summary>
    public static double Turn(double from, double to)
    {
        var d = (to - from) % 360;
        if (d > 180) d -= 360;
        if (d <= -180) d += 360;
        return d;
    }
}
