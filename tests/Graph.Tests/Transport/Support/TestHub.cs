using System.Collections.Concurrent;

namespace CityTwin.Graph.Tests.Transport.Support;

/// <summary>Event sources the tests control: named channels whose subscribers the test can count, feed, complete or fail.</summary>
public sealed class TestHub
{
    private readonly ConcurrentDictionary<string, HubChannel> _channels = new();

    public IObservable<Tick> Channel(string name) => Get(name);

    public int Subscribers(string name) => Get(name).Count;

    public void Publish(string name, Tick tick) => Get(name).Publish(tick);

    public void Complete(string name) => Get(name).Complete();

    public void Fail(string name, Exception error) => Get(name).Fail(error);

    /// <summary>Waits until the server has subscribed to the channel, so no published event can be missed.</summary>
    public async Task WaitForSubscribersAsync(string name, int count = 1, int timeoutSeconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (Subscribers(name) != count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Channel '{name}' has {Subscribers(name)} subscribers, expected {count}.");
            await Task.Delay(10);
        }
    }

    private HubChannel Get(string name) => _channels.GetOrAdd(name, _ => new HubChannel());

    private sealed class HubChannel : IObservable<Tick>
    {
        private readonly Lock _gate = new();
        private readonly List<IObserver<Tick>> _observers = [];

        public int Count
        {
            get
            {
                lock (_gate) return _observers.Count;
            }
        }

        public IDisposable Subscribe(IObserver<Tick> observer)
        {
            lock (_gate) _observers.Add(observer);
            return new Unsubscriber(() =>
            {
                lock (_gate) _observers.Remove(observer);
            });
        }

        public void Publish(Tick tick)
        {
            foreach (var observer in Snapshot()) observer.OnNext(tick);
        }

        public void Complete()
        {
            foreach (var observer in Snapshot()) observer.OnCompleted();
        }

        public void Fail(Exception error)
        {
            foreach (var observer in Snapshot()) observer.OnError(error);
        }

        private IObserver<Tick>[] Snapshot()
        {
            lock (_gate) return [.. _observers];
        }
    }

    private sealed class Unsubscriber(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
