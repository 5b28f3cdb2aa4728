using OpenCvSharp;

namespace CityTwin.Vision.Plates.Detection;

/// <summary>A plate region in a frame: its four corners (top-left, top-right, bottom-right, bottom-left) and a score 0..1.</summary>
public sealed record PlateDetection(Point2f[] Corners, float Score)
{
    /// <summary>The axis-aligned box around the corners.</summary>
    public Rect Bounds
    {
        get
        {
            var xs = Corners.Select(c => c.X).ToArray();
            var ys = Corners.Select(c => c.Y).ToArray();
            var left = (int)Math.Floor(xs.Min());
            var top = (int)Math.Floor(ys.Min());
            return new Rect(left, top, (int)Math.Ceiling(xs.Max()) - left, (int)Math.Ceiling(ys.Max()) - top);
        }
    }

    /// <summary>Width over height of the plate itself (mean of opposite edges), not of its box.</summary>
    public double AspectRatio
    {
        get
        {
            var width = (Distance(Corners[0], Corners[1]) + Distance(Corners[3], Corners[2])) / 2;
            var height = (Distance(Corners[0], Corners[3]) + Distance(Corners[1], Corners[2])) / 2;
            return height <= 0 ? 0 : width / height;
        }
    }

    /// <summary>Intersection over union of the two boxes.</summary>
    public static double Iou(Rect a, Rect b)
    {
        var inter = a & b;
        if (inter.Width <= 0 || inter.Height <= 0) return 0;
        double i = inter.Width * inter.Height;
        return i / (a.Width * a.Height + b.Width * b.Height - i);
    }

    /// <summary>Orders four points as top-left, top-right, bottom-right, bottom-left.</summary>
    public static Point2f[] Order(IReadOnlyList<Point2f> points)
    {
        // Smallest x+y is top-left, largest bottom-right; smallest y-x is top-right, largest bottom-left.
        var bySum = points.OrderBy(p => p.X + p.Y).ToArray();
        var byDiff = points.OrderBy(p => p.Y - p.X).ToArray();
        return [bySum[0], byDiff[0], bySum[^1], byDiff[^1]];
    }

    private static double Distance(Point2f a, Point2f b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
