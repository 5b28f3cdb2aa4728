using CityTwin.Twin.Spatial;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Incidents.Desk;

/// <summary>
/// What a desk knows of one incident it routed to: where it is, when it was last seen, whether it was found resolved,
/// and the routing still working on it (a sighting near it waits for that before it decides).
/// </summary>
internal sealed class DeskEntry(Guid id, GeoPoint point, IReadOnlyList<GeoPoint> area, DateTimeOffset lastSeenAt)
{
    public Guid Id { get; } = id;
    public GeoPoint Point { get; private set; } = point;
    public IReadOnlyList<GeoPoint> Area { get; private set; } = area;
    public DateTimeOffset LastSeenAt { get; private set; } = lastSeenAt;
    public Envelope Envelope { get; private set; } = IncidentReach.EnvelopeOf(point, area);
    public bool Resolved { get; private set; }
    public Task? Work { get; set; }

    public bool Busy => Work is { IsCompleted: false };

    /// <summary>Takes the incident's state as its grain answered it.</summary>
    public void Update(IncidentState state)
    {
        Point = state.Location;
        Area = state.Area.ToList();
        Envelope = IncidentReach.EnvelopeOf(Point, Area);
        if (state.LastSeenAt > LastSeenAt) LastSeenAt = state.LastSeenAt;
        Resolved = !state.IsOpen;
    }

    /// <summary>The incident refused a sighting because an operator resolved it: it takes no more.</summary>
    public void MarkResolved() => Resolved = true;

    /// <summary>The database saw it later than this desk did (e.g. a jam monitor's seen-again).</summary>
    public void SeenAt(DateTimeOffset at)
    {
        if (at > LastSeenAt) LastSeenAt = at;
    }
}
