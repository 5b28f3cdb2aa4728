using CityTwin.Vision.Fire;
using CityTwin.Vision.Fire.Evaluation;
using CityTwin.Vision.Fire.Model;
using OpenCvSharp;

namespace CityTwin.Training.Fire;

/// <summary>
/// Seeded augmentation of one training image: a random crop (70–100% per side), a horizontal flip half the time, and
/// colour jitter (brightness, contrast, saturation; hue is left alone because it is what tells flame from a red
/// wall). Boxes follow the crop and flip; a box left with under a quarter of its area is dropped.
/// </summary>
public static class Augmenter
{
    public static (Mat Image, IReadOnlyList<LabelledBox> Boxes) Apply(Mat source, IReadOnlyList<LabelledBox> boxes, Random random)
    {
        var sw = 0.7 + 0.3 * random.NextDouble();
        var sh = 0.7 + 0.3 * random.NextDouble();
        var ox = (1 - sw) * random.NextDouble();
        var oy = (1 - sh) * random.NextDouble();
        var flip = random.NextDouble() < 0.5;
        var crop = new NormalizedBox(ox, oy, sw, sh);

        using var cropped = FireBackbone.Crop(source, crop);
        var image = cropped.Clone();
        if (flip) Cv2.Flip(image, image, FlipMode.Y);
        Jitter(image, random);

        var moved = new List<LabelledBox>();
        foreach (var box in boxes)
        {
            var x0 = Math.Max(box.Box.X, ox);
            var y0 = Math.Max(box.Box.Y, oy);
            var x1 = Math.Min(box.Box.X + box.Box.Width, ox + sw);
            var y1 = Math.Min(box.Box.Y + box.Box.Height, oy + sh);
            if (x1 <= x0 || y1 <= y0) continue;
            if ((x1 - x0) * (y1 - y0) < 0.25 * box.Box.Width * box.Box.Height) continue;
            var nx = (x0 - ox) / sw;
            var nw = (x1 - x0) / sw;
            if (flip) nx = 1 - nx - nw;
            moved.Add(box with { Box = new NormalizedBox(nx, (y0 - oy) / sh, nw, (y1 - y0) / sh) });
        }
        return (image, moved);
    }

    private static void Jitter(Mat image, Random random)
    {
        var contrast = 0.75 + 0.5 * random.NextDouble();
        var brightness = -25 + 50 * random.NextDouble();
        image.ConvertTo(image, MatType.CV_8UC3, contrast, brightness);
        using var hsv = new Mat();
        Cv2.CvtColor(image, hsv, ColorConversionCodes.BGR2HSV);
        var channels = Cv2.Split(hsv);
        channels[1].ConvertTo(channels[1], MatType.CV_8UC1, 0.7 + 0.6 * random.NextDouble());
        Cv2.Merge(channels, hsv);
        Cv2.CvtColor(hsv, image, ColorConversionCodes.HSV2BGR);
        foreach (var c in channels) c.Dispose();
    }
}
