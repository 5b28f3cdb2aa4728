using System.Globalization;

namespace CityTwin.Bench.Map;

/// <summary>Options of <c>CityTwin.Bench map</c>.</summary>
public sealed record MapBenchSettings(int Rate, int Seconds, int Loads, string? Db, string ClientPath)
{
    public const string Usage =
        "map [--rate 500] [--seconds 20] [--loads 3] [--db CONN] [--client client/dist]";

    public static MapBenchSettings Parse(string[] args)
    {
        var settings = new MapBenchSettings(500, 20, 3, null, "client/dist");
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            settings = args[i] switch
            {
                "--rate" => settings with { Rate = Positive(value, "--rate") },
                "--seconds" => settings with { Seconds = Positive(value, "--seconds") },
                "--loads" => settings with { Loads = Positive(value, "--loads") },
                "--db" => settings with { Db = value },
                "--client" => settings with { ClientPath = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            i++;
        }
        return settings;
    }

    private static int Positive(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} must be a positive whole number, not '{text}'");
}
