using System.Globalization;

namespace CityTwin.Vision.Fire.Evaluation;

/// <summary>
/// Reads the YOLO label files of the Roboflow fire-wrpgm set (<c>class cx cy w h</c>, normalised). Its data.yaml names
/// class 0 <c>Fire</c>, 1 <c>default</c> and 2 <c>smoke</c>. Class 1 is a box over the whole frame of ordinary CCTV
/// scenes (a gate at night, a shop, a car park) with neither smoke nor fire: a "nothing here" label, so it is read as
/// no box, and those images are negatives for both classes.
/// </summary>
public static class YoloFireLabels
{
    public const int FireClassId = 0;
    public const int BackgroundClassId = 1;
    public const int SmokeClassId = 2;

    /// <summary>The smoke and fire boxes of one label file; a line that does not parse is an error naming the line.</summary>
    public static IReadOnlyList<LabelledBox> Read(string path)
    {
        var boxes = new List<LabelledBox>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) continue;
            if (parts.Length < 5 || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                || !TryParse(parts, out var cx, out var cy, out var w, out var h))
                throw new FormatException($"{path}:{number}: expected 'class cx cy w h', got '{line.Trim()}'");
            FireClass? kind = id switch { FireClassId => FireClass.Fire, SmokeClassId => FireClass.Smoke, _ => null };
            if (kind is null) continue;
            var x = Math.Clamp(cx - w / 2, 0, 1);
            var y = Math.Clamp(cy - h / 2, 0, 1);
            boxes.Add(new LabelledBox(kind.Value, new NormalizedBox(x, y, Math.Min(w, 1 - x), Math.Min(h, 1 - y))));
        }
        return boxes;
    }

    /// <summary>The label file of an image: same name with .txt in the labels folder; absent means no boxes.</summary>
    public static string LabelPathFor(string imagePath, string labelsDirectory) =>
        Path.Combine(labelsDirectory, Path.GetFileNameWithoutExtension(imagePath) + ".txt");

    /// <summary>The images of a folder (jpg, jpeg, png, bmp), sorted by name so every run sees the same order.</summary>
    public static IReadOnlyList<string> ImagesIn(string directory) =>
        Directory.EnumerateFiles(directory)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png" or ".bmp")
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();

    private static bool TryParse(string[] parts, out double cx, out double cy, out double w, out double h)
    {
        var ok = double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out cx);
        ok &= double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out cy);
        ok &= double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out w);
        ok &= double.TryParse(parts[4], NumberStyles.Float, CultureInfo.InvariantCulture, out h);
        return ok && w > 0 && h > 0;
    }
}
