using CityTwin.Twin.Events;

namespace CityTwin.Twin.Incidents;

/// <summary>An incident was opened or moved along its lifecycle. Opening is also an operator alert.</summary>
[GenerateSerializer, Alias("CityTwin.IncidentChanged")]
public sealed record IncidentChanged : TwinEvent
{
    [Id(0)] public required IncidentKind Kind { get; init; }
    [Id(1)] public required IncidentStatus Status { get; init; }
    [Id(2)] public required string? WardCode { get; init; }
    [Id(3)] public required double UncertaintyM { get; init; }
    [Id(4)] public required string Actor { get; init; }
}
