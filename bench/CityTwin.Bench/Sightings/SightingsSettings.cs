using System.Globalization;

namespace CityTwin.Bench.Sightings;

/// <summary>What the sightings call goes to: the product path, or one piece of it alone for a timing breakdown.</summary>
public enum SightingsTarget
{
    /// <summary><c>IVehicleGrain.RecordSightingsAsync</c>: grain call + validation + group commit + stream publish.</summary>
    Vehicle,

    /// <summary><c>ISightingLog.AppendAsync</c> straight from the workers: the database path without Orleans.</summary>
    Log,

    /// <summary>A bench grain that returns at once: the cost of an Orleans call carrying the same observation.</summary>
    Echo,

    /// <summary>The bench grain publishing the same event VehicleGrain publishes: call + stream publish, no database.</summary>
    Publish,
}

/// <summary>Command-line settings of <c>sightings</c>; every option has a default so a bare run works.</summary>
public sealed record SightingsSettings
{
    public int Seconds { get; init; } = 30;
    public int Vehicles { get; init; } = 20_000;
    /// <summary>Target sightings per second; 0 runs closed loop (as fast as <see cref="Concurrency"/> allows).</summary>
    public double Rate { get; init; }
    public int Concurrency { get; init; } = 512;
    public int Batch { get; init; } = 1;
    public string? Database { get; init; }
    public bool Keep { get; init; }
    public SightingsTarget Target { get; init; } = SightingsTarget.Vehicle;
    /// <summary>Overrides of <c>SightingLogOptions</c>; null keeps the product's default.</summary>
    public int? MaxRowsPerBatch { get; init; }
    public int? ConcurrentWriters { get; init; }
    /// <summary>Diagnostic only: how long the memory-stream cache keeps events (Orleans default: 5 minutes at least).</summary>
    public int? StreamCacheSeconds { get; init; }

    public static SightingsSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new SightingsSettings();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--seconds" => settings with { Seconds = NextInt() },
                "--vehicles" => settings with { Vehicles = NextInt() },
                "--rate" => settings with { Rate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--concurrency" => settings with { Concurrency = NextInt() },
                "--batch" => settings with { Batch = NextInt() },
                "--db" => settings with { Database = Next() },
                "--keep" => settings with { Keep = true },
                "--target" => settings with { Target = Enum.Parse<SightingsTarget>(Next(), ignoreCase: true) },
                "--max-rows-per-batch" => settings with { MaxRowsPerBatch = NextInt() },
                "--writers" => settings with { ConcurrentWriters = NextInt() },
                "--stream-cache-seconds" => settings with { StreamCacheSeconds = NextInt() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (settings.Seconds <= 0 || settings.Vehicles <= 0 || settings.Concurrency <= 0 || settings.Batch is <= 0 or > 1000 || settings.Rate < 0)
            throw new ArgumentException("--seconds, --vehicles, --concurrency must be positive, --batch 1..1000, --rate >= 0");
        return settings;
    }

    public const string Usage = """
        sightings [--seconds 30] [--vehicles 20000] [--rate 0] [--concurrency 512] [--batch 1] [--db CONN] [--keep]
                  [--target vehicle|log|echo|publish] [--max-rows-per-batch N] [--writers N] [--stream-cache-seconds N]
          --rate 0 runs closed loop with --concurrency calls in flight; a positive rate runs open loop
          (latency counted from each call's scheduled start). --db defaults to env CITYTWIN_DB.
          --stream-cache-seconds departs from the product wiring: a diagnostic for the stream cache's share.
        """;
}
