namespace CityTwin.Vision.Imaging.Forwarding;

/// <summary>A due <c>pacs_forwards</c> row: what to send and how many attempts it has had.</summary>
public sealed record ForwardJob(long Id, string ClinicId, string StudyInstanceUid, string Kind, string SourceId, int Attempts);
