using CityTwin.Testing;
using OpenCvSharp;

namespace CityTwin.Graph.Tests.Incidents;

/// <summary>Frames a tower camera sees in the story: a real smoke image composed into a wide view of a real street.</summary>
public static class FireScenes
{
    private const int Width = 1920;
    private const int Height = 1080;

    /// <summary>
    /// The smoke-only image of the shared <c>valid/</c> set whose smoke box is largest (a fixed rule, not a pick by
    /// result), with that box as (centre x, centre y, width, height) fractions; null when the dataset is absent.
    /// </summary>
    public static (string Path, (double X, double Y, double W, double H) Box)? SmokeImage()
    {
        if (SharedData.Root is not { } root) return null;
        var split = System.IO.Path.Combine(root, "data", "fire", "roboflow_fire-wrpgm_v8", "valid");
        if (!Directory.Exists(System.IO.Path.Combine(split, "labels"))) return null;
        var best = Directory.EnumerateFiles(System.IO.Path.Combine(split, "labels"), "*.txt").Order(StringComparer.Ordinal)
            .Select(label => (Label: label, Boxes: File.ReadAllLines(label).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(p => p.Length == 5).Select(p => (Kind: p[0], X: double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture),
                    Y: double.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture), W: double.Parse(p[3], System.Globalization.CultureInfo.InvariantCulture),
                    H: double.Parse(p[4], System.Globalization.CultureInfo.InvariantCulture))).ToList()))
            .Where(x => x.Boxes.Count > 0 && x.Boxes.All(b => b.Kind == "2"))
            .MaxBy(x => x.Boxes.Max(b => b.W * b.H));
        var image = System.IO.Path.Combine(split, "images", System.IO.Path.GetFileNameWithoutExtension(best.Label) + ".jpg");
        var box = best.Boxes.MaxBy(b => b.W * b.H);
        return File.Exists(image) ? (image, (box.X, box.Y, box.W, box.H)) : null;
    }

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

    /// <summary>
    /// Blue sky above the horizon (0.45 of the height) and, below it, the first ordinary street scene of the shared
    /// train split (class 1: no smoke or fire), so the ground the tower sees is a real one.
    /// </summary>
    private static Mat Scene()
    {
        var view = new Mat(Height, Width, MatType.CV_8UC3, new Scalar(215, 165, 120));
        var ground = new Rect(0, Height * 9 / 20, Width, Height - Height * 9 / 20);
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
