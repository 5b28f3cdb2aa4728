namespace CityTwin.Twin.CameraEvents;

/// <summary>
/// The outcome of a batch: when <see cref="Errors"/> is empty it was applied (<see cref="Recorded"/> new events,
/// <see cref="Duplicates"/> replays) and <see cref="IncidentIds"/> lists the incident of each event in order;
/// otherwise nothing was applied.
/// </summary>
public sealed record CameraEventBatchResult(int Recorded, int Duplicates, IReadOnlyList<CameraEventError> Errors, IReadOnlyList<Guid> IncidentIds)
{
    public bool Accepted => Errors.Count == 0;

    public static CameraEventBatchResult Refused(IReadOnlyList<CameraEventError> errors) => new(0, 0, errors, []);
}
