namespace CityTwin.Twin.Vehicles.Reads;

/// <summary>The stable codes of <see cref="PlateReadError"/>; clients switch on them, so they never change meaning.</summary>
public static class PlateReadErrorCodes
{
    /// <summary>The batch is empty or larger than <see cref="PlateReadLimits.MaxBatch"/> (index -1).</summary>
    public const string BadBatch = "BAD_BATCH";
    /// <summary>No camera is registered under the read's camera id.</summary>
    public const string UnknownCamera = "UNKNOWN_CAMERA";
    /// <summary>An operator marked the camera offline; its reads are not trusted until it is back.</summary>
    public const string CameraDisabled = "CAMERA_DISABLED";
    /// <summary>The caller's key may not submit reads for this camera (set by the API, not by the ingest).</summary>
    public const string CameraNotAllowed = "CAMERA_NOT_ALLOWED";
    /// <summary>Seen later than now plus the allowed clock skew.</summary>
    public const string FutureRead = "FUTURE_READ";
    /// <summary>Seen longer ago than <see cref="PlateReadLimits.MaxReadAge"/>.</summary>
    public const string StaleRead = "STALE_READ";
    /// <summary>The text is not a Vietnamese plate.</summary>
    public const string MalformedPlate = "MALFORMED_PLATE";
    /// <summary>Confidence is not a number in 0..1.</summary>
    public const string BadConfidence = "BAD_CONFIDENCE";
    /// <summary>The idempotency key is missing or too long.</summary>
    public const string BadIdempotencyKey = "BAD_IDEMPOTENCY_KEY";
    /// <summary>The crop is not a JPEG, or is larger than <see cref="PlateReadLimits.MaxCropBytes"/>.</summary>
    public const string BadCrop = "BAD_CROP";
}
