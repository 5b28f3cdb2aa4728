using System.Globalization;

namespace CityTwin.Bench.FrameToAlert;

/// <summary>Command-line settings of <c>frame-to-alert</c>; every option has a default so a bare run works.</summary>
public sealed record FrameToAlertSettings
{
    /// <summary>Watched vehicles, one pass each, one after another (every pass is timed).</summary>
    public int Passes { get; init; } = 30;

    /// <summary>Passes at the start that warm up the JIT and the model and are not timed.</summary>
    public int WarmUp { get; init; } = 3;

    /// <summary>Cameras the passes go round (all in one pipeline, as one vision worker would serve them).</summary>
    public int Cameras { get; init; } = 4;

    public int Width { get; init; } = 1280;
    public int Height { get; init; } = 720;

    /// <summary>The pipeline's voting window (<c>TrackTimeout</c>); null keeps the product default (1.5 s).</summary>
    public double? TrackTimeoutSeconds { get; init; }

    public int Seed { get; init; } = 1;
    public string? Database { get; init; }
    public bool Keep { get; init; }

    public const string Usage =
        "frame-to-alert [--passes 30] [--warmup 3] [--cameras 4] [--size 1280x720] [--track-timeout SECONDS] [--seed 1] [--db CONN] [--keep]";

    public static FrameToAlertSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new FrameToAlertSettings();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--passes" => settings with { Passes = NextInt() },
                "--warmup" => settings with { WarmUp = NextInt() },
                "--cameras" => settings with { Cameras = NextInt() },
                "--size" => ParseSize(settings, Next()),
                "--track-timeout" => settings with { TrackTimeoutSeconds = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--seed" => settings with { Seed = NextInt() },
                "--db" => settings with { Database = Next() },
                "--keep" => settings with { Keep = true },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (settings.Passes <= settings.WarmUp) throw new ArgumentException("--passes must be more than --warmup");
        if (settings.Cameras < 1) throw new ArgumentException("--cameras must be at least 1");
        return settings;
    }

    private static FrameToAlertSettings ParseSize(FrameToAlertSettings settings, string text)
    {
        var parts = text.Split('x');
        if (parts.Length != 2) throw new ArgumentException($"--size is WIDTHxHEIGHT, not {text}");
        return settings with { Width = int.Parse(parts[0], CultureInfo.InvariantCulture), Height = int.Parse(parts[1], CultureInfo.InvariantCulture) };
    }
}
