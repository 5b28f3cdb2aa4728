using CityTwin.Twin.Plates;
using OpenCvSharp;

namespace CityTwin.Vision.Plates.Detection;

/// <summary>
/// A model-free detector: candidate regions come from three maps of a downscaled frame (bright regions, closed edges,
/// and horizontal-gradient blobs where characters crowd), are kept when their shape is a plate's (one-line about
/// 2.5–7:1, two-line about 1–2.4:1), then verified by counting character-sized dark blobs in the rectified region.
/// </summary>
public sealed class ClassicalPlateDetector : IPlateDetector
{
    private const int WorkWidth = 960;
    private const int MaxResults = 5;
    private const int MaxCandidates = 60;

    /// <inheritdoc />
    public string Name => "classical";

    /// <inheritdoc />
    public IReadOnlyList<PlateDetection> Detect(Mat frame)
    {
        if (frame.Empty() || frame.Rows < 16 || frame.Cols < 16) return [];
        var scale = frame.Cols > WorkWidth ? (double)WorkWidth / frame.Cols : 1.0;
        using var small = new Mat();
        if (scale < 1) Cv2.Resize(frame, small, new Size(0, 0), scale, scale, InterpolationFlags.Area);
        else frame.CopyTo(small);
        using var gray = new Mat();
        if (small.Channels() == 1) small.CopyTo(gray);
        else Cv2.CvtColor(small, gray, ColorConversionCodes.BGR2GRAY);

        var quads = new List<Point2f[]>();
        using (var bright = new Mat())
        {
            Cv2.Threshold(gray, bright, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
            AddCandidates(bright, quads, gray.Size());
        }
        using (var adaptive = new Mat())
        {
            // Local brightness catches a plate that is only lighter than its own surroundings (night, shade).
            Cv2.AdaptiveThreshold(gray, adaptive, 255, AdaptiveThresholdTypes.MeanC, ThresholdTypes.Binary, 51, -5);
            using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(5, 5));
            Cv2.MorphologyEx(adaptive, adaptive, MorphTypes.Close, kernel);
            AddCandidates(adaptive, quads, gray.Size());
        }
        using (var edges = new Mat())
        {
            Cv2.Canny(gray, edges, 60, 160);
            using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
            Cv2.Dilate(edges, edges, kernel);
            AddCandidates(edges, quads, gray.Size());
        }
        using (var gradient = new Mat())
        {
            Cv2.Sobel(gray, gradient, MatType.CV_16S, 1, 0, 3);
            Cv2.ConvertScaleAbs(gradient, gradient);
            Cv2.Threshold(gradient, gradient, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
            using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(17, 5));
            Cv2.MorphologyEx(gradient, gradient, MorphTypes.Close, kernel);
            using var open = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(5, 5));
            Cv2.MorphologyEx(gradient, gradient, MorphTypes.Open, open);
            AddCandidates(gradient, quads, gray.Size());
        }

