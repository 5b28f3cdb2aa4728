using CityTwin.Twin.Events;

namespace CityTwin.Graph.Schema.Live;

/// <summary>
/// The hub's events as the caller may see them: <c>project</c> masks or drops each event (null drops it). It runs on
/// the subscription's own pump, after the hub's buffer, so its cost never reaches the stream delivery.
/// </summary>
internal sealed class LiveProjection(IObservable<TwinEvent> source, Func<TwinEvent, object?> project) : IObservable<object>
{
    public IDisposable Subscribe(IObserver<object> observer) => source.Subscribe(new Observer(observer, project));

    private sealed class Observer(IObserver<object> target, Func<TwinEvent, object?> project) : IObserver<TwinEvent>
    {
        public void OnNext(TwinEvent value)
        {
            if (project(value) is { } visible) target.OnNext(visible);
        }

        public void OnError(Exception error) => target.OnError(error);

        public void OnCompleted() => target.OnCompleted();
    }
}
