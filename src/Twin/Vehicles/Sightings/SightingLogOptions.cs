namespace CityTwin.Twin.Vehicles.Sightings;

/// <summary>Tuning of the group commit in <see cref="SightingLog"/>.</summary>
public sealed class SightingLogOptions
{
    /// <summary>Most rows in one INSERT; bigger batches amortise the round trip, smaller ones keep latency low.</summary>
    public int MaxRowsPerBatch { get; set; } = 4_000;

    /// <summary>Batches written at once on separate connections, so one batch fills while another commits.</summary>
    public int ConcurrentWriters { get; set; } = 2;

    /// <summary>Appends waiting to be written before callers are slowed down (back-pressure, bounded memory).</summary>
    public int MaxQueuedAppends { get; set; } = 50_000;
}
