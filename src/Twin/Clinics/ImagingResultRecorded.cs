using CityTwin.Twin.Events;

namespace CityTwin.Twin.Clinics;

/// <summary>
/// A clinic recorded an AI reading (<see cref="TwinStreams.ImagingResults"/>). It carries the pseudonymised patient id,
/// so only the clinic's own role may receive it.
/// </summary>
[GenerateSerializer, Alias("CityTwin.ImagingResultRecorded")]
public sealed record ImagingResultRecorded : TwinEvent
{
    [Id(0)] public required ImagingResult Result { get; init; }
}
