namespace CityTwin.Twin.Traffic;

/// <summary>When a road segment counts as jammed (configuration section <c>CityTwin:Jams</c>).</summary>
public sealed class JamOptions
{
    public const string Section = "CityTwin:Jams";

    /// <summary>Median speed below which a segment is slow, km/h (one value for every road class today).</summary>
    public double ThresholdKmh { get; set; } = 12;

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
}
