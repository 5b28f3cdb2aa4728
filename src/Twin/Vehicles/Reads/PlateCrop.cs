namespace CityTwin.Twin.Vehicles.Reads;

/// <summary>A stored crop: the JPEG and the plate it was read as (for the audit of who looked at it).</summary>
public sealed record PlateCrop(string Id, byte[] Jpeg, string CameraId, string PlateKey);
