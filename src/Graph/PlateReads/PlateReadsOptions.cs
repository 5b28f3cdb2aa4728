namespace CityTwin.Graph.PlateReads;

/// <summary>The plate-read webhook's settings (configuration section <c>CityTwin:PlateReads</c>).</summary>
public sealed class PlateReadsOptions
{
    public const string Section = "CityTwin:PlateReads";

    /// <summary>
    /// Largest webhook body in bytes; larger ones get 413 unread. A batch of reads without crops is a few hundred bytes a
    /// read; the default leaves room for several crops at the per-crop limit.
    /// </summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}
