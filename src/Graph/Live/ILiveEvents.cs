using CityTwin.Twin.Events;

namespace CityTwin.Graph.Live;

/// <summary>
/// The twin's domain events as seen by this node: one stream observer per silo fans events out to every local
/// subscription whose filter matches (envelope pre-check, then exact geometry). Disposing a subscription stops it.
/// </summary>
public interface ILiveEvents
{
    IObservable<TwinEvent> Observe(LiveFilter filter);
}
