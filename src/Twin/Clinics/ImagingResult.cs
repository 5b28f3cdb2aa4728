namespace CityTwin.Twin.Clinics;

/// <summary>
/// The AI reading of one imaging study: whether it is abnormal, how long it took from receipt, and (from the reader)
/// the findings with their scores, the model version and the pseudonymised patient id, which never leaves the clinic.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ImagingResult")]
public sealed record ImagingResult(
    [property: Id(0)] string StudyInstanceUid,
    [property: Id(1)] bool Abnormal,
    [property: Id(2)] TimeSpan Turnaround)
{
    /// <summary>The instance that was read.</summary>
    [Id(3)] public string? SopInstanceUid { get; init; }

    /// <summary>A keyed hash of the patient id, stable per clinic.</summary>
    [Id(4)] public string PseudonymisedPatientId { get; init; } = "";

    /// <summary>When the instance's last byte arrived.</summary>
    [Id(5)] public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When the reading finished.</summary>
    [Id(6)] public DateTimeOffset AnalysedAt { get; init; }

    /// <summary>Labels whose score reached their threshold, highest first.</summary>
    [Id(7)] public IReadOnlyList<ImagingFinding> Findings { get; init; } = [];

    /// <summary>The model version that produced the scores (its thresholds were calibrated for it).</summary>
    [Id(8)] public string ModelVersion { get; init; } = "";

    /// <summary>The findings whose labels the model's configuration marks critical; any raises an operator alert.</summary>
    [Id(9)] public IReadOnlyList<string> CriticalFindings { get; init; } = [];

    /// <summary>The name of the model that produced the scores.</summary>
    [Id(10)] public string ModelName { get; init; } = "";

    /// <summary>
    /// Whether the reading may inform care: false for the demo model (its scores mean nothing) and for any model its
    /// site configured as not clinical. Unknown provenance is not clinical.
    /// </summary>
    [Id(11)] public bool Clinical { get; init; }
}
