using System.Globalization;

namespace CityTwin.Vision.Plates.Evaluation;

/// <summary>Figures of one evaluation run; <see cref="Format"/> prints them as the eval command shows them.</summary>
public sealed class PlateEvalReport
{
    /// <summary>The reader evaluated.</summary>
    public required string Reader { get; init; }
    /// <summary>Whether plates were found by the detector rather than taken from crops or truth boxes.</summary>
    public required bool Detect { get; init; }
    /// <summary>Whether the VN grammar figures apply (Vietnamese truth).</summary>
    public required bool Vietnamese { get; init; }
    /// <summary>Labelled plates.</summary>
    public int Plates { get; set; }
    /// <summary>One-line plates.</summary>
    public int OneLine { get; set; }
    /// <summary>Two-line plates.</summary>
    public int TwoLine { get; set; }
    /// <summary>Plates read exactly, raw reader output.</summary>
    public int Exact { get; set; }
    /// <summary>One-line plates read exactly.</summary>
    public int ExactOneLine { get; set; }
    /// <summary>Two-line plates read exactly.</summary>
    public int ExactTwoLine { get; set; }
    /// <summary>Plates read exactly after the VN grammar and its look-alike correction.</summary>
    public int ExactWithGrammar { get; set; }
    /// <summary>Truth characters, summed.</summary>
    public int TruthCharacters { get; set; }
    /// <summary>Truth characters matched (length minus edit distance, per plate, floored at 0).</summary>
    public int CorrectCharacters { get; set; }
    /// <summary>Plates with a detection overlapping the truth box (IoU ≥ 0.3), when detecting with boxes.</summary>
    public int Detected { get; set; }
    /// <summary>Labelled plates with a truth box (full scenes), against which detection is scored.</summary>
    public int WithBox { get; set; }
    /// <summary>Images that could not be read.</summary>
    public int Unreadable { get; set; }
    /// <summary>Time spent decoding, detecting and reading.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>Plates handled per second.</summary>
    public double PlatesPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : Plates / Elapsed.TotalSeconds;

    /// <summary>Character accuracy 0..1.</summary>
    public double CharacterAccuracy => TruthCharacters == 0 ? 0 : (double)CorrectCharacters / TruthCharacters;

    /// <summary>The report as text lines.</summary>
    public string Format()
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(c, $"reader {Reader}, {(Detect ? "detect + OCR" : "OCR of given crops/boxes")}, {Plates} plates ({OneLine} one-line, {TwoLine} two-line), {Unreadable} unreadable images"),
            string.Create(c, $"exact match: all {Percent(Exact, Plates)}, one-line {Percent(ExactOneLine, OneLine)}, two-line {Percent(ExactTwoLine, TwoLine)}"),
        };
        if (Vietnamese) lines.Add(string.Create(c, $"exact match after VN grammar: {Percent(ExactWithGrammar, Plates)}"));
        lines.Add(string.Create(c, $"character accuracy: {CharacterAccuracy * 100:F1}% ({CorrectCharacters}/{TruthCharacters})"));
        if (Detect) lines.Add(WithBox > 0
            ? string.Create(c, $"detected (IoU >= 0.3 with the truth box): {Percent(Detected, WithBox)}")
            : "detected: n/a (the truth has no boxes; --detect is meant for full scenes, not crops)");
        lines.Add(string.Create(c, $"speed: {PlatesPerSecond:F1} plates/s ({Elapsed.TotalSeconds:F2} s, one thread)"));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{part * 100.0 / whole:F1}% ({part}/{whole})");
}
