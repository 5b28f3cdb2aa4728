using CityTwin.Graph.Auth;
using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Twin.Audit;
using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using CityTwin.Twin.Vehicles;

namespace CityTwin.Graph.Schema.Live;

/// <summary>
/// A subscription to a field that can carry plates, audited: who subscribed with which role to what area and kinds,
/// from when to when (one row at the start, one at the end, linked by the subscription id in <c>reason</c>), and for
/// a caller who sees plates in clear, one row per plate delivered.
/// </summary>
internal sealed class AuditedSubscription(IObservable<object> source, LiveAuditQueue queue, TwinPrincipal caller, string fieldName, string scope)
    : IObservable<object>
{
    private TwinPrincipal Caller => caller;

    private string Field => fieldName;

    private LiveAuditQueue Queue => queue;

    public IDisposable Subscribe(IObserver<object> observer)
    {
        var id = Guid.NewGuid().ToString("N");
        var started = DateTimeOffset.UtcNow;
        var role = Access.Name(caller.Role);
        queue.Enqueue(new PlateLookup(caller.KeyId, role, null, "subscription:" + fieldName, id, $"started {started:O}; {scope}"));
        var inner = source.Subscribe(new Observer(observer, this, id, role));
        return new Ending(inner, () => queue.Enqueue(new PlateLookup(caller.KeyId, role, null, "subscription:" + fieldName, id,
            $"from {started:O} to {DateTimeOffset.UtcNow:O}; {scope}")));
    }

    /// <summary>The plate an event shows, if any.</summary>
    private static string? PlateOf(object value) => value switch
    {
        SightingsRecorded s => s.EntityId,
        WatchlistHit h => h.EntityId,
        EntityChanged { EntityKind: TwinEntityKinds.Vehicle } c => c.EntityId,
        _ => null,
    };

    private sealed class Observer(IObserver<object> target, AuditedSubscription owner, string id, string role) : IObserver<object>
    {
        private readonly bool _seesPlates = Access.Allows(owner.Caller, Capability.SeePlates);

        public void OnNext(object value)
        {
            if (_seesPlates && PlateOf(value) is { } plate)
                owner.Queue.Enqueue(new PlateLookup(owner.Caller.KeyId, role, plate, "delivered:" + owner.Field, id));
            target.OnNext(value);
        }

        public void OnError(Exception error) => target.OnError(error);

        public void OnCompleted() => target.OnCompleted();
    }

    private sealed class Ending(IDisposable inner, Action ended) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 1) return;
            inner.Dispose();
            ended();
        }
    }
}
