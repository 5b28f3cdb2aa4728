using CityTwin.Twin.Spatial;

namespace CityTwin.Twin.Cameras;

/// <summary>The live state of a camera grain.</summary>
[GenerateSerializer, Alias("CityTwin.CameraState")]
public sealed class CameraState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public string WardCode { get; set; } = "";
    [Id(2)] public GeoPoint Location { get; set; }
    [Id(3)] public double MountHeightM { get; set; }
    [Id(4)] public double HeadingDeg { get; set; }
    [Id(5)] public double FieldOfViewDeg { get; set; }
    [Id(6)] public double RangeM { get; set; }
    [Id(7)] public CameraKind Kind { get; set; }
    [Id(8)] public string? Road { get; set; }
    [Id(9)] public bool Online { get; set; }
    [Id(10)] public DateTimeOffset? StatusChangedAt { get; set; }
    [Id(11)] public DateTimeOffset? LastFrameAt { get; set; }

    /// <summary>Where a PTZ camera looks now; null when it never reported a pose (its events are then unlocated).</summary>
    [Id(12)] public PtzPose? Pose { get; set; }

    /// <summary>Image areas (closed polygons of 0..1 image points) where detections are ignored: sky, chimneys.</summary>
    [Id(13)] public List<List<ImagePoint>> ExclusionMasks { get; set; } = [];

    /// <summary>The ground area the camera sees, computed from where it stands and how it looks.</summary>
    public NetTopologySuite.Geometries.Polygon ViewArea() => Cameras.ViewArea.Compute(Location, HeadingDeg, FieldOfViewDeg, RangeM);
}
