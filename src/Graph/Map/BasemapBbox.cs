using System.Globalization;

namespace CityTwin.Graph.Map;

/// <summary>A <c>bbox=west,south,east,north</c> query value in WGS84 degrees.</summary>
public readonly record struct BasemapBbox(double West, double South, double East, double North)
{
    /// <summary>Parses the query value; null with a readable reason when it is not four ordered WGS84 numbers.</summary>
    public static BasemapBbox? Parse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split(',');
        var values = new double[4];
        if (text.Length > 200 || parts.Length != 4)
        {
            error = "bbox must be four numbers: west,south,east,north";
            return null;
        }
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                error = $"bbox value {i + 1} ('{parts[i]}') is not a number";
                return null;
            }
        }
        var box = new BasemapBbox(values[0], values[1], values[2], values[3]);
        if (box.West < -180 || box.East > 180 || box.South < -90 || box.North > 90 || box.West > box.East || box.South > box.North)
        {
            error = "bbox must lie in WGS84 (-180..180, -90..90) with west <= east and south <= north";
            return null;
        }
        return box;
    }

    /// <summary>Rounded key for the cache: map views differ in the last decimals all the time.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{West:F4},{South:F4},{East:F4},{North:F4}");
}
