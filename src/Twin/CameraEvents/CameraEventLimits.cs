namespace CityTwin.Twin.CameraEvents;

/// <summary>The limits of camera events, in one place for the validator, the webhook and the docs.</summary>
public static class CameraEventLimits
{
    /// <summary>Events per batch.</summary>
    public const int MaxBatch = 100;

    /// <summary>A snapshot: a 1080p JPEG at ordinary quality is 200-400 KB.</summary>
    public const int MaxSnapshotBytes = 512 * 1024;

    /// <summary>Events older than this are refused (a camera clock reset to 1970 or 1900).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    public const int MaxIdempotencyKeyLength = 63;
}
