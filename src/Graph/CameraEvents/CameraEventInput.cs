namespace CityTwin.Graph.CameraEvents;

/// <summary>
/// One camera event as sent over GraphQL (<c>CameraEventInput</c>) or the webhook's JSON. Every member is nullable so
/// a missing field is a per-event error, not a failure of the whole body.
/// </summary>
public sealed class CameraEventInput
{
    public string? CameraId { get; set; }
    /// <summary>smoke, fire, dumping, jam or accident (any case).</summary>
    public string? Kind { get; set; }
    public DateTimeOffset? ObservedAt { get; set; }
    public double? Confidence { get; set; }
    public string? IdempotencyKey { get; set; }
    public ImageRegionInput? Region { get; set; }
    public double? BearingDeg { get; set; }
    /// <summary>A JPEG snapshot, base64; optional.</summary>
    public string? SnapshotJpegBase64 { get; set; }
    /// <summary>The multipart part holding this event's JPEG snapshot (webhook only; instead of base64).</summary>
    public string? SnapshotPart { get; set; }
}

/// <summary>Where in the image: fractions of width and height, origin top-left.</summary>
public sealed class ImageRegionInput
{
    public double? X { get; set; }
    public double? Y { get; set; }
    public double? Width { get; set; }
    public double? Height { get; set; }
}
