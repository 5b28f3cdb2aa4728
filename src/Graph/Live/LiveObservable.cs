using CityTwin.Twin.Events;

namespace CityTwin.Graph.Live;

/// <summary>A cold view of the hub through one filter: each Subscribe makes its own subscription with its own buffer.</summary>
internal sealed class LiveObservable(LiveEventHub hub, LiveFilter filter) : IObservable<TwinEvent>
{
    public IDisposable Subscribe(IObserver<TwinEvent> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return hub.Subscribe(filter, observer);
    }
}
