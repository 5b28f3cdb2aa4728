using CityTwin.Twin.Plates;
using OpenCvSharp;

namespace CityTwin.Vision.Plates.Evaluation;

/// <summary>
/// Reads plate ground truth in two formats: a TSV with the header <c>image layout subset plate_text</c> (cropped
/// plates), or the OpenALPR benchmark layout, one <c>.txt</c> per image with <c>image x y w h PLATE</c> lines (full
/// scenes; give the folder or one .txt). Separators <c>-</c>, <c>.</c> and spaces in plate text are dropped.
/// </summary>
public static class PlateTruthLoader
{
    /// <summary>The entries of <paramref name="truth"/>, images resolved against <paramref name="imagesFolder"/>.</summary>
    /// <exception cref="FormatException">A line is malformed; the message names the file and line.</exception>
    /// <exception cref="FileNotFoundException">The truth file or folder does not exist.</exception>
    public static IReadOnlyList<PlateTruthEntry> Load(string imagesFolder, string truth)
    {
        if (Directory.Exists(truth))
            return Directory.EnumerateFiles(truth, "*.txt").Order(StringComparer.Ordinal).SelectMany(f => LoadOpenAlpr(imagesFolder, f)).ToList();
        if (!File.Exists(truth)) throw new FileNotFoundException($"Truth file {truth} does not exist.", truth);
        var first = File.ReadLines(truth).FirstOrDefault() ?? "";
        return first.Split('\t') is ["image", "layout", "subset", "plate_text", ..]
            ? LoadTsv(imagesFolder, truth)
            : LoadOpenAlpr(imagesFolder, truth).ToList();
    }

    /// <summary>The characters of plate text without separators, uppercase.</summary>
    public static string Characters(string text) => string.Concat(text.Where(c => c is not ('-' or '.' or ' '))).ToUpperInvariant();

    private static List<PlateTruthEntry> LoadTsv(string imagesFolder, string file)
    {
        var entries = new List<PlateTruthEntry>();
        var lineNumber = 1;
        foreach (var line in File.ReadLines(file).Skip(1))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Split('\t');
            if (fields.Length < 4)
                throw new FormatException($"{file}:{lineNumber}: expected 4 tab-separated fields (image layout subset plate_text), got {fields.Length}.");
            var layout = fields[1] switch
            {
                "one_line" => PlateLayout.OneLine,
                "two_line" => PlateLayout.TwoLine,
                _ => throw new FormatException($"{file}:{lineNumber}: layout '{fields[1]}' is neither one_line nor two_line."),
            };
            entries.Add(new PlateTruthEntry(ImagePath(imagesFolder, fields[0]), layout, Characters(fields[3]), null));
        }
        return entries;
    }

    private static IEnumerable<PlateTruthEntry> LoadOpenAlpr(string imagesFolder, string file)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 6
                || !int.TryParse(fields[1], out var x) || !int.TryParse(fields[2], out var y)
                || !int.TryParse(fields[3], out var w) || !int.TryParse(fields[4], out var h))
                throw new FormatException($"{file}:{lineNumber}: expected 'image x y w h PLATE', got '{line}'.");
            // OpenALPR's European and US sets are one-line plates.
            yield return new PlateTruthEntry(ImagePath(imagesFolder, fields[0]), PlateLayout.OneLine,
                Characters(string.Concat(fields[5..])), new Rect(x, y, w, h));
        }
    }

    private static string ImagePath(string folder, string name)
    {
        var direct = Path.Combine(folder, name);
        var nested = Path.Combine(folder, "images", name);
        return File.Exists(direct) || !File.Exists(nested) ? direct : nested;
    }
}
