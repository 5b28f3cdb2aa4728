using System.Globalization;

namespace CityTwin.Bench.Markets;

/// <summary>Command-line settings of <c>market-flash-sale</c>; every option has a default so a bare run works.</summary>
public sealed record MarketFlashSaleSettings
{
    public int Seconds { get; init; } = 20;
    /// <summary>Target order events per second (open loop over all requests).</summary>
    public double Rate { get; init; } = 5_000;
    /// <summary>Order events per signed webhook request.</summary>
    public int Batch { get; init; } = 500;
    /// <summary>Requests in flight at most.</summary>
    public int Concurrency { get; init; } = 8;
    /// <summary>Also time both markets' replays at --speed max after the flash sale.</summary>
    public bool Replays { get; init; } = true;
    public string? Database { get; init; }
    public bool Keep { get; init; }

    public const string Usage = "market-flash-sale [--seconds 20] [--rate 5000] [--batch 500] [--concurrency 8] [--no-replays] [--db CONN] [--keep]";

    public static MarketFlashSaleSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new MarketFlashSaleSettings();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            settings = args[i] switch
            {
                "--seconds" => settings with { Seconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--rate" => settings with { Rate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--batch" => settings with { Batch = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--concurrency" => settings with { Concurrency = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--no-replays" => settings with { Replays = false },
                "--db" => settings with { Database = Next() },
                "--keep" => settings with { Keep = true },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (settings.Seconds < 1 || settings.Rate <= 0 || settings.Batch is < 1 or > 2000 || settings.Concurrency < 1)
            throw new ArgumentException("seconds, rate and concurrency must be positive and batch 1..2000");
        return settings;
    }
}
