namespace CityTwin.Twin.CameraEvents;

/// <summary>
/// Where camera events enter the twin, from <c>reportCameraEvents</c>, the webhook, or the project's own detector:
/// the whole batch is checked first (all or nothing), then each new event is located, its snapshot stored, and it is
/// merged into an incident or opens one.
/// </summary>
public interface ICameraEventIngest
{
    Task<CameraEventBatchResult> IngestAsync(IReadOnlyList<CameraEvent?> events, CancellationToken cancellationToken = default);
}
