using System.Threading.Channels;
using CityTwin.Twin.Events;
using Microsoft.Extensions.Logging;

namespace CityTwin.Graph.Live;

/// <summary>
/// One local subscriber: its filter, a bounded buffer and a pump that hands buffered events to the observer in order.
/// The hub only ever writes to the buffer, so a slow observer (GraphQL execution, a full socket queue) slows nothing
/// but itself; when it falls <see cref="LiveOptions.BufferCapacity"/> events behind, the oldest buffered event is dropped.
/// </summary>
internal sealed class LiveSubscription : IDisposable
{
    private readonly Channel<TwinEvent> buffer;
    private readonly IObserver<TwinEvent> observer;
    private readonly Action<LiveSubscription> detach;
    private readonly LiveCounters counters;
    private readonly ILogger logger;
    private long dropped;
    private int disposed;

    public LiveSubscription(LiveFilter filter, IObserver<TwinEvent> observer, int capacity,
        Action<LiveSubscription> detach, LiveCounters counters, ILogger logger)
    {
        Filter = filter;
        Area = filter.Area is null ? null : new LiveArea(filter.Area);
        this.observer = observer;
        this.detach = detach;
        this.counters = counters;
        this.logger = logger;
        buffer = Channel.CreateBounded<TwinEvent>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            OnDropped);
    }

    public LiveFilter Filter { get; }

    public LiveArea? Area { get; }

    /// <summary>Events dropped because this subscriber fell behind.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Whether the subscription wants events of this kind (the cheap test, done before any geometry).</summary>
    public bool Wants(string kind) => Filter.Kinds is null || Filter.Kinds.Contains(kind);

    /// <summary>Starts handing events to the observer on the thread pool.</summary>
    public void Start() => _ = Task.Run(PumpAsync);

    /// <summary>Queues an event without waiting; never blocks the stream delivery that calls it.</summary>
    public void Offer(TwinEvent domainEvent)
    {
        if (buffer.Writer.TryWrite(domainEvent)) counters.Delivered();
    }

    /// <summary>Ends the subscription from the server side: buffered events are delivered, then OnCompleted.</summary>
    public void Complete() => buffer.Writer.TryComplete();

    /// <summary>The subscriber left: stop at once, deliver nothing more, and leave the hub's index.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        detach(this);
        buffer.Writer.TryComplete();
    }

    private async Task PumpAsync()
    {
        var reader = buffer.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (Volatile.Read(ref disposed) == 0 && reader.TryRead(out var next))
                    observer.OnNext(next);
                if (Volatile.Read(ref disposed) != 0) return;
            }
            if (Volatile.Read(ref disposed) == 0) observer.OnCompleted();
        }
        catch (Exception e)
        {
            // An observer must not throw; one that does is cut off so it cannot disturb the others.
            logger.LogWarning(e, "A live subscriber threw; its subscription is closed");
            Dispose();
        }
    }

    private void OnDropped(TwinEvent _)
    {
        counters.Dropped();
        if (Interlocked.Increment(ref dropped) == 1)
            logger.LogWarning("A live subscriber fell {Capacity} events behind; its oldest events are being dropped", buffer.Reader.Count);
    }
}
