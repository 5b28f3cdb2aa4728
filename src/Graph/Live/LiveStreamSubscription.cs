using CityTwin.Twin.Events;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace CityTwin.Graph.Live;

/// <summary>
/// The silo's subscription to one stream namespace. Delivery only queues into the hub, so the stream's pulling
/// agent is never held up by subscribers.
/// </summary>
internal sealed class LiveStreamSubscription(string streamNamespace, IAsyncStream<TwinEvent> stream, LiveEventHub hub, ILogger logger)
    : IAsyncObserver<TwinEvent>
{
    private StreamSubscriptionHandle<TwinEvent>? handle;

    public string Namespace => streamNamespace;

    /// <summary>
    /// Subscribes when this silo has no live handle on the stream. Every subscription made outside a grain in a silo
    /// belongs to the silo's one hosted client, whose id is new at each silo start, so no handle of an earlier run
    /// can be resumed; other components' handles of that client are left alone.
    /// </summary>
    public async Task EnsureAsync()
    {
        if (handle is { } current)
        {
            var existing = await stream.GetAllSubscriptionHandles();
            if (existing.Any(h => h.HandleId == current.HandleId)) return;
            logger.LogWarning("The live subscription to stream {Namespace} was lost (pub/sub state gone); subscribing again", streamNamespace);
        }
        handle = await stream.SubscribeAsync(this);
        logger.LogInformation("Subscribed to stream {Namespace} for live subscriptions", streamNamespace);
    }

    public async Task LeaveAsync()
    {
        if (handle is { } current) await current.UnsubscribeAsync();
        handle = null;
    }

    public Task OnNextAsync(TwinEvent item, StreamSequenceToken? token = null)
    {
        try
        {
            hub.Publish(streamNamespace, item);
        }
        catch (Exception e)
        {
            // A failed delivery would make the pulling agent retry and eventually drop this silo's subscription;
            // one event that cannot be dispatched must not cost every later one.
            logger.LogError(e, "Could not dispatch {EventType} {EventId} from stream {Namespace}", item.GetType().Name, item.EventId, streamNamespace);
        }
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        logger.LogWarning(ex, "Stream {Namespace} reported an error to the live fan-out", streamNamespace);
        return Task.CompletedTask;
    }
}
