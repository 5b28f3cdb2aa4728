using Orleans.Concurrency;
using Orleans.Streams;

namespace CityTwin.Twin.Events;

/// <summary>
/// Adaptive batching without a timer: when no publish is in flight an event goes out at once (no added latency at
/// low rates); while one is in flight, events queue and leave together as one stream message when it returns. Each
/// stream message costs one enqueue and one delivery per subscribed silo, so under load the cost per event falls
/// with the batch size. Reentrant so that publishes keep arriving while a batch is on its way.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class EventBatcherGrain : Grain, IEventBatcherGrain
{
    /// <summary>Largest batch in one stream message; bigger queues leave as several messages.</summary>
    public const int MaxBatch = 500;

    private readonly Dictionary<string, Outbox> outboxes = new(StringComparer.Ordinal);

    public Task PublishAsync(string streamNamespace, Immutable<TwinEvent> domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent.Value);
        if (!outboxes.TryGetValue(streamNamespace, out var outbox))
        {
            var stream = this.GetStreamProvider(TwinStreams.Provider).GetStream<TwinEvent>(TwinStreams.For(streamNamespace));
            outboxes[streamNamespace] = outbox = new Outbox(stream);
        }
        return outbox.Add(domainEvent.Value);
    }

    /// <summary>The events of one namespace waiting for the batch in flight to return.</summary>
    private sealed class Outbox(IAsyncStream<TwinEvent> stream)
    {
        private List<(TwinEvent Event, TaskCompletionSource Done)> waiting = [];
        private bool sending;

        public Task Add(TwinEvent domainEvent)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting.Add((domainEvent, done));
            // Runs on the activation's scheduler, so the list and flag need no locks.
            if (!sending) _ = SendAllAsync();
            return done.Task;
        }

        private async Task SendAllAsync()
        {
            sending = true;
            try
            {
                while (waiting.Count > 0)
                {
                    var batch = waiting.Count <= MaxBatch ? waiting : waiting[..MaxBatch];
                    waiting = waiting.Count <= MaxBatch ? [] : waiting[MaxBatch..];
                    try
                    {
                        if (batch.Count == 1) await stream.OnNextAsync(batch[0].Event);
                        else await stream.OnNextBatchAsync(batch.Select(b => b.Event).ToList());
                        foreach (var item in batch) item.Done.SetResult();
                    }
                    catch (Exception e)
                    {
                        foreach (var item in batch) item.Done.SetException(e);
                    }
                }
            }
            finally
            {
                sending = false;
            }
        }
    }
}
