using CityTwin.Testing;
using OpenCvSharp;

namespace CityTwin.Graph.Tests.Incidents;

/// <summary>
/// Frames a tower camera sees in the story: a real smoke image composed into a wide view of a real street, and the
/// same view with only clouds drifting in the sky or fog drifting over everything.
/// </summary>
public static class FireScenes
{
    private const int Width = 1920;
    private const int Height = 1080;

    /// <summary>
    /// The smoke-only image of the shared <c>valid/</c> set whose smoke box is largest (<see cref="FireDataset"/>), with
    /// that box as (centre x, centre y, width, height) fractions; null when the dataset is absent.
    /// </summary>
    public static (string Path, (double X, double Y, double W, double H) Box)? SmokeImage() => FireDataset.LargestSmokeOnlyValid();

    /// <summary>
    /// The tower's 1920×1080 view: sky above the horizon, the ward's ground below, and the smoke image filling the
    /// bottom-right quarter (where a plume rising from an alley in front of the tower appears). Returns where the
    /// smoke's base (the bottom centre of its labelled box) lands in the frame.
    /// </summary>
    public static Mat TowerViewWithSmoke(string smokeImage, (double X, double Y, double W, double H) box, out (double U, double V) smokeBase)
    {
        var view = Scene();
        using var smoke = Cv2.ImRead(smokeImage, ImreadModes.Color);
        var quarter = new Rect(Width / 2, Height / 2, Width / 2, Height / 2);
        using var scaled = smoke.Resize(quarter.Size);
        using (var target = new Mat(view, quarter)) scaled.CopyTo(target);
        smokeBase = ((quarter.X + box.X * quarter.Width) / Width, (quarter.Y + (box.Y + box.H / 2) * quarter.Height) / Height);
        return view;
    }

    /// <summary>The horizon of every view, as a fraction of the height: sky above it, ground below.</summary>
    public const double Horizon = 0.45;

    /// <summary>
    /// Smooth white and light-grey cumulus drifting right in the sky above the same street: nothing burns. The view a
    /// tower sees on a fine afternoon, and the one that once raised smoke with the sky masked.
    /// </summary>
    public static Mat TowerViewWithClouds(int frame)
    {
        var view = Scene();
        using var sky = new Mat(view, new Rect(0, 0, Width, (int)(Height * Horizon)));
        var random = new Random(11);
        for (var i = 0; i < 12; i++)
        {
            var centre = new Point((random.Next(Width) + frame * 25) % Width, random.Next(40, sky.Height - 40));
            var shade = random.Next(195, 248);
            Cv2.Ellipse(sky, centre, new Size(random.Next(120, 320), random.Next(50, 120)), 0, 0, 360, new Scalar(shade, shade, shade), -1);
        }
        Cv2.GaussianBlur(sky, sky, new Size(0, 0), 14);
        return view;
    }

    /// <summary>
    /// Morning fog over the whole view: a light grey layer whose thickness varies in soft blotches, drifting and
    /// thickening frame by frame, so the street shows through it more or less.
    /// </summary>
    public static Mat TowerViewInFog(int frame)
    {
        using var clear = Scene();
        var random = new Random(5);
        using var noise = Mat.FromPixelData(Height / 40, Width / 40, MatType.CV_32FC1,
            Enumerable.Range(0, Height / 40 * (Width / 40)).Select(_ => random.NextSingle()).ToArray());
        using var blotches = new Mat();
        Cv2.Resize(noise, blotches, new Size(Width, Height), 0, 0, InterpolationFlags.Cubic);
        Cv2.GaussianBlur(blotches, blotches, new Size(0, 0), 60);
        using var shift = Mat.FromPixelData(2, 3, MatType.CV_64FC1, new double[] { 1, 0, frame * 20, 0, 1, 0 });
        using var drifted = new Mat();
        Cv2.WarpAffine(blotches, drifted, shift, blotches.Size(), InterpolationFlags.Linear, BorderTypes.Reflect);
        using var alpha = new Mat();
        drifted.ConvertTo(alpha, MatType.CV_32FC1, 0.4, 0.35 + 0.02 * frame);
        using var alpha3 = new Mat();
        Cv2.Merge([alpha, alpha, alpha], alpha3);
        using var clearF = new Mat();
        clear.ConvertTo(clearF, MatType.CV_32FC3);
        using var fog = new Mat(Height, Width, MatType.CV_32FC3, new Scalar(208, 206, 204));
        using var oneMinus = new Mat();
        Cv2.Subtract(Scalar.All(1), alpha3, oneMinus);
        using var mixed = (clearF.Mul(oneMinus).ToMat() + fog.Mul(alpha3).ToMat()).ToMat();
        var view = new Mat();
        mixed.ConvertTo(view, MatType.CV_8UC3);
        return view;
    }

    /// <summary>
    /// Blue sky above the horizon (0.45 of the height) and, below it, the first ordinary street scene of the shared
    /// train split (class 1: no smoke or fire), so the ground the tower sees is a real one.
    /// </summary>
    private static Mat Scene()
    {
        var view = new Mat(Height, Width, MatType.CV_8UC3, new Scalar(215, 165, 120));
        var top = (int)(Height * Horizon);
        var ground = new Rect(0, top, Width, Height - top);
        using var street = Cv2.ImRead(StreetScene(), ImreadModes.Color);
        using var scaled = street.Resize(ground.Size);
        using (var target = new Mat(view, ground)) scaled.CopyTo(target);
        return view;
    }

    private static string StreetScene()
    {
        var train = System.IO.Path.Combine(SharedData.Root!, "data", "fire", "roboflow_fire-wrpgm_v8", "train");
        var label = Directory.EnumerateFiles(System.IO.Path.Combine(train, "labels"), "*.txt").Order(StringComparer.Ordinal)
            .First(l => File.ReadLines(l).Any(line => line.StartsWith("1 ", StringComparison.Ordinal)) && File.ReadLines(l).All(line => line.StartsWith("1 ", StringComparison.Ordinal)));
        return System.IO.Path.Combine(train, "images", System.IO.Path.GetFileNameWithoutExtension(label) + ".jpg");
    }
}
