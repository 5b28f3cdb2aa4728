using OpenCvSharp;

namespace CityTwin.Vision.Fire.Watch;

/// <summary>
/// The valid exclusion polygons of one camera rasterised at a working size: pixels under a mask are blanked before
/// detection, and the share of a region that lies under masks decides whether its detection is dropped.
/// </summary>
public sealed class ExclusionMask : IMaskCoverage, IDisposable
{
    private const int Side = 256;
    private readonly Mat _mask;

    private ExclusionMask(Mat mask, int polygons) { _mask = mask; Polygons = polygons; }

    /// <summary>How many polygons were valid and drawn.</summary>
    public int Polygons { get; }

    /// <summary>
    /// Draws the valid polygons; each invalid one (under 3 points, a coordinate outside 0..1 or not finite, zero area)
    /// is reported through <paramref name="invalid"/> with its reason and skipped.
    /// </summary>
    public static ExclusionMask Build(IReadOnlyList<IReadOnlyList<(double X, double Y)>> polygons, Action<int, string> invalid)
    {
        var mask = new Mat(Side, Side, MatType.CV_8UC1, Scalar.All(0));
        var drawn = 0;
        for (var i = 0; i < polygons.Count; i++)
        {
            var reason = Problem(polygons[i]);
            if (reason is not null) { invalid(i, reason); continue; }
            var points = polygons[i].Select(p => new Point((int)Math.Round(p.X * (Side - 1)), (int)Math.Round(p.Y * (Side - 1)))).ToArray();
            Cv2.FillPoly(mask, [points], Scalar.All(255));
            drawn++;
        }
        return new ExclusionMask(mask, drawn);
    }

    /// <summary>Why a polygon cannot be used, or null.</summary>
    public static string? Problem(IReadOnlyList<(double X, double Y)>? polygon)
    {
        if (polygon is null || polygon.Count < 3) return $"a polygon needs at least 3 points, got {polygon?.Count ?? 0}";
        if (polygon.Any(p => !double.IsFinite(p.X) || !double.IsFinite(p.Y) || p.X is < 0 or > 1 || p.Y is < 0 or > 1))
            return "a coordinate is outside 0..1 (masks are in normalised image coordinates)";
        double twiceArea = 0;
        for (var i = 0; i < polygon.Count; i++)
        {
            var (a, b) = (polygon[i], polygon[(i + 1) % polygon.Count]);
            twiceArea += a.X * b.Y - b.X * a.Y;
        }
        return Math.Abs(twiceArea) < 1e-6 ? "the polygon has no area" : null;
    }

    /// <summary>A copy of the frame with masked pixels set to black.</summary>
    public Mat Apply(Mat frame)
    {
        var copy = frame.Clone();
        if (Polygons == 0) return copy;
        using var scaled = new Mat();
        Cv2.Resize(_mask, scaled, frame.Size(), 0, 0, InterpolationFlags.Nearest);
        copy.SetTo(Scalar.All(0), scaled);
        return copy;
    }

    /// <summary>The share (0..1) of a region that lies under the masks.</summary>
    public double MaskedShare(NormalizedBox region)
    {
        if (Polygons == 0) return 0;
        var x0 = Math.Clamp((int)Math.Floor(region.X * Side), 0, Side - 1);
        var y0 = Math.Clamp((int)Math.Floor(region.Y * Side), 0, Side - 1);
        var x1 = Math.Clamp((int)Math.Ceiling((region.X + region.Width) * Side), x0 + 1, Side);
        var y1 = Math.Clamp((int)Math.Ceiling((region.Y + region.Height) * Side), y0 + 1, Side);
        using var window = new Mat(_mask, new Rect(x0, y0, x1 - x0, y1 - y0));
        return Cv2.CountNonZero(window) / (double)((x1 - x0) * (y1 - y0));
    }

    public void Dispose() => _mask.Dispose();
}
