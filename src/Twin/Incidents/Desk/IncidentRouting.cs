namespace CityTwin.Twin.Incidents.Desk;

/// <summary>Where a sighting went: the incident and whether the sighting opened it.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.IncidentRouting")]
public sealed record IncidentRouting([property: Id(0)] Guid IncidentId, [property: Id(1)] bool Opened);
