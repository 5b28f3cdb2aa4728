using System.Globalization;

namespace CityTwin.Bench.Plates;

/// <summary>Command-line settings of <c>plates</c>; every option has a default so a bare run works.</summary>
public sealed record PlatesSettings
{
    /// <summary>Synthetic frames (with a plate each) timed per resolution.</summary>
    public int Frames { get; init; } = 60;

    /// <summary>Crops per OCR batch in the crops/s measurement.</summary>
    public int Batch { get; init; } = 16;

    /// <summary>OCR reader: onnx or tesseract.</summary>
    public string Reader { get; init; } = "onnx";

    /// <summary>Seed of the synthetic traffic.</summary>
    public int Seed { get; init; } = 1;

    public const string Usage = "plates options: [--frames 60] [--batch 16] [--reader onnx|tesseract] [--seed 1]";

    public static PlatesSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new PlatesSettings();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--frames" => settings with { Frames = NextInt() },
                "--batch" => settings with { Batch = NextInt() },
                "--reader" => settings with { Reader = Next() },
                "--seed" => settings with { Seed = NextInt() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return settings;
    }
}
