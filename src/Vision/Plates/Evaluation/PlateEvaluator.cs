using System.Diagnostics;
using CityTwin.Twin.Plates;
using CityTwin.Vision.Plates.Detection;
using CityTwin.Vision.Plates.Reading;
using OpenCvSharp;

namespace CityTwin.Vision.Plates.Evaluation;

/// <summary>
/// Measures a reader (and optionally the detector) against labelled plates. Crops are read whole; full scenes with a
/// truth box are cut at the box, or with <c>detect</c> searched by the detector, and a plate then counts as read when
/// a detection overlapping its box (IoU ≥ 0.3) reads it; without a box the best-scoring detection is read.
/// </summary>
public sealed class PlateEvaluator(IPlateReader reader, IPlateDetector? detector)
{
    /// <summary>Evaluates every entry; an image that does not decode counts as a miss.</summary>
    public PlateEvalReport Evaluate(IReadOnlyList<PlateTruthEntry> entries, bool vietnamese)
    {
        var report = new PlateEvalReport { Reader = reader.Name, Detect = detector is not null, Vietnamese = vietnamese };
        var clock = Stopwatch.StartNew();
        foreach (var entry in entries)
        {
            report.Plates++;
            if (entry.Layout == PlateLayout.TwoLine) report.TwoLine++;
            else report.OneLine++;
            report.TruthCharacters += entry.Characters.Length;
            if (entry.Box is not null) report.WithBox++;

            using var image = Cv2.ImRead(entry.ImagePath, ImreadModes.Color);
            if (image.Empty())
            {
                report.Unreadable++;
                continue;
            }
            var (text, layout) = ReadPlate(image, entry, report);
            Score(report, entry, text, layout);
        }
        report.Elapsed = clock.Elapsed;
        return report;
    }

    private (string Text, PlateLayout Layout) ReadPlate(Mat image, PlateTruthEntry entry, PlateEvalReport report)
    {
        if (detector is null)
        {
            if (entry.Box is not { } box) return ReadCrop(image, LayoutOfCrop(image));
            var margin = new Rect(box.X - box.Width / 20, box.Y - box.Height / 10, box.Width * 11 / 10, box.Height * 12 / 10);
            var clipped = margin & new Rect(0, 0, image.Cols, image.Rows);
            if (clipped.Width <= 0 || clipped.Height <= 0) return ("", PlateLayout.Unknown);
            using var crop = new Mat(image, clipped);
            return ReadCrop(crop, entry.Layout);
        }

        var detections = detector.Detect(image);
        var chosen = entry.Box is { } truthBox
            ? detections.Where(d => PlateDetection.Iou(d.Bounds, truthBox) >= 0.3).ToList()
            : detections.Take(1).ToList();
        if (entry.Box is not null && chosen.Count > 0) report.Detected++;
        if (chosen.Count == 0) return ("", PlateLayout.Unknown);

        // Among the detections on the plate, the read with the highest confidence wins.
        var best = ("", PlateLayout.Unknown, -1f);
        foreach (var detection in chosen.Take(3))
        {
            var (crop, layout) = PlateRectifier.Rectify(image, detection);
            using (crop)
            {
                var read = reader.Read([crop])[0];
                if (read.Confidence > best.Item3) best = (read.Text, layout, read.Confidence);
            }
        }
        return (best.Item1, best.Item2);
    }

    private (string, PlateLayout) ReadCrop(Mat crop, PlateLayout layout) => (reader.Read([crop])[0].Text, layout);

    private static PlateLayout LayoutOfCrop(Mat crop) => PlateRectifier.LayoutOf((double)crop.Cols / Math.Max(1, crop.Rows));

    private static void Score(PlateEvalReport report, PlateTruthEntry entry, string text, PlateLayout layout)
    {
        var read = PlateTruthLoader.Characters(text);
        if (read == entry.Characters)
        {
            report.Exact++;
            if (entry.Layout == PlateLayout.TwoLine) report.ExactTwoLine++;
            else report.ExactOneLine++;
        }
        var interpreted = PlateTextInterpreter.Interpret(read, layout, out _)?.CanonicalKey ?? read;
        if (interpreted == entry.Characters) report.ExactWithGrammar++;
        report.CorrectCharacters += Math.Max(0, entry.Characters.Length - EditDistance(read, entry.Characters));
    }

    /// <summary>Levenshtein distance.</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
