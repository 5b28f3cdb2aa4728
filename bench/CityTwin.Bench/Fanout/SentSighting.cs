namespace CityTwin.Bench.Fanout;

/// <summary>
/// One sighting the driver recorded: when the call started (the latency origin), where, and how many subscribers'
/// areas hold it (each must receive it exactly once). Deliveries are counted as they arrive.
/// </summary>
public sealed class SentSighting(long startTimestamp, double longitude, double latitude, int expected, bool measured)
{
    private int delivered;

    public long StartTimestamp { get; } = startTimestamp;
    public double Longitude { get; } = longitude;
    public double Latitude { get; } = latitude;
    public int Expected { get; } = expected;

    /// <summary>False for warm-up events: delivered, but neither timed nor counted.</summary>
    public bool Measured { get; } = measured;

    public int Delivered => Volatile.Read(ref delivered);

    public void CountDelivery() => Interlocked.Increment(ref delivered);
}
