using System.Collections.Concurrent;
using System.Diagnostics;
using CityTwin.Bench.Sightings;

namespace CityTwin.Bench.Fanout;

/// <summary>
/// Every sighting sent, keyed by its read time (unique per run, in whole milliseconds, so it survives any ISO-8601
/// rendering), and the event-to-client latency of every measured delivery.
/// </summary>
public sealed class FanoutLedger
{
    private readonly ConcurrentDictionary<long, SentSighting> sent = new();

    public LatencyHistogram Latency { get; } = new();

    public IReadOnlyCollection<SentSighting> Sent => (IReadOnlyCollection<SentSighting>)sent.Values;

    public void Add(DateTimeOffset seenAt, SentSighting sighting)
    {
        if (!sent.TryAdd(Key(seenAt), sighting)) throw new InvalidOperationException($"read time {seenAt:O} sent twice");
    }

    public bool TryFind(DateTimeOffset seenAt, out SentSighting sighting) => sent.TryGetValue(Key(seenAt), out sighting!);

    public void Delivered(SentSighting sighting)
    {
        sighting.CountDelivery();
        if (sighting.Measured) Latency.Record(Stopwatch.GetTimestamp() - sighting.StartTimestamp);
    }

    private static long Key(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerMillisecond;
}
