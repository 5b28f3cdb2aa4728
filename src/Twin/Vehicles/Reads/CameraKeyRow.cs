namespace CityTwin.Twin.Vehicles.Reads;

/// <summary>The <c>camera_keys</c> table: one key per camera, kept only as its SHA-256 hash.</summary>
public sealed class CameraKeyRow
{
    public required string CameraId { get; set; }
    public required byte[] KeyHash { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
}
