using CityTwin.Twin.Common;
using CityTwin.Twin.Spatial;

namespace CityTwin.Twin.Cameras;

/// <summary>What an operator or importer says a camera is: where it stands and how it looks.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.CameraDefinition")]
public sealed record CameraDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string WardCode,
    [property: Id(2)] GeoPoint Location,
    [property: Id(3)] CameraKind Kind,
    [property: Id(4)] double MountHeightM,
    [property: Id(5)] double HeadingDeg,
    [property: Id(6)] double FieldOfViewDeg,
    [property: Id(7)] double RangeM,
    [property: Id(8)] string? Road = null)
{
    /// <summary>Throws <see cref="TwinValidationException"/> naming the camera and the first bad field.</summary>
    public void Validate(string cameraId)
    {
        TwinValidationException.Require(!string.IsNullOrWhiteSpace(Name), $"camera {cameraId}: name is required");
        TwinValidationException.Require(!string.IsNullOrWhiteSpace(WardCode), $"camera {cameraId}: ward code is required");
        TwinValidationException.Require(Location.IsValid, $"camera {cameraId}: location {Location} is not a valid WGS84 position");
        TwinValidationException.Require(Enum.IsDefined(Kind), $"camera {cameraId}: unknown kind {Kind}");
        TwinValidationException.Require(double.IsFinite(MountHeightM) && MountHeightM is >= 0 and <= 500,
            $"camera {cameraId}: mount height {MountHeightM} m is outside 0..500");
        TwinValidationException.Require(double.IsFinite(HeadingDeg) && HeadingDeg is >= 0 and < 360,
            $"camera {cameraId}: heading {HeadingDeg}° is outside 0..360");
        TwinValidationException.Require(double.IsFinite(FieldOfViewDeg) && FieldOfViewDeg is > 0 and <= 360,
            $"camera {cameraId}: field of view {FieldOfViewDeg}° is outside (0, 360]");
        TwinValidationException.Require(Kind != CameraKind.Ptz360 || FieldOfViewDeg >= 360,
            $"camera {cameraId}: a 360° PTZ camera must have a 360° field of view");
        TwinValidationException.Require(double.IsFinite(RangeM) && RangeM is > 0 and <= 20_000,
            $"camera {cameraId}: range {RangeM} m is outside (0, 20000]");
    }
}
