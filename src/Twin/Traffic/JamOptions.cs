using CityTwin.Twin.Coverage;

namespace CityTwin.Twin.Traffic;

/// <summary>When a road segment counts as jammed (configuration section <c>CityTwin:Jams</c>).</summary>
public sealed class JamOptions
{
    public const string Section = "CityTwin:Jams";

    /// <summary>
    /// Median speed below which an arterial segment is slow, km/h. An arterial flows at 30-50 km/h, so 15 is a jam
    /// there, while in an alley it is ordinary traffic.
    /// </summary>
    public double ArterialThresholdKmh { get; set; } = 15;

    /// <summary>Median speed below which a local street (and a segment on no known road) is slow, km/h.</summary>
    public double LocalThresholdKmh { get; set; } = 12;

    /// <summary>Median speed below which an alley is slow, km/h: motorbikes weave through at walking pace plus a little.</summary>
    public double AlleyThresholdKmh { get; set; } = 8;

    /// <summary>The median is over the legs that ended within this window.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the median must stay below the threshold before a jam is opened.</summary>
    public TimeSpan HoldFor { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>At least this many vehicles in the window; fewer say nothing about the road.</summary>
    public int MinVehicles { get; set; } = 3;

    /// <summary>A jam clears when the median is back above the threshold times this factor (no flapping).</summary>
    public double RecoverFactor { get; set; } = 1.5;

    /// <summary>A leg longer than this in time is a stop on the way, not a crawl.</summary>
    public TimeSpan MaxLegDuration { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>The slow threshold of a road class (<see cref="RoadClassRules"/> decides the class); a gateway is not a class.</summary>
    public double ThresholdFor(RoadClass roadClass) => roadClass switch
    {
        RoadClass.Arterial => ArterialThresholdKmh,
        RoadClass.Alley => AlleyThresholdKmh,
        _ => LocalThresholdKmh,
    };

    /// <summary>Why these settings cannot work, or null when they can.</summary>
    public string? Problem()
    {
        double[] thresholds = [ArterialThresholdKmh, LocalThresholdKmh, AlleyThresholdKmh];
        if (thresholds.Any(t => !double.IsFinite(t) || t <= 0)) return "every road class threshold must be a positive speed in km/h";
        if (!double.IsFinite(RecoverFactor) || RecoverFactor < 1) return "RecoverFactor must be at least 1";
        if (Window <= TimeSpan.Zero || HoldFor < TimeSpan.Zero || MaxLegDuration <= TimeSpan.Zero) return "Window and MaxLegDuration must be positive, HoldFor not negative";
        return MinVehicles < 1 ? "MinVehicles must be at least 1" : null;
    }
}
