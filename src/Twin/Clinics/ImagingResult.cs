namespace CityTwin.Twin.Clinics;

/// <summary>The AI reading of one imaging study: whether it is abnormal and how long it took from receipt.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ImagingResult")]
public sealed record ImagingResult(
    [property: Id(0)] string StudyInstanceUid,
    [property: Id(1)] bool Abnormal,
    [property: Id(2)] TimeSpan Turnaround);
