using CityTwin.Twin.Events;

namespace CityTwin.Twin.Clinics;

/// <summary>
/// An alert: an AI reading at a clinic found something its model marks critical (e.g. pneumothorax). It names the
/// clinic and the findings only; no study or patient identifier leaves the clinic.
/// </summary>
[GenerateSerializer, Alias("CityTwin.CriticalFinding")]
public sealed record CriticalFinding : TwinEvent
{
    [Id(0)] public required IReadOnlyList<ImagingFinding> Findings { get; init; }
    [Id(1)] public required DateTimeOffset AnalysedAt { get; init; }
    [Id(2)] public required string ModelVersion { get; init; }
}
