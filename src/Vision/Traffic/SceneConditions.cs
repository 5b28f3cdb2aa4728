namespace CityTwin.Vision.Traffic;

/// <summary>
/// How one pass looks: light, optics and the plate's pose. Drawn once per pass from the seed, so every frame of a
/// pass shares them (a real camera does not change lens between frames); glare moves from frame to frame.
/// </summary>
/// <param name="Night">Dark scene, plate lit by the camera's illuminator, headlights on.</param>
/// <param name="Blur">Gaussian blur sigma in pixels (focus and motion).</param>
/// <param name="Noise">Sensor noise standard deviation in grey levels.</param>
/// <param name="Glare">Whether a bright reflection crosses the plate.</param>
/// <param name="Yaw">Horizontal keystone: right edge height relative to the left, minus 1 (−0.15..0.15).</param>
/// <param name="Tilt">Vertical keystone: how much shorter the top edge is than the bottom (0..0.1).</param>
/// <param name="RotationDeg">In-plane rotation in degrees.</param>
/// <param name="YellowPlate">A yellow (commercial) plate instead of a white one.</param>
public sealed record SceneConditions(bool Night, double Blur, double Noise, bool Glare, double Yaw, double Tilt, double RotationDeg, bool YellowPlate)
{
    /// <summary>Random conditions within what a street camera sees; about one pass in four is at night.</summary>
    public static SceneConditions Random(Random random, VehicleKind kind) => new(
        Night: random.NextDouble() < 0.25,
        Blur: random.NextDouble() * 1.0,
        Noise: 2 + random.NextDouble() * 6,
        Glare: random.NextDouble() < 0.3,
        Yaw: (random.NextDouble() - 0.5) * 0.3,
        Tilt: random.NextDouble() * 0.1,
        RotationDeg: (random.NextDouble() - 0.5) * 8,
        YellowPlate: kind == VehicleKind.Car && random.NextDouble() < 0.2);
}
