namespace CityTwin.Twin.Incidents;

/// <summary>One step of an incident's lifecycle: who moved it, when, with an optional note.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.IncidentTransition")]
public sealed record IncidentTransition(
    [property: Id(0)] IncidentStatus Status,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string? Note);
