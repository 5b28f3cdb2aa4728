using CityTwin.Twin.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Streams;

namespace CityTwin.Twin.Persistence;

/// <summary>
/// Base of the twin's stateful grains. <see cref="CommitAsync"/> applies a change, stores it, and only then
/// publishes its event; when the store fails the in-memory state is rolled back and nothing is published.
/// </summary>
public abstract class TwinGrain<TState>(IPersistentState<TState> persisted) : Grain
    where TState : class
{
    private readonly Dictionary<string, IAsyncStream<TwinEvent>> streams = new(StringComparer.Ordinal);

    /// <summary>The live state of this entity.</summary>
    protected TState State => persisted.State;

    /// <summary>True once the entity has been stored.</summary>
    protected bool Exists => persisted.RecordExists;

    /// <summary>The grain's string key, which is the entity id.</summary>
    protected string Key => this.GetPrimaryKeyString();

    /// <summary>
    /// Applies <paramref name="change"/>, writes the state, then publishes the event <paramref name="toEvent"/> builds.
    /// If writing fails the state is restored to what it was, nothing is published and the exception propagates.
    /// </summary>
    protected async Task CommitAsync(Action<TState> change, string streamNamespace, Func<TState, TwinEvent> toEvent)
    {
        var before = ServiceProvider.GetRequiredService<DeepCopier<TState>>().Copy(persisted.State);
        change(persisted.State);
        try
        {
            await persisted.WriteStateAsync();
        }
        catch
        {
            persisted.State = before;
            throw;
        }
        await PublishAsync(streamNamespace, toEvent(persisted.State));
    }

    /// <summary>
    /// Publishes an event on one of the <see cref="TwinStreams"/> namespaces. It is only called once the change is
    /// stored, so a publish failure (e.g. a full stream queue) is logged, not thrown: throwing would tell the caller
    /// its change failed, and its retry would find the change already stored and publish nothing at all.
    /// </summary>
    protected async Task PublishAsync(string streamNamespace, TwinEvent domainEvent)
    {
        if (!streams.TryGetValue(streamNamespace, out var stream))
        {
            stream = this.GetStreamProvider(TwinStreams.Provider).GetStream<TwinEvent>(TwinStreams.For(streamNamespace));
            streams[streamNamespace] = stream;
        }
        // Kept before it goes live, so a map that sees the alert and reloads finds it in the log.
        if (streamNamespace == TwinStreams.Alerts) await KeepAlertAsync(domainEvent);
        try
        {
            await stream.OnNextAsync(domainEvent);
        }
        catch (Exception e)
        {
            PublishLog.PublishFailed(ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType()), e,
                domainEvent.GetType().Name, domainEvent.EntityKind, domainEvent.EntityId, streamNamespace);
        }
    }

    private async Task KeepAlertAsync(TwinEvent alert)
    {
        try
        {
            await Alerts.AlertLog.For(GrainFactory).RecordAsync(alert);
        }
        catch (Exception e)
        {
            PublishLog.KeepAlertFailed(ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType()), e,
                alert.GetType().Name, alert.EntityKind, alert.EntityId);
        }
    }
}
