using CityTwin.Twin.Persistence;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Cameras;

/// <summary>The <c>cameras</c> table: camera grain state plus its location and view area as PostGIS geometries.</summary>
public sealed class CameraRow : IVersionedRow
{
    public required string Id { get; set; }
    public string Name { get; set; } = "";
    public string WardCode { get; set; } = "";
    public required Point Location { get; set; }
    public double MountHeightM { get; set; }
    public double HeadingDeg { get; set; }
    public double FieldOfViewDeg { get; set; }
    public double RangeM { get; set; }
    public CameraKind Kind { get; set; }
    public string? Road { get; set; }
    public bool Online { get; set; }
    public DateTimeOffset? StatusChangedAt { get; set; }
    public DateTimeOffset? LastFrameAt { get; set; }
    public required Polygon ViewArea { get; set; }
    /// <summary>The PTZ pose as JSON; null when the camera has none.</summary>
    public string? Pose { get; set; }
    /// <summary>The exclusion masks as JSON: a list of polygons of image points.</summary>
    public string ExclusionMasks { get; set; } = "[]";
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
