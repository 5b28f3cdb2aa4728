using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Incidents.Desk;

/// <summary>
/// A desk's memory of the incidents it routed to lately. It holds the newest state the desk has seen (the database
/// may lag behind a routing still in flight) and the routings still working, so that a sighting waits only for
/// routings near it; sightings far apart never wait for each other, whatever grid one would draw between them.
/// </summary>
internal sealed class DeskIndex
{
    private readonly Dictionary<Guid, DeskEntry> entries = [];

    public DeskEntry? Find(Guid id) => entries.GetValueOrDefault(id);

    public void Add(DeskEntry entry) => entries[entry.Id] = entry;

    /// <summary>Entries whose envelope meets <paramref name="reach"/>.</summary>
    public IEnumerable<DeskEntry> Near(Envelope reach) => entries.Values.Where(e => e.Envelope.Intersects(reach));

    /// <summary>The routings in flight on incidents near <paramref name="reach"/>.</summary>
    public List<Task> WorkNear(Envelope reach) => Near(reach).Where(e => e.Busy).Select(e => e.Work!).ToList();

    /// <summary>Forgets idle entries last seen before <paramref name="cutoff"/>; the database still holds them.</summary>
    public void Forget(DateTimeOffset cutoff)
    {
        foreach (var stale in entries.Values.Where(e => !e.Busy && e.LastSeenAt < cutoff).Select(e => e.Id).ToList())
            entries.Remove(stale);
    }
}
