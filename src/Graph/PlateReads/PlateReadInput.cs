namespace CityTwin.Graph.PlateReads;

/// <summary>
/// One read as a camera sends it, over GraphQL (<c>PlateReadInput</c>) or the webhook's JSON. Every member is
/// nullable so a missing field becomes a per-read error rather than a parse failure of the whole body.
/// </summary>
public sealed class PlateReadInput
{
    public string? CameraId { get; set; }
    public DateTimeOffset? SeenAt { get; set; }
    public string? Plate { get; set; }
    public double? Confidence { get; set; }
    public string? IdempotencyKey { get; set; }
    /// <summary>The plate crop as base64 JPEG; optional.</summary>
    public string? CropJpegBase64 { get; set; }
}
