namespace CityTwin.Vision.Fire;

/// <summary>Smoke or fire confirmed over several frames of one camera, with the JPEG of the frame that confirmed it.</summary>
public sealed record ConfirmedFireEvent(string CameraId, FireClass Kind, DateTimeOffset ObservedAt,
    double Confidence, NormalizedBox Region, byte[] SnapshotJpeg);
