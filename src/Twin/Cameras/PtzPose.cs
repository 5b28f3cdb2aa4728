using CityTwin.Twin.Common;

namespace CityTwin.Twin.Cameras;

/// <summary>
/// Where a pan-tilt-zoom camera looks: the optical axis (pan as a compass bearing, tilt below the horizon), the lens
/// (horizontal field of view at zoom 1, zoom factor) and the image size, whose aspect gives the vertical field of view.
/// The camera's position and mount height are the camera's own (<see cref="CameraState"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.PtzPose")]
public sealed record PtzPose(
    [property: Id(0)] double PanDeg,
    [property: Id(1)] double TiltDeg,
    [property: Id(2)] double HorizontalFovDeg,
    [property: Id(3)] double Zoom,
    [property: Id(4)] int ImageWidth,
    [property: Id(5)] int ImageHeight)
{
    /// <summary>Tilt range: a little above the horizon (a tower looking at the sky line) to straight down.</summary>
    public const double MinTiltDeg = -30, MaxTiltDeg = 90;

    /// <summary>Zoom range of the city's PTZ cameras (optical 1×..50×).</summary>
    public const double MinZoom = 1, MaxZoom = 50;

    /// <summary>The horizontal field of view the zoom leaves: tan(fov/2) shrinks by the zoom factor.</summary>
    public double EffectiveHorizontalFovDeg =>
        2 * Math.Atan(Math.Tan(HorizontalFovDeg * Math.PI / 360) / Zoom) * 180 / Math.PI;

    /// <summary>The vertical field of view from the image's aspect (square pixels).</summary>
    public double EffectiveVerticalFovDeg =>
        2 * Math.Atan(Math.Tan(EffectiveHorizontalFovDeg * Math.PI / 360) * ImageHeight / ImageWidth) * 180 / Math.PI;

    /// <summary>Throws <see cref="TwinValidationException"/> naming the camera and the first bad field.</summary>
    public void Validate(string cameraId)
    {
        TwinValidationException.Require(double.IsFinite(PanDeg) && PanDeg is >= 0 and < 360,
            $"camera {cameraId}: pan {PanDeg}° is outside 0..360");
        TwinValidationException.Require(double.IsFinite(TiltDeg) && TiltDeg is >= MinTiltDeg and <= MaxTiltDeg,
            $"camera {cameraId}: tilt {TiltDeg}° is outside {MinTiltDeg}..{MaxTiltDeg} (degrees below the horizon)");
        TwinValidationException.Require(double.IsFinite(HorizontalFovDeg) && HorizontalFovDeg is >= 1 and <= 170,
            $"camera {cameraId}: horizontal field of view {HorizontalFovDeg}° is outside 1..170");
        TwinValidationException.Require(double.IsFinite(Zoom) && Zoom is >= MinZoom and <= MaxZoom,
            $"camera {cameraId}: zoom {Zoom} is outside {MinZoom}..{MaxZoom}");
        TwinValidationException.Require(ImageWidth is >= 16 and <= 16_384 && ImageHeight is >= 16 and <= 16_384,
            $"camera {cameraId}: image size {ImageWidth}×{ImageHeight} is outside 16..16384 pixels");
    }
}
