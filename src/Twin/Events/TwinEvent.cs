using CityTwin.Twin.Spatial;

namespace CityTwin.Twin.Events;

/// <summary>
/// A domain event: what changed, on which entity, where and when. Events carry ids and the small payload
/// a map needs; readers fetch the full entity when they need more. Published only after the change is stored.
/// </summary>
[GenerateSerializer, Alias("CityTwin.TwinEvent")]
public abstract record TwinEvent
{
    /// <summary>Unique id of this event, for de-duplication downstream.</summary>
    [Id(0)] public Guid EventId { get; init; } = Guid.NewGuid();

    /// <summary>When the change happened in the twin.</summary>
    [Id(1)] public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Kind of the changed entity: camera, vehicle, incident, ward, store, school, clinic, watchlist.</summary>
    [Id(2)] public required string EntityKind { get; init; }

    /// <summary>Id of the changed entity.</summary>
    [Id(3)] public required string EntityId { get; init; }

    /// <summary>Where it happened, when the event has a place.</summary>
    [Id(4)] public GeoPoint? Location { get; init; }
}
