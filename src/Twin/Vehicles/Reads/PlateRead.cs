namespace CityTwin.Twin.Vehicles.Reads;

/// <summary>
/// One plate read by one camera, as a recogniser reports it: the project's own vision pipeline, or an AI camera that
/// reads plates itself. <see cref="IdempotencyKey"/> is unique per camera; a read sent twice is recorded once.
/// </summary>
/// <param name="CameraId">The twin camera that saw the plate.</param>
/// <param name="SeenAt">When the plate was in view (the frame's time, not the time it was sent).</param>
/// <param name="PlateText">The plate as read, separators allowed (e.g. <c>59-X1 123.45</c>).</param>
/// <param name="Confidence">The recogniser's confidence, 0..1.</param>
/// <param name="IdempotencyKey">The sender's key for this read.</param>
/// <param name="CropJpeg">Optional JPEG of the plate region, shown with a watchlist alert.</param>
public sealed record PlateRead(
    string CameraId,
    DateTimeOffset SeenAt,
    string PlateText,
    float Confidence,
    string IdempotencyKey,
    byte[]? CropJpeg = null);
