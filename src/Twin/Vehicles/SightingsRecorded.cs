using CityTwin.Twin.Events;
using CityTwin.Twin.Vehicles.Sightings;

namespace CityTwin.Twin.Vehicles;

/// <summary>New sightings of one vehicle were stored; <see cref="TwinEvent.Location"/> is the latest of them.</summary>
[GenerateSerializer, Alias("CityTwin.SightingsRecorded")]
public sealed record SightingsRecorded : TwinEvent
{
    [Id(0)] public required string DisplayPlate { get; init; }
    [Id(1)] public required VehicleKind Kind { get; init; }
    [Id(2)] public required IReadOnlyList<SightingInput> Sightings { get; init; }
    [Id(3)] public required bool Watched { get; init; }
}
