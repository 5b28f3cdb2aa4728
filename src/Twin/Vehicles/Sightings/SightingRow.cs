using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Vehicles.Sightings;

/// <summary>The append-only <c>sightings</c> table; rows are written in batches by <see cref="SightingLog"/>.</summary>
public sealed class SightingRow
{
    public required string DetectionId { get; set; }
    public required string PlateKey { get; set; }
    public required string CameraId { get; set; }
    public DateTimeOffset SeenAt { get; set; }
    public required Point Location { get; set; }
    public float Confidence { get; set; }
    public string? PlateText { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
