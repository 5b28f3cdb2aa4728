using System.Globalization;

namespace CityTwin.Bench.Fire;

/// <summary>Command-line settings of <c>fire-detector</c>; every option has a default so a bare run works.</summary>
public sealed record FireDetectorSettings
{
    /// <summary>Frames timed per detector (after one warm-up frame).</summary>
    public int Frames { get; init; } = 20;

    /// <summary>Frame size; 1920×1080 by default.</summary>
    public int Width { get; init; } = 1920;
    public int Height { get; init; } = 1080;

    /// <summary>An image to scale up to the frame size (default: the largest smoke image of the shared valid/ split,
    /// else a synthetic scene).</summary>
    public string? Image { get; init; }

    public const string Usage = "fire-detector options: [--frames 20] [--width 1920] [--height 1080] [--image PATH]";

    public static FireDetectorSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new FireDetectorSettings();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--frames" => settings with { Frames = NextInt() },
                "--width" => settings with { Width = NextInt() },
                "--height" => settings with { Height = NextInt() },
                "--image" => settings with { Image = Next() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return settings;
    }
}
