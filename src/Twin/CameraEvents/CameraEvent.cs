using CityTwin.Twin.Spatial.Located;

namespace CityTwin.Twin.CameraEvents;

/// <summary>
/// One event as a camera (or the project's own detector on its frames) reports it: the camera, what, when, how sure,
/// the idempotency key, and optionally where in the image (<see cref="Region"/>), the bearing it looked along, and a
/// JPEG snapshot. The event id is <c>cameraId:idempotencyKey</c>.
/// </summary>
public sealed record CameraEvent(
    string CameraId,
    CameraEventKind Kind,
    DateTimeOffset ObservedAt,
    double Confidence,
    string IdempotencyKey,
    ImageRegion? Region = null,
    double? BearingDeg = null,
    byte[]? SnapshotJpeg = null)
{
    /// <summary>The event's global id.</summary>
    public string EventId => $"{CameraId}:{IdempotencyKey}";
}
