namespace CityTwin.Twin.CameraEvents;

/// <summary>Per-event error codes of <c>reportCameraEvents</c> and <c>POST /camera-events</c>.</summary>
public static class CameraEventErrorCodes
{
    public const string UnknownCamera = "UNKNOWN_CAMERA";
    public const string CameraDisabled = "CAMERA_DISABLED";
    public const string CameraNotAllowed = "CAMERA_NOT_ALLOWED";
    public const string FutureEvent = "FUTURE_EVENT";
    public const string StaleEvent = "STALE_EVENT";
    public const string BadKind = "BAD_KIND";
    public const string BadConfidence = "BAD_CONFIDENCE";
    public const string BadRegion = "BAD_REGION";
    public const string BadBearing = "BAD_BEARING";
    public const string BadIdempotencyKey = "BAD_IDEMPOTENCY_KEY";
    public const string SnapshotTooLarge = "SNAPSHOT_TOO_LARGE";
    public const string BadSnapshot = "BAD_SNAPSHOT";
    public const string BadBatch = "BAD_BATCH";
}
