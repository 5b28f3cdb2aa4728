using CityTwin.Twin.Plates;
using CityTwin.Vision.Plates.Detection;
using OpenCvSharp;

namespace CityTwin.Vision.Plates;

/// <summary>
/// Warps a detected plate to a fronto-parallel crop of fixed size: 256×56 for one-line plates (cars, about 4.7:1) and
/// 160×120 for two-line plates (motorbikes, about 1.4:1). The layout follows the plate's own aspect ratio.
/// </summary>
public static class PlateRectifier
{
    /// <summary>Aspect ratios below this are two-line plates.</summary>
    public const double TwoLineMaxAspect = 2.4;

    /// <summary>The crop size of a one-line plate.</summary>
    public static readonly Size OneLineSize = new(256, 56);

    /// <summary>The crop size of a two-line plate.</summary>
    public static readonly Size TwoLineSize = new(160, 120);

    /// <summary>The layout a plate with this width/height ratio has.</summary>
    public static PlateLayout LayoutOf(double aspectRatio) =>
        aspectRatio < TwoLineMaxAspect ? PlateLayout.TwoLine : PlateLayout.OneLine;

    /// <summary>
    /// The rectified crop of <paramref name="detection"/> and its layout. <paramref name="margin"/> widens the region by
    /// that fraction of the plate's width and height on every side: OCR models are trained on crops with some border,
    /// and a detector that found the characters' block rather than the plate's outline would otherwise cut them.
    /// </summary>
    public static (Mat Crop, PlateLayout Layout) Rectify(Mat frame, PlateDetection detection, float margin = 0)
    {
        var layout = LayoutOf(detection.AspectRatio);
        var size = layout == PlateLayout.TwoLine ? TwoLineSize : OneLineSize;
        Point2f[] target = [new(0, 0), new(size.Width - 1, 0), new(size.Width - 1, size.Height - 1), new(0, size.Height - 1)];
        using var transform = Cv2.GetPerspectiveTransform(margin > 0 ? Widen(detection.Corners, margin) : detection.Corners, target);
        var crop = new Mat();
        Cv2.WarpPerspective(frame, crop, transform, size, InterpolationFlags.Linear, BorderTypes.Replicate);
        return (crop, layout);
    }

    private static Point2f[] Widen(Point2f[] c, float margin)
    {
        // Along the plate's own axes: across is top-left→top-right, down is top-left→bottom-left (averaged over both edges).
        var across = ((c[1] - c[0]) + (c[2] - c[3])) * (0.5f * margin);
        var down = ((c[3] - c[0]) + (c[2] - c[1])) * (0.5f * margin);
        return [c[0] - across - down, c[1] + across - down, c[2] + across + down, c[3] - across + down];
    }
}
