namespace CityTwin.Twin.CameraEvents;

/// <summary>
/// The <c>camera_events</c> table: every accepted camera event once (the key is <c>cameraId:idempotencyKey</c>, so a
/// replay is a duplicate), with the incident it went to.
/// </summary>
public sealed class CameraEventRow
{
    public required string Id { get; set; }
    public required string CameraId { get; set; }
    public CameraEventKind Kind { get; set; }
    public DateTimeOffset ObservedAt { get; set; }
    public double Confidence { get; set; }
    public double? RegionX { get; set; }
    public double? RegionY { get; set; }
    public double? RegionWidth { get; set; }
    public double? RegionHeight { get; set; }
    public double? BearingDeg { get; set; }
    public string? SnapshotId { get; set; }
    public Guid IncidentId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
