using CityTwin.Twin.Places;

namespace CityTwin.Twin.Clinics;

/// <summary>A clinic as registered, with the DICOM AE titles its imaging devices call from.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ClinicDefinition")]
public sealed record ClinicDefinition(
    [property: Id(0)] Place Place,
    [property: Id(1)] ClinicKind Kind,
    [property: Id(2)] IReadOnlyList<string> AeTitles);
