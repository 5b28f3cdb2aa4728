using Orleans.Concurrency;

namespace CityTwin.Twin.Events;

/// <summary>
/// The batching step between the twin's grains and its event streams (the GPS Tracker pattern): a stateless worker
/// on the publishing grain's silo that turns many single publishes into few stream messages. Key: always 0.
/// </summary>
[Alias("CityTwin.IEventBatcherGrain")]
public interface IEventBatcherGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Publishes the event on <paramref name="streamNamespace"/>; completes once the stream has accepted the batch that
    /// carried it, and fails when the stream refused that batch, as a direct publish would.
    /// </summary>
    [Alias("Publish")] Task PublishAsync(string streamNamespace, Immutable<TwinEvent> domainEvent);
}
