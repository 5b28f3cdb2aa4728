namespace CityTwin.Twin.Clinics;

/// <summary>
/// The <c>clinic_studies</c> table: every AI reading of a clinic, written in the same transaction as the clinic's
/// counters. Holds the pseudonymised patient id only; queries of it are scoped to the clinic's role.
/// </summary>
public sealed class ClinicStudyRow
{
    public long Id { get; set; }
    public string ClinicId { get; set; } = "";
    public string StudyInstanceUid { get; set; } = "";
    public string? SopInstanceUid { get; set; }
    public string PseudonymisedPatientId { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset AnalysedAt { get; set; }
    public bool Abnormal { get; set; }
    public double TurnaroundMs { get; set; }
    public string ModelVersion { get; set; } = "";
    public string ModelName { get; set; } = "";
    /// <summary>False for the demo model and for models configured as not clinical.</summary>
    public bool Clinical { get; set; }
    /// <summary>Finding labels, parallel to <see cref="FindingScores"/>, highest score first.</summary>
    public List<string> FindingLabels { get; set; } = [];
    public List<float> FindingScores { get; set; } = [];
    public List<string> CriticalFindings { get; set; } = [];

    public static ClinicStudyRow From(string clinicId, ImagingResult result) => new()
    {
        ClinicId = clinicId,
        StudyInstanceUid = result.StudyInstanceUid,
        SopInstanceUid = result.SopInstanceUid,
        PseudonymisedPatientId = result.PseudonymisedPatientId,
        ReceivedAt = result.ReceivedAt,
        AnalysedAt = result.AnalysedAt,
        Abnormal = result.Abnormal,
        TurnaroundMs = result.Turnaround.TotalMilliseconds,
        ModelVersion = result.ModelVersion,
        ModelName = result.ModelName,
        Clinical = result.Clinical,
        FindingLabels = [.. result.Findings.Select(f => f.Label)],
        FindingScores = [.. result.Findings.Select(f => f.Score)],
        CriticalFindings = [.. result.CriticalFindings],
    };

    public ImagingResult ToResult() => new(StudyInstanceUid, Abnormal, TimeSpan.FromMilliseconds(TurnaroundMs))
    {
        SopInstanceUid = SopInstanceUid,
        PseudonymisedPatientId = PseudonymisedPatientId,
        ReceivedAt = ReceivedAt,
        AnalysedAt = AnalysedAt,
        ModelVersion = ModelVersion,
        ModelName = ModelName,
        Clinical = Clinical,
        Findings = [.. FindingLabels.Zip(FindingScores, (l, s) => new ImagingFinding(l, s))],
        CriticalFindings = [.. CriticalFindings],
    };
}
