using CityTwin.Twin.Events;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles;
using NetTopologySuite.Geometries;

namespace CityTwin.Graph.Live;

/// <summary>
/// The subscriptions of one stream namespace, indexed so an event meets only the subscriptions that can want it:
/// unscoped ones, areas too wide to index (envelope pre-check each), and the areas registered in the grid cell the
/// event falls in. Lists are copied on write, so dispatch reads them without locks while subscribers come and go.
/// </summary>
internal sealed class SubscriptionIndex(double cellSize, int maxCells)
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, LiveSubscription[]> writableCells = [];
    private volatile Dictionary<long, LiveSubscription[]> cells = [];
    private volatile LiveSubscription[] unscoped = [];
    private volatile LiveSubscription[] wide = [];

    public void Add(LiveSubscription subscription) => Change(subscription, add: true);

    public void Remove(LiveSubscription subscription) => Change(subscription, add: false);

    /// <summary>Offers the event to every subscription whose kinds and area match it.</summary>
    public void Dispatch(TwinEvent domainEvent, string kind)
    {
        foreach (var subscription in unscoped)
            if (subscription.Wants(kind)) subscription.Offer(domainEvent);

        if (domainEvent is SightingsRecorded { Sightings.Count: > 1 } batch)
        {
            DispatchMany(batch, kind);
            return;
        }
        if (domainEvent.Location is not { } point) return;
        Point? geometry = null;
        foreach (var subscription in wide)
            if (subscription.Wants(kind) && subscription.Area!.Covers(point, ref geometry)) subscription.Offer(domainEvent);
        if (cells.TryGetValue(CellOf(point), out var local))
            foreach (var subscription in local)
                if (subscription.Wants(kind) && subscription.Area!.Covers(point, ref geometry)) subscription.Offer(domainEvent);
    }

    /// <summary>A batch of sightings matches an area when any of its sightings falls inside it.</summary>
    private void DispatchMany(SightingsRecorded batch, string kind)
    {
        var points = batch.Sightings.Select(s => s.Location).Distinct().ToArray();
        var geometries = new Point?[points.Length];
        var candidates = new HashSet<LiveSubscription>(wide);
        foreach (var point in points)
            if (cells.TryGetValue(CellOf(point), out var local)) candidates.UnionWith(local);
        foreach (var subscription in candidates)
        {
            if (!subscription.Wants(kind)) continue;
            for (var i = 0; i < points.Length; i++)
            {
                if (!subscription.Area!.Covers(points[i], ref geometries[i])) continue;
                subscription.Offer(batch);
                break;
            }
        }
    }

    private void Change(LiveSubscription subscription, bool add)
    {
        lock (gate)
        {
            if (subscription.Area is null)
            {
                unscoped = Apply(unscoped, subscription, add);
                return;
            }
            var range = CellRange(subscription.Area.Envelope);
            if (range.Count > maxCells)
            {
                wide = Apply(wide, subscription, add);
                return;
            }
            for (var x = range.MinX; x <= range.MaxX; x++)
            for (var y = range.MinY; y <= range.MaxY; y++)
            {
                var key = Key(x, y);
                var next = Apply(writableCells.GetValueOrDefault(key) ?? [], subscription, add);
                if (next.Length == 0) writableCells.Remove(key);
                else writableCells[key] = next;
            }
            // Readers get a new dictionary; the arrays inside are never mutated once published.
            cells = new Dictionary<long, LiveSubscription[]>(writableCells);
        }
    }

    private static LiveSubscription[] Apply(LiveSubscription[] list, LiveSubscription subscription, bool add) =>
        add ? [.. list, subscription] : Array.FindAll(list, s => !ReferenceEquals(s, subscription));

    private long CellOf(GeoPoint point) => Key(Cell(point.Longitude), Cell(point.Latitude));

    private (int MinX, int MinY, int MaxX, int MaxY, long Count) CellRange(Envelope envelope)
    {
        var (minX, minY, maxX, maxY) = (Cell(envelope.MinX), Cell(envelope.MinY), Cell(envelope.MaxX), Cell(envelope.MaxY));
        return (minX, minY, maxX, maxY, (long)(maxX - minX + 1) * (maxY - minY + 1));
    }

    // The same function places areas and events, so a point on a cell border lands in a cell its area was put in.
    private int Cell(double degrees) => (int)Math.Floor(degrees / cellSize);

    private static long Key(int x, int y) => ((long)x << 32) | (uint)y;
}
