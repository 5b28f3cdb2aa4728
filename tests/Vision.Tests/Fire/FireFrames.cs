using CityTwin.Testing;
using CityTwin.Vision.Fire.Evaluation;
using OpenCvSharp;

namespace CityTwin.Vision.Tests.Fire;

/// <summary>Frames for the fire tests: real images of the shared fire set, and synthetic fog and cloud.</summary>
public static class FireFrames
{
    public static string? ValidDirectory => FireDataset.Split("valid");
    public static string? TrainDirectory => FireDataset.Split("train");

    /// <summary>The smoke-only image of a split whose smoke box is largest (<see cref="FireDataset.LargestOnly"/>).</summary>
    public static string LargestSmokeImage(string split) => FireDataset.LargestOnly(split, FireDataset.Smoke)!.Value.Image;

    /// <summary>The fire-only image of a split whose fire box is largest (<see cref="FireDataset.LargestOnly"/>).</summary>
    public static string LargestFireImage(string split) => FireDataset.LargestOnly(split, FireDataset.Fire)!.Value.Image;

    /// <summary>Images of the train split labelled class 1 ("default": ordinary CCTV scenes with no smoke or fire).</summary>
    public static IReadOnlyList<string> NothingImages(string split, int count) =>
        YoloFireLabels.ImagesIn(Path.Combine(split, "images"))
            .Where(i => File.ReadLines(YoloFireLabels.LabelPathFor(i, Path.Combine(split, "labels"))).Any(l => l.StartsWith("1 ", StringComparison.Ordinal)))
            .Take(count).ToList();

    /// <summary>
    /// Grey fog: a bright low-saturation field with soft blotches that drift and thicken frame by frame, over a faint
    /// skyline; what a foggy morning looks like to a tower camera.
    /// </summary>
    public static Mat Fog(int frame, int width = 640, int height = 360)
    {
        var random = new Random(7);
        using var noise = new Mat(height / 8, width / 8, MatType.CV_32FC1);
        noise.Randu(new Scalar(0), new Scalar(1));
        using var soft = new Mat();
        Cv2.Resize(noise, soft, new Size(width, height), 0, 0, InterpolationFlags.Cubic);
        Cv2.GaussianBlur(soft, soft, new Size(0, 0), 25);
        var image = new Mat(height, width, MatType.CV_8UC3, new Scalar(150, 150, 150));
        for (var i = 0; i < 6; i++)
        {
            var x = random.Next(width);
            var roof = height - random.Next(40, 140);
            Cv2.Rectangle(image, new Rect(x, roof, random.Next(60, 160), height - roof), new Scalar(95, 100, 105), -1);
        }
        using var fogLayer = new Mat(height, width, MatType.CV_8UC3, new Scalar(205, 205, 210));
        using var alpha = new Mat();
        soft.ConvertTo(alpha, MatType.CV_32FC1, 0.5, 0.4 + 0.02 * frame);
        var shifted = Shift(alpha, frame * 6);
        Blend(image, fogLayer, shifted);
        shifted.Dispose();
        return image;
    }

    /// <summary>Cumulus clouds in a blue sky above rooftops: white and grey blobs, moving right.</summary>
    public static Mat Clouds(int frame, int width = 640, int height = 360)
    {
        var image = new Mat(height, width, MatType.CV_8UC3, new Scalar(215, 160, 110));
        var random = new Random(11);
        for (var i = 0; i < 9; i++)
        {
            var centre = new Point((random.Next(width) + frame * 8) % width, random.Next(20, height / 2));
            var axes = new Size(random.Next(40, 110), random.Next(20, 45));
            var shade = random.Next(190, 245);
            Cv2.Ellipse(image, centre, axes, 0, 0, 360, new Scalar(shade, shade, shade), -1);
        }
        Cv2.GaussianBlur(image, image, new Size(0, 0), 6);
        Cv2.Rectangle(image, new Rect(0, height * 2 / 3, width, height / 3), new Scalar(70, 80, 90), -1);
        return image;
    }

    private static Mat Shift(Mat source, int dx)
    {
        var shifted = new Mat();
        using var m = Mat.FromPixelData(2, 3, MatType.CV_64FC1, new double[] { 1, 0, dx, 0, 1, 0 });
        Cv2.WarpAffine(source, shifted, m, source.Size(), InterpolationFlags.Linear, BorderTypes.Reflect);
        return shifted;
    }

    private static void Blend(Mat image, Mat layer, Mat alpha)
    {
        using var a3 = new Mat();
        Cv2.Merge([alpha, alpha, alpha], a3);
        using var imageF = new Mat();
        using var layerF = new Mat();
        image.ConvertTo(imageF, MatType.CV_32FC3);
        layer.ConvertTo(layerF, MatType.CV_32FC3);
        using var oneMinus = new Mat();
        Cv2.Subtract(Scalar.All(1), a3, oneMinus);
        using var mixed = imageF.Mul(oneMinus).ToMat() + layerF.Mul(a3).ToMat();
        using var result = mixed.ToMat();
        result.ConvertTo(image, MatType.CV_8UC3);
    }
}
