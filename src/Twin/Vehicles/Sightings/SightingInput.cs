using CityTwin.Twin.Common;
using CityTwin.Twin.Spatial;

namespace CityTwin.Twin.Vehicles.Sightings;

/// <summary>
/// One plate read by one camera. <see cref="DetectionId"/> is globally unique (pipelines prefix it with the camera id)
/// and makes recording idempotent: the same detection sent twice is stored once. <see cref="CropId"/> names a stored
/// plate crop (see <c>Reads/IPlateCropStore</c>); it travels with live events and is not kept in the sighting log.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.SightingInput")]
public sealed record SightingInput(
    [property: Id(0)] string DetectionId,
    [property: Id(1)] string CameraId,
    [property: Id(2)] DateTimeOffset SeenAt,
    [property: Id(3)] GeoPoint Location,
    [property: Id(4)] float Confidence,
    [property: Id(5)] string? PlateText = null,
    [property: Id(6)] string? CropId = null)
{
    /// <summary>Longest detection id accepted; ids are keys, not payloads.</summary>
    public const int MaxDetectionIdLength = 128;

    /// <summary>Throws <see cref="TwinValidationException"/> naming the detection and the bad field.</summary>
    public void Validate(string plateKey, TimeProvider clock)
    {
        TwinValidationException.Require(!string.IsNullOrWhiteSpace(DetectionId) && DetectionId.Length <= MaxDetectionIdLength,
            $"sighting of {plateKey}: detection id must be 1..{MaxDetectionIdLength} characters");
        TwinValidationException.Require(!string.IsNullOrWhiteSpace(CameraId), $"sighting {DetectionId}: camera id is required");
        TwinValidationException.Require(Location.IsValid, $"sighting {DetectionId}: location {Location} is not a valid WGS84 position");
        TwinValidationException.Require(float.IsFinite(Confidence) && Confidence is >= 0 and <= 1,
            $"sighting {DetectionId}: confidence {Confidence} is outside 0..1");
        TwinValidationException.Require(PlateText is null || PlateText.Length <= 32, $"sighting {DetectionId}: plate text is longer than 32 characters");
        clock.EnsureNotFuture(SeenAt, $"sighting {DetectionId}");
    }
}
