using System.Globalization;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Fire.Watch;

/// <summary>
/// Exclusion masks from configuration (<see cref="FireWatchOptions.Masks"/>). A polygon whose text does not parse
/// comes back empty, so the watch reports it as invalid and goes on with the others.
/// </summary>
public sealed class ConfiguredExclusionMasks(IOptionsMonitor<FireWatchOptions> options) : IExclusionMaskSource
{
    public IReadOnlyList<IReadOnlyList<(double X, double Y)>> MasksFor(string cameraId) =>
        options.CurrentValue.Masks.TryGetValue(cameraId, out var polygons) ? polygons.Select(Parse).ToList() : [];

    /// <summary>"x,y x,y ..." to points; any malformed pair gives an empty polygon.</summary>
    public static IReadOnlyList<(double X, double Y)> Parse(string? text)
    {
        var points = new List<(double, double)>();
        foreach (var pair in (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var xy = pair.Split(',');
            if (xy.Length != 2 || !double.TryParse(xy[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                || !double.TryParse(xy[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
                return [];
            points.Add((x, y));
        }
        return points;
    }
}
