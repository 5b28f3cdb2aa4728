using System.Collections.Concurrent;
using CityTwin.Twin.Events;
using Orleans.Streams;

namespace CityTwin.Testing;

/// <summary>Collects the events a stream delivers, and waits for the ones a test expects.</summary>
public sealed class EventRecorder : IAsyncObserver<TwinEvent>
{
    private readonly ConcurrentQueue<TwinEvent> received = new();

    internal StreamSubscriptionHandle<TwinEvent>? Subscription { get; set; }

    public IReadOnlyList<TwinEvent> Received => received.ToArray();

    /// <summary>Waits until an event that satisfies <paramref name="match"/> arrives, or fails after <paramref name="timeout"/>.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> match, TimeSpan? timeout = null) where T : TwinEvent
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (received.OfType<T>().FirstOrDefault(match) is { } found) return found;
            await Task.Delay(20);
        }
        throw new TimeoutException($"no {typeof(T).Name} matching the test arrived; received: {string.Join(", ", received.Select(e => e.GetType().Name + ":" + e.EntityId))}");
    }

    /// <summary>Waits <paramref name="quietPeriod"/> and returns the matching events seen by then, to prove an absence.</summary>
    public async Task<IReadOnlyList<T>> AfterQuietPeriodAsync<T>(Func<T, bool> match, TimeSpan quietPeriod) where T : TwinEvent
    {
        await Task.Delay(quietPeriod);
        return received.OfType<T>().Where(match).ToList();
    }

    public Task OnNextAsync(TwinEvent item, StreamSequenceToken? token = null)
    {
        received.Enqueue(item);
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
