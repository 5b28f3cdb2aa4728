using CityTwin.Twin.Vehicles.Sightings;

namespace CityTwin.Twin.Vehicles;

/// <summary>A batch of sightings of one vehicle, with the plate as displayed and the kind the reader saw.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.VehicleObservation")]
public sealed record VehicleObservation(
    [property: Id(0)] IReadOnlyList<SightingInput> Sightings,
    [property: Id(1)] VehicleKind Kind = VehicleKind.Unknown);
