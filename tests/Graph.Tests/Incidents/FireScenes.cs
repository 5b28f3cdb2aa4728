using CityTwin.Testing;
using OpenCvSharp;

namespace CityTwin.Graph.Tests.Incidents;

/// <summary>Frames a tower camera sees in the story: a real smoke image composed into a wide view, and clouds.</summary>
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

    /// <summary>Cumulus clouds drifting right over the same ground: nothing burns.</summary>
    public static Mat Clouds(int frame)
    {
        var view = Scene();
        var random = new Random(11);
        for (var i = 0; i < 12; i++)
        {
            var centre = new Point((random.Next(Width) + frame * 25) % Width, random.Next(60, Height * 2 / 5));
            var shade = random.Next(195, 245);
            Cv2.Ellipse(view, centre, new Size(random.Next(120, 300), random.Next(50, 120)), 0, 0, 360, new Scalar(shade, shade, shade), -1);
        }
        using var sky = new Mat(view, new Rect(0, 0, Width, Height * 9 / 20));
        Cv2.GaussianBlur(sky, sky, new Size(0, 0), 12);
        return view;
    }

    private static Mat Scene()
    {
        var view = new Mat(Height, Width, MatType.CV_8UC3, new Scalar(215, 165, 120));
        var random = new Random(3);
        Cv2.Rectangle(view, new Rect(0, Height * 9 / 20, Width, Height * 11 / 20), new Scalar(80, 92, 100), -1);
        for (var i = 0; i < 40; i++)
        {
            var x = random.Next(Width);
            var top = Height * 9 / 20 + random.Next(0, 120);
            var shade = random.Next(60, 140);
            Cv2.Rectangle(view, new Rect(x, top, random.Next(40, 140), random.Next(30, 90)), new Scalar(shade, shade + 5, shade + 10), -1);
        }
        return view;
    }
}
