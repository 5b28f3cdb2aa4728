namespace CityTwin.Graph.Live;

/// <summary>Counters the hub and its subscriptions share; updated with interlocked adds so dispatch never takes a lock.</summary>
internal sealed class LiveCounters
{
    private long received;
    private long delivered;
    private long dropped;

    public void Received() => Interlocked.Increment(ref received);

    public void Delivered() => Interlocked.Increment(ref delivered);

    public void Dropped() => Interlocked.Increment(ref dropped);

    public LiveHubStats Snapshot(int subscriptions) =>
        new(subscriptions, Interlocked.Read(ref received), Interlocked.Read(ref delivered), Interlocked.Read(ref dropped));
}
