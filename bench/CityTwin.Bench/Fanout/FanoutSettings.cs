using System.Globalization;

namespace CityTwin.Bench.Fanout;

/// <summary>Command-line settings of <c>fanout</c> and <c>mapquery</c>; every option has a default so a bare run works.</summary>
public sealed record FanoutSettings
{
    /// <summary>WebSocket subscribers, each with its own graphql-transport-ws connection.</summary>
    public int Subscribers { get; init; } = 5_000;

    /// <summary>Sightings recorded per second through the vehicle grains.</summary>
    public double Rate { get; init; } = 200;

    /// <summary>Measured seconds, after the warm-up.</summary>
    public int Seconds { get; init; } = 30;

    public int WarmupSeconds { get; init; } = 5;

    /// <summary>Side of each subscriber's square map area, in km; 0 subscribes to the whole city (no area).</summary>
    public double AreaKm { get; init; } = 2;

    /// <summary>Sockets opened at once while subscribers connect.</summary>
    public int ConnectConcurrency { get; init; } = 64;

    /// <summary>Concurrent HTTP clients of the <c>mapquery</c> load.</summary>
    public int QueryConcurrency { get; init; } = 16;

    public string? Database { get; init; }

    public bool Keep { get; init; }

    public int Seed { get; init; } = 20261126;

    /// <summary>False runs every event through GraphQL once per subscriber, to measure what sharing saves.</summary>
    public bool ShareResults { get; init; } = true;

    /// <summary>Overrides the product's stream polling period (<c>CityTwin:Streams:PullPeriod</c>), in ms.</summary>
    public int? StreamPullMs { get; init; }

    public const string Usage = """
        fanout   [--subscribers N=5000] [--rate EVENTS_PER_S=200] [--seconds N=30] [--warmup-seconds N=5]
                 [--area-km KM=2 (0: unscoped)] [--connect-concurrency N=64] [--seed N] [--no-share] [--stream-pull-ms N] [--db CONN] [--keep]
        mapquery [--seconds N=30] [--warmup-seconds N=5] [--query-concurrency N=16] [--db CONN] [--keep]
          CONN defaults to CITYTWIN_DB (a PostgreSQL server where a throwaway database may be created).
        """;

    public static FanoutSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new FanoutSettings();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            double NextDouble() => double.Parse(Next(), CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--subscribers" => settings with { Subscribers = NextInt() },
                "--rate" => settings with { Rate = NextDouble() },
                "--seconds" => settings with { Seconds = NextInt() },
                "--warmup-seconds" => settings with { WarmupSeconds = NextInt() },
                "--area-km" => settings with { AreaKm = NextDouble() },
                "--connect-concurrency" => settings with { ConnectConcurrency = NextInt() },
                "--query-concurrency" => settings with { QueryConcurrency = NextInt() },
                "--seed" => settings with { Seed = NextInt() },
                "--db" => settings with { Database = Next() },
                "--keep" => settings with { Keep = true },
                "--no-share" => settings with { ShareResults = false },
                "--stream-pull-ms" => settings with { StreamPullMs = NextInt() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (settings.Subscribers < 1 || settings.Rate <= 0 || settings.Seconds < 1 || settings.AreaKm < 0)
            throw new ArgumentException("subscribers, rate and seconds must be positive; area-km zero or more");
        return settings;
    }
}
