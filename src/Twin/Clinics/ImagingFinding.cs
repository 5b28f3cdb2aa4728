namespace CityTwin.Twin.Clinics;

/// <summary>One finding of an AI reading: a label whose score reached its calibrated threshold.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ImagingFinding")]
public sealed record ImagingFinding(
    [property: Id(0)] string Label,
    [property: Id(1)] float Score);
