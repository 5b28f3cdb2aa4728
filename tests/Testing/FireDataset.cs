using System.Globalization;

namespace CityTwin.Testing;

/// <summary>
/// The shared smoke/fire set (<c>data/fire/roboflow_fire-wrpgm_v8</c>, YOLO labels: 0 fire, 1 nothing, 2 smoke) and
/// the one rule the fire tests use to pick a fixed image from it, so every test picks the same one.
/// </summary>
public static class FireDataset
{
    public const string Fire = "0";
    public const string Smoke = "2";

    /// <summary>The folder of a split (<c>train</c>, <c>valid</c>) holding images/ and labels/, or null when absent.</summary>
    public static string? Split(string split) =>
        SharedData.Root is { } root && Path.Combine(root, "data", "fire", "roboflow_fire-wrpgm_v8", split) is var path
            && Directory.Exists(Path.Combine(path, "images")) && Directory.Exists(Path.Combine(path, "labels")) ? path : null;

    /// <summary>
    /// The image of a split whose labels are all of one class and whose largest box of that class is the largest of the
    /// split (a fixed rule, not a pick by result; ties go to the first label file in ordinal order), with that box as
    /// (centre x, centre y, width, height) fractions; null when the dataset is absent.
    /// </summary>
    public static (string Image, (double X, double Y, double W, double H) Box)? LargestOnly(string splitFolder, string classId)
    {
        var best = Directory.EnumerateFiles(Path.Combine(splitFolder, "labels"), "*.txt").Order(StringComparer.Ordinal)
            .Select(label => (Label: label, Boxes: Boxes(label)))
            .Where(x => x.Boxes.Count > 0 && x.Boxes.All(b => b.Kind == classId))
            .MaxBy(x => x.Boxes.Max(b => b.W * b.H));
        if (best.Label is null) return null;
        var image = Path.Combine(splitFolder, "images", Path.GetFileNameWithoutExtension(best.Label) + ".jpg");
        var box = best.Boxes.MaxBy(b => b.W * b.H);
        return File.Exists(image) ? (image, (box.X, box.Y, box.W, box.H)) : null;
    }

    /// <summary>The smoke-only image of <c>valid/</c> with the largest smoke box, or null when the dataset is absent.</summary>
    public static (string Image, (double X, double Y, double W, double H) Box)? LargestSmokeOnlyValid() =>
        Split("valid") is { } valid ? LargestOnly(valid, Smoke) : null;

    private static List<(string Kind, double X, double Y, double W, double H)> Boxes(string labelFile) =>
        File.ReadAllLines(labelFile).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length == 5)
            .Select(p => (p[0], Number(p[1]), Number(p[2]), Number(p[3]), Number(p[4]))).ToList();

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
