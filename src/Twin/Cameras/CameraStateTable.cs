using CityTwin.Twin.Spatial;
using CityTwin.Twin.Persistence;

namespace CityTwin.Twin.Cameras;

/// <summary>Maps <see cref="CameraState"/> onto <c>cameras</c>; the view area column is recomputed on every write.</summary>
internal sealed class CameraStateTable : EntityStateTable<CameraState, CameraRow>
{

    protected override CameraRow CreateRow(string key) =>
        new() { Id = key, Location = GeoFactory.Point(0, 0), ViewArea = GeoFactory.Wgs84.CreatePolygon() };

    protected override CameraState ToState(CameraRow row) => new()
    {
        Name = row.Name,
        WardCode = row.WardCode,
        Location = GeoPoint.From(row.Location),
        MountHeightM = row.MountHeightM,
        HeadingDeg = row.HeadingDeg,
        FieldOfViewDeg = row.FieldOfViewDeg,
        RangeM = row.RangeM,
        Kind = row.Kind,
        Road = row.Road,
        Online = row.Online,
        StatusChangedAt = row.StatusChangedAt,
        LastFrameAt = row.LastFrameAt,
        Pose = PoseJson.ReadPose(row.Pose),
        ExclusionMasks = PoseJson.ReadMasks(row.ExclusionMasks),
    };

    protected override void Apply(CameraState state, CameraRow row)
    {
        row.Name = state.Name;
        row.WardCode = state.WardCode;
        row.Location = state.Location.ToPoint();
        row.MountHeightM = state.MountHeightM;
        row.HeadingDeg = state.HeadingDeg;
        row.FieldOfViewDeg = state.FieldOfViewDeg;
        row.RangeM = state.RangeM;
        row.Kind = state.Kind;
        row.Road = state.Road;
        row.Online = state.Online;
        row.StatusChangedAt = state.StatusChangedAt;
        row.LastFrameAt = state.LastFrameAt;
        row.ViewArea = state.ViewArea();
        row.Pose = PoseJson.WritePose(state.Pose);
        row.ExclusionMasks = PoseJson.WriteMasks(state.ExclusionMasks);
    }
}
