namespace CityTwin.Bench.Incidents;

/// <summary>Command-line settings of <c>incidents</c>; every option has a default so a bare run works.</summary>
public sealed record IncidentsSettings
{
    /// <summary>Camera events sent, each opening its own incident (distinct tower and kind).</summary>
    public int Events { get; init; } = 200;
    /// <summary>Events per second (open loop, one event per webhook call).</summary>
    public double Rate { get; init; } = 10;
    /// <summary>Vehicles per minute on the jam segment.</summary>
    public int VehiclesPerMinute { get; init; } = 3;
    public string? Database { get; init; }
    public bool Keep { get; init; }

    public const string Usage = "incidents [--events 200] [--rate 10] [--vehicles-per-minute 3] [--db CONN] [--keep]";

    public static IncidentsSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new IncidentsSettings();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            settings = args[i] switch
            {
                "--events" => settings with { Events = Positive(int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture), "--events") },
                "--rate" => settings with { Rate = double.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and var r ? r : throw new ArgumentException("--rate must be positive") },
                "--vehicles-per-minute" => settings with { VehiclesPerMinute = Positive(int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture), "--vehicles-per-minute") },
                "--db" => settings with { Database = Value() },
                "--keep" => settings with { Keep = true },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (settings.Events > 5 * IncidentsBenchmark.MaxTowers)
            throw new ArgumentException($"--events is at most {5 * IncidentsBenchmark.MaxTowers} (one incident per tower and kind)");
        return settings;
    }

    private static int Positive(int value, string name) => value > 0 ? value : throw new ArgumentException($"{name} must be positive");
}
