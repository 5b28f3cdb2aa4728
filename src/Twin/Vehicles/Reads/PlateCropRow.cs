namespace CityTwin.Twin.Vehicles.Reads;

/// <summary>The <c>plate_crops</c> table: accepted plate crops, content-addressed by their SHA-256.</summary>
public sealed class PlateCropRow
{
    public required string Id { get; set; }
    public required byte[] Jpeg { get; set; }
    public required string CameraId { get; set; }
    public required string PlateKey { get; set; }
    public DateTimeOffset StoredAt { get; set; }
}