        var scored = new List<PlateDetection>();
        foreach (var quad in quads.Take(MaxCandidates * 4))
        {
            var score = Verify(gray, quad);
            if (score <= 0) continue;
            var corners = quad.Select(p => new Point2f((float)(p.X / scale), (float)(p.Y / scale))).ToArray();
            scored.Add(new PlateDetection(corners, score));
        }
        return Suppress(scored);
    }

    private static void AddCandidates(Mat binary, List<Point2f[]> quads, Size size)
    {
        Cv2.FindContours(binary, out var contours, out _, RetrievalModes.List, ContourApproximationModes.ApproxSimple);
        double frameArea = size.Width * size.Height;
        foreach (var contour in contours)
        {
            if (contour.Length < 4) continue;
            var box = Cv2.BoundingRect(contour);
            if (box.Width < 24 || box.Height < 10 || box.Width * box.Height > frameArea * 0.3) continue;
            var rotated = Cv2.MinAreaRect(contour);
            var corners = PlateDetection.Order(rotated.Points());
            // A four-cornered outline follows the plate's perspective better than the rotated rectangle around it.
            var approx = Cv2.ApproxPolyDP(contour, 0.04 * Cv2.ArcLength(contour, true), true);
            if (approx.Length == 4 && Cv2.IsContourConvex(approx))
                corners = PlateDetection.Order(approx.Select(p => new Point2f(p.X, p.Y)).ToArray());
            var candidate = new PlateDetection(corners, 0);
            var aspect = candidate.AspectRatio;
            if (aspect is < 1.0 or > 7.0) continue;
            var top = corners[1] - corners[0];
            if (Math.Abs(Math.Atan2(top.Y, top.X)) > 0.6) continue;
            var fill = Cv2.ContourArea(contour) / Math.Max(1, rotated.Size.Width * rotated.Size.Height);
            if (fill < 0.45) continue;
            quads.Add(corners);
        }
    }

    /// <summary>Counts character-like blobs in the rectified region; 0 when it does not look like a plate.</summary>
    private static float Verify(Mat gray, Point2f[] quad)
    {
        var candidate = new PlateDetection(quad, 0);
        var layout = PlateRectifier.LayoutOf(candidate.AspectRatio);
        var (crop, _) = PlateRectifier.Rectify(gray, candidate);
        using (crop)
        using (var binary = Reading.PlateLineSplitter.Binarize(crop))
        using (var labels = new Mat())
        using (var stats = new Mat())
        using (var centroids = new Mat())
        {
            // A plate is dark ink on a light ground: strong contrast. Flat or noisy regions are not.
            Cv2.MeanStdDev(crop, out _, out var deviation);
            if (deviation.Val0 < 20) return 0;
            var ink = (double)Cv2.CountNonZero(binary) / (binary.Rows * binary.Cols);
            if (ink is < 0.05 or > 0.6) return 0;
            var count = Cv2.ConnectedComponentsWithStats(binary, labels, stats, centroids);
            var lineHeight = layout == PlateLayout.TwoLine ? crop.Rows / 2.0 : crop.Rows;
            var characters = 0;
            var top = 0;
            var heights = new List<int>();
            for (var i = 1; i < count; i++)
            {
                var w = stats.At<int>(i, (int)ConnectedComponentsTypes.Width);
                var h = stats.At<int>(i, (int)ConnectedComponentsTypes.Height);
                var y = stats.At<int>(i, (int)ConnectedComponentsTypes.Top);
                if (h < lineHeight * 0.3 || h > lineHeight * 0.95 || w > crop.Cols * 0.3 || w < 2 || w > h * 1.3) continue;
                characters++;
                heights.Add(h);
                if (y + h / 2 < crop.Rows / 2) top++;
            }
            if (layout == PlateLayout.OneLine ? characters < 5 : characters < 5 || top < 2 || characters - top < 3) return 0;
            if (characters > 14) return 0;
            // Characters of a plate share one height; scattered heights are texture, not text.
            var mean = heights.Average();
            var spread = Math.Sqrt(heights.Average(h => (h - mean) * (h - mean))) / mean;
            var score = Math.Min(1.0, characters / 8.0) * Math.Max(0, 1 - spread * 2);
            return (float)score;
        }
    }

    private static List<PlateDetection> Suppress(List<PlateDetection> detections)
    {
        var kept = new List<PlateDetection>();
        foreach (var detection in detections.OrderByDescending(d => d.Score).ThenByDescending(d => d.Bounds.Width * d.Bounds.Height))
        {
            if (detection.Score <= 0.2f) continue;
            if (kept.Any(k => PlateDetection.Iou(k.Bounds, detection.Bounds) > 0.3 || Contains(k.Bounds, detection.Bounds))) continue;
            kept.Add(detection);
            if (kept.Count == MaxResults) break;
        }
        return kept;
    }

    private static bool Contains(Rect outer, Rect inner)
    {
        var overlap = outer & inner;
        return overlap.Width * overlap.Height >= 0.8 * inner.Width * inner.Height
            || overlap.Width * overlap.Height >= 0.8 * outer.Width * outer.Height;
    }

    /// <inheritdoc />
    public void Dispose() { }
}
