using CityTwin.Twin.Spatial.Located;

namespace CityTwin.Twin.Incidents;

/// <summary>
/// One camera's sighting of an incident: which event it was, when, how sure, where the geometry put it, and the stored
/// snapshot. An incident keeps the latest sighting of each camera, from which its location is triangulated.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.IncidentSighting")]
public sealed record IncidentSighting(
    [property: Id(0)] string EventId,
    [property: Id(1)] string CameraId,
    [property: Id(2)] DateTimeOffset ObservedAt,
    [property: Id(3)] double Confidence,
    [property: Id(4)] LocationFix Fix,
    [property: Id(5)] string? SnapshotId = null);
