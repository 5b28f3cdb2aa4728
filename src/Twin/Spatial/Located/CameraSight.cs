using CityTwin.Twin.Cameras;

namespace CityTwin.Twin.Spatial.Located;

/// <summary>What the geometry needs of a camera: where it stands, how high, how far it sees, and its pose if it has one.</summary>
public sealed record CameraSight(GeoPoint Location, double HeightM, double RangeM, PtzPose? Pose)
{
    /// <summary>The sight of a registered camera.</summary>
    public static CameraSight Of(CameraState camera) => new(camera.Location, camera.MountHeightM, camera.RangeM, camera.Pose);
}
