using System.Globalization;

namespace CityTwin.Bench.PlateReads;

/// <summary>Command-line settings of <c>plate-reads</c>; every option has a default so a bare run works.</summary>
public sealed record PlateReadsSettings
{
    public int Seconds { get; init; } = 20;
    /// <summary>Target reads per second (open loop).</summary>
    public double Rate { get; init; } = 2_000;
    /// <summary>Reads per <c>recordPlateReads</c> call; each call comes from one camera with its own key.</summary>
    public int Batch { get; init; } = 20;
    public int Cameras { get; init; } = 100;
    public int Plates { get; init; } = 10_000;
    /// <summary>One read in this many is of a watched plate and must raise an alert.</summary>
    public int WatchedEvery { get; init; } = 50;
    public int WatchedPlates { get; init; } = 200;
    /// <summary>Calls in flight at most; past it the open loop records the wait as latency.</summary>
    public int Concurrency { get; init; } = 64;
    public string? Database { get; init; }
    public bool Keep { get; init; }
    /// <summary>Diagnostic: the memory streams' pull period in ms; null keeps the product's (Orleans default 100 ms).</summary>
    public int? StreamPollMs { get; init; }

    public const string Usage =
        "plate-reads [--seconds 20] [--rate 2000] [--batch 20] [--cameras 100] [--plates 10000] [--watched-every 50] "
        + "[--watched-plates 200] [--concurrency 64] [--db CONN] [--keep] [--stream-poll-ms N]";

    public static PlateReadsSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new PlateReadsSettings();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--seconds" => settings with { Seconds = NextInt() },
                "--rate" => settings with { Rate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--batch" => settings with { Batch = NextInt() },
                "--cameras" => settings with { Cameras = NextInt() },
                "--plates" => settings with { Plates = NextInt() },
                "--watched-every" => settings with { WatchedEvery = NextInt() },
                "--watched-plates" => settings with { WatchedPlates = NextInt() },
                "--concurrency" => settings with { Concurrency = NextInt() },
                "--db" => settings with { Database = Next() },
                "--keep" => settings with { Keep = true },
                "--stream-poll-ms" => settings with { StreamPollMs = NextInt() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (settings.Seconds <= 0 || settings.Rate <= 0 || settings.Batch is <= 0 or > 1000 || settings.Cameras <= 0
            || settings.Plates <= 0 || settings.WatchedEvery <= 1 || settings.WatchedPlates <= 0 || settings.Concurrency <= 0)
            throw new ArgumentException("every option must be positive; --batch at most 1000, --watched-every at least 2");
        return settings;
    }
}
