using CityTwin.Twin.Cameras;
using NetTopologySuite.Geometries;

namespace CityTwin.Graph.Schema.Cameras;

/// <summary>
/// A camera as the API shows it, from a <c>cameras</c> row (lists) or from the grain (after a mutation).
/// <see cref="DistanceM"/> is set only by the near-a-point query.
/// </summary>
public sealed record CameraNode(
    string Id,
    string Name,
    string WardCode,
    Point Location,
    CameraKind Kind,
    double MountHeightM,
    double HeadingDeg,
    double FieldOfViewDeg,
    double RangeM,
    string? Road,
    bool Online,
    DateTimeOffset? StatusChangedAt,
    DateTimeOffset? LastFrameAt,
    Polygon ViewArea,
    double? DistanceM = null,
    PtzPose? Pose = null,
    IReadOnlyList<IReadOnlyList<ImagePoint>>? ExclusionMasks = null)
{
    public static CameraNode From(CameraRow row, double? distanceM = null) =>
        new(row.Id, row.Name, row.WardCode, row.Location, row.Kind, row.MountHeightM, row.HeadingDeg, row.FieldOfViewDeg,
            row.RangeM, row.Road, row.Online, row.StatusChangedAt, row.LastFrameAt, row.ViewArea, distanceM,
            PoseJson.ReadPose(row.Pose), PoseJson.ReadMasks(row.ExclusionMasks));

    public static CameraNode From(string id, CameraState state) =>
        new(id, state.Name, state.WardCode, state.Location.ToPoint(), state.Kind, state.MountHeightM, state.HeadingDeg,
            state.FieldOfViewDeg, state.RangeM, state.Road, state.Online, state.StatusChangedAt, state.LastFrameAt, state.ViewArea(),
            null, state.Pose, state.ExclusionMasks);
}
