namespace CityTwin.Twin.Vehicles;

/// <summary>What recording a batch did: how many sightings were new and how many were already stored.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.SightingReceipt")]
public sealed record SightingReceipt([property: Id(0)] int Recorded, [property: Id(1)] int Duplicates, [property: Id(2)] bool Watched);
