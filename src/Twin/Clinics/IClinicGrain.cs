namespace CityTwin.Twin.Clinics;

/// <summary>A clinic and its imaging workload. Key: clinic id.</summary>
[Alias("CityTwin.IClinicGrain")]
public interface IClinicGrain : IGrainWithStringKey
{
    [Alias("Get")] Task<ClinicState?> GetAsync();

    /// <summary>Creates the clinic or updates it; idempotent.</summary>
    [Alias("Register")] Task RegisterAsync(ClinicDefinition definition);

    /// <summary>Counts a received study; a study UID already counted changes nothing.</summary>
    [Alias("RecordStudyReceived")] Task<ClinicState> RecordStudyReceivedAsync(string studyInstanceUid);

    /// <summary>Counts several received studies in one commit; UIDs already counted (or repeated) change nothing.</summary>
    [Alias("RecordStudiesReceived")] Task<ClinicState> RecordStudiesReceivedAsync(IReadOnlyList<string> studyInstanceUids);

    /// <summary>
    /// Records an AI reading: counters, the study row, an imagingResults event and, when a finding is critical, an alert.
    /// A study UID already read changes nothing.
    /// </summary>
    [Alias("RecordAiResult")] Task<ClinicState> RecordAiResultAsync(ImagingResult result);
}
