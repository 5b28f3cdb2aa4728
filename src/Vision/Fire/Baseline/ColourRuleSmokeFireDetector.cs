using CityTwin.Vision.Fire.Model;
using OpenCvSharp;

namespace CityTwin.Vision.Fire.Baseline;

/// <summary>
/// The classical baseline the trained model is compared with, hand-set rules and nothing learned.
/// Fire: flame-coloured pixels by the YCrCb rules of Çelik and Demirel (Y ≥ Cb, Cr ≥ Cb, brighter and redder than the
/// frame's mean, a wide Cr−Cb gap) that are also bright and saturated in HSV.
/// Smoke: grey pixels (low saturation, mid brightness, nearly equal R, G and B) in smooth texture (weak edges, since
/// smoke blurs what is behind it); with <c>useMotion</c> a smoke pixel must also have changed slightly since the
/// previous frame (smoke drifts; a grey wall does not). A class is present when its pixels fill enough of the frame;
/// its region is the bounding box of the largest blob. Not thread-safe (it keeps the previous frame).
/// </summary>
public sealed class ColourRuleSmokeFireDetector(bool useMotion = false) : ISmokeFireDetector, IDisposable
{
    private const double FireMinShare = 0.004;
    private const double SmokeMinShare = 0.08;
    private const int Work = 320;
    private Mat? _previousGrey;

    public IReadOnlyList<FireDetection> Detect(Mat frameBgr)
    {
        FrameGuard.Check(frameBgr);
        using var small = new Mat();
        Cv2.Resize(frameBgr, small, new Size(Work, Math.Max(16, Work * frameBgr.Height / frameBgr.Width)), 0, 0, InterpolationFlags.Area);
        using var fire = FireMask(small);
        using var smoke = SmokeMask(small);
        var detections = new List<FireDetection>();
        Add(detections, FireClass.Smoke, smoke, SmokeMinShare);
        Add(detections, FireClass.Fire, fire, FireMinShare);
        return detections;
    }

    private static Mat FireMask(Mat bgr)
    {
        using var ycrcb = new Mat();
        Cv2.CvtColor(bgr, ycrcb, ColorConversionCodes.BGR2YCrCb);
        using var hsv = new Mat();
        Cv2.CvtColor(bgr, hsv, ColorConversionCodes.BGR2HSV);
        var mean = Cv2.Mean(ycrcb);
        var mask = new Mat(bgr.Size(), MatType.CV_8UC1, Scalar.All(0));
        var (rows, cols) = (bgr.Rows, bgr.Cols);
        var ycc = ycrcb.AsRows<Vec3b>();
        var hv = hsv.AsRows<Vec3b>();
        var output = mask.AsRows<byte>();
        for (var y = 0; y < rows; y++)
        {
            var yccRow = ycc[y];
            var hsvRow = hv[y];
            var outRow = output[y];
            for (var x = 0; x < cols; x++)
            {
                var (luma, cr, cb) = (yccRow[x].Item0, yccRow[x].Item1, yccRow[x].Item2);
                var (hue, saturation, value) = (hsvRow[x].Item0, hsvRow[x].Item1, hsvRow[x].Item2);
                var flame = luma >= cb && cr >= cb && luma > mean.Val0 && cr > mean.Val1 && cb < mean.Val2 && cr - cb >= 40
                    && value >= 150 && saturation >= 60 && hue <= 35;
                if (flame) outRow[x] = 255;
            }
        }
        return mask;
    }

    private Mat SmokeMask(Mat bgr)
    {
        using var hsv = new Mat();
        Cv2.CvtColor(bgr, hsv, ColorConversionCodes.BGR2HSV);
        using var grey = new Mat();
        Cv2.CvtColor(bgr, grey, ColorConversionCodes.BGR2GRAY);
        using var edges = new Mat();
        Cv2.Laplacian(grey, edges, MatType.CV_16S, 3);
        using var edgeStrength = new Mat();
        Cv2.ConvertScaleAbs(edges, edgeStrength);
        Cv2.Blur(edgeStrength, edgeStrength, new Size(7, 7));
        using var motion = new Mat();
        var haveMotion = useMotion && _previousGrey is not null && _previousGrey.Size() == grey.Size();
        if (haveMotion) Cv2.Absdiff(grey, _previousGrey!, motion);
        _previousGrey?.Dispose();
        _previousGrey = useMotion ? grey.Clone() : null;

        var mask = new Mat(bgr.Size(), MatType.CV_8UC1, Scalar.All(0));
        var (rows, cols) = (bgr.Rows, bgr.Cols);
        var colour = bgr.AsRows<Vec3b>();
        var hv = hsv.AsRows<Vec3b>();
        var texture = edgeStrength.AsRows<byte>();
        var moved = haveMotion ? motion.AsRows<byte>() : texture;
        var output = mask.AsRows<byte>();
        for (var y = 0; y < rows; y++)
        {
            var colourRow = colour[y];
            var hsvRow = hv[y];
            var textureRow = texture[y];
            var movedRow = moved[y];
            var outRow = output[y];
            for (var x = 0; x < cols; x++)
            {
                var (b, g, r) = (colourRow[x].Item0, colourRow[x].Item1, colourRow[x].Item2);
                var saturation = hsvRow[x].Item1;
                var value = hsvRow[x].Item2;
                var greyish = saturation < 45 && value is >= 90 and <= 230
                    && Math.Abs(r - g) < 25 && Math.Abs(g - b) < 25 && Math.Abs(r - b) < 30;
                var smooth = textureRow[x] < 12;
                var drifting = !haveMotion || movedRow[x] is >= 2 and <= 40;
                if (greyish && smooth && drifting) outRow[x] = 255;
            }
        }
        return mask;
    }

    private static void Add(List<FireDetection> detections, FireClass kind, Mat mask, double minShare)
    {
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(5, 5));
        Cv2.MorphologyEx(mask, mask, MorphTypes.Open, kernel);
        var share = Cv2.CountNonZero(mask) / (double)(mask.Rows * mask.Cols);
        if (share < minShare) return;
        Cv2.FindContours(mask, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        if (contours.Length == 0) return;
        var largest = Cv2.BoundingRect(contours.MaxBy(c => Cv2.ContourArea(c))!);
        var region = new NormalizedBox(largest.X / (double)mask.Cols, largest.Y / (double)mask.Rows,
            largest.Width / (double)mask.Cols, largest.Height / (double)mask.Rows);
        detections.Add(new FireDetection(kind, Math.Min(1, share / minShare / 4), region));
    }

    public void Dispose() => _previousGrey?.Dispose();
}
