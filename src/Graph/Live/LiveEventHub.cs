using System.Collections.Concurrent;
using System.Collections.Frozen;
using CityTwin.Twin.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CityTwin.Graph.Live;

/// <summary>
/// This node's live fan-out: the stream observer (<see cref="LiveStreamObserver"/>) hands every twin event to
/// <see cref="Publish"/> once, and the hub offers it to each local subscription whose namespaces, kinds and area match.
/// Publishing never blocks: each subscription has its own bounded buffer and pump.
/// </summary>
public sealed class LiveEventHub : ILiveEvents
{
    /// <summary>Every namespace the twin publishes on; a filter may only name these.</summary>
    public static readonly FrozenSet<string> Namespaces = FrozenSet.Create(StringComparer.Ordinal,
        TwinStreams.Sightings, TwinStreams.Alerts, TwinStreams.Incidents, TwinStreams.Cameras, TwinStreams.Entities,
        TwinStreams.ImagingResults, TwinStreams.Markets, TwinStreams.Lessons);

    private readonly FrozenDictionary<string, SubscriptionIndex> indexes;
    private readonly ConcurrentDictionary<LiveSubscription, byte> active = new(ReferenceEqualityComparer.Instance);
    private readonly LiveCounters counters = new();
    private readonly LiveOptions options;
    private readonly ILogger logger;
    private int completed;

    public LiveEventHub(IOptions<LiveOptions> options, ILogger<LiveEventHub> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        if (this.options.BufferCapacity < 1) throw new ArgumentOutOfRangeException(nameof(options), "BufferCapacity must be at least 1");
        indexes = Namespaces.ToFrozenDictionary(ns => ns,
            _ => new SubscriptionIndex(this.options.CellSizeDegrees, this.options.MaxCellsPerArea), StringComparer.Ordinal);
    }

    /// <summary>A hub with default options and no logging, for tools and tests.</summary>
    public LiveEventHub() : this(Options.Create(new LiveOptions()), NullLogger<LiveEventHub>.Instance)
    {
    }

    /// <summary>Counters since start, for health pages and benchmarks.</summary>
    public LiveHubStats Stats => counters.Snapshot(active.Count);

    /// <summary>
    /// Events that match <paramref name="filter"/>, from the moment an observer subscribes until it disposes its
    /// subscription or the hub shuts down (then OnCompleted). Throws <see cref="ArgumentException"/> for an unknown
    /// namespace or an area that is not a non-empty SRID-4326 geometry.
    /// </summary>
    public IObservable<TwinEvent> Observe(LiveFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Namespaces.Count == 0) throw new ArgumentException("a live filter names at least one stream namespace", nameof(filter));
        var unknown = filter.Namespaces.FirstOrDefault(ns => !Namespaces.Contains(ns));
        if (unknown is not null) throw new ArgumentException($"'{unknown}' is not a twin stream namespace", nameof(filter));
        // Validate the area now, where the caller can still report a bad argument, rather than at subscribe time.
        if (filter.Area is not null) _ = new LiveArea(filter.Area);
        return new LiveObservable(this, filter);
    }

    /// <summary>Offers one event of <paramref name="streamNamespace"/> to the matching subscriptions. Never blocks.</summary>
    public void Publish(string streamNamespace, TwinEvent domainEvent)
    {
        if (!indexes.TryGetValue(streamNamespace, out var index)) return;
        counters.Received();
        index.Dispatch(domainEvent, LiveKinds.Of(domainEvent));
    }

    /// <summary>Ends every subscription (OnCompleted after its buffered events), when the node shuts down.</summary>
    public void Complete()
    {
        if (Interlocked.Exchange(ref completed, 1) != 0) return;
        foreach (var subscription in active.Keys) subscription.Complete();
    }

    internal IDisposable Subscribe(LiveFilter filter, IObserver<TwinEvent> observer)
    {
        var subscription = new LiveSubscription(filter, observer, options.BufferCapacity, Detach, counters, logger);
        if (Volatile.Read(ref completed) != 0)
        {
            observer.OnCompleted();
            return subscription;
        }
        active[subscription] = 0;
        foreach (var ns in filter.Namespaces) indexes[ns].Add(subscription);
        subscription.Start();
        // Complete may have run between the check above and the registration; close this one too, then.
        if (Volatile.Read(ref completed) != 0) subscription.Complete();
        return subscription;
    }

    private void Detach(LiveSubscription subscription)
    {
        if (!active.TryRemove(subscription, out _)) return;
        foreach (var ns in subscription.Filter.Namespaces) indexes[ns].Remove(subscription);
    }
}
