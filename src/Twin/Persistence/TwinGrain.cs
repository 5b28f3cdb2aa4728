using CityTwin.Twin.Events;
using Microsoft.Extensions.DependencyInjection;
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
    /// If writing fails the state is restored to what it was and the exception propagates.
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

    /// <summary>Publishes an event on one of the <see cref="TwinStreams"/> namespaces.</summary>
    protected Task PublishAsync(string streamNamespace, TwinEvent domainEvent)
    {
        if (!streams.TryGetValue(streamNamespace, out var stream))
        {
            stream = this.GetStreamProvider(TwinStreams.Provider).GetStream<TwinEvent>(TwinStreams.For(streamNamespace));
            streams[streamNamespace] = stream;
        }
        return stream.OnNextAsync(domainEvent);
    }
}
