namespace CityTwin.Graph.Live;

/// <summary>Tuning of the per-silo live fan-out. The defaults fit the load: 5,000 subscribers, 200 events/s.</summary>
public sealed class LiveOptions
{
    /// <summary>Configuration section of these options.</summary>
    public const string Section = "CityTwin:Live";

    /// <summary>
    /// Execute and serialise each event once per subscription shape (same fields, same role) rather than once per
    /// subscriber. Off only to measure what sharing saves.
    /// </summary>
    public bool ShareSubscriptionResults { get; set; } = true;

    /// <summary>
    /// Events buffered per subscription. When a subscriber falls this far behind, the oldest buffered event is
    /// dropped (and counted) so the newest state reaches the map; dispatch never blocks and memory stays bounded.
    /// </summary>
    public int BufferCapacity { get; set; } = 1_024;

    /// <summary>Side of a cell of the grid that indexes subscription areas, in degrees (0.01° ≈ 1.1 km here).</summary>
    public double CellSizeDegrees { get; set; } = 0.01;

    /// <summary>
    /// An area spanning more cells than this is envelope-checked against every event instead of being indexed: cell
    /// lists are copied on write, so a subscribe costs (cells × subscribers in them) and must stay small.
    /// </summary>
    public int MaxCellsPerArea { get; set; } = 64;

    /// <summary>How often the stream observer checks that its stream subscriptions still exist, and re-makes lost ones.</summary>
    public TimeSpan SubscriptionCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
