using CityTwin.Twin.Spatial;
using CityTwin.Twin.Persistence;

namespace CityTwin.Twin.Wards;

/// <summary>Maps <see cref="WardState"/> onto <c>wards</c>, leaving the imported boundary alone.</summary>
internal sealed class WardStateTable : EntityStateTable<WardState, WardRow>
{
    protected override WardRow CreateRow(string key) => new() { Code = key };

    protected override WardState ToState(WardRow row) => new()
    {
        Name = row.Name,
        DistrictName = row.DistrictName,
        DistrictCode = row.DistrictCode,
        LabelPoint = row.LabelPoint is null ? null : GeoPoint.From(row.LabelPoint),
        CameraIds = new HashSet<string>(row.CameraIds, StringComparer.Ordinal),
        OpenIncidentIds = new HashSet<string>(row.OpenIncidentIds, StringComparer.Ordinal),
        HasBoundary = row.Boundary is not null,
    };

    protected override void Apply(WardState state, WardRow row)
    {
        row.Name = state.Name;
        row.DistrictName = state.DistrictName;
        row.DistrictCode = state.DistrictCode;
        row.LabelPoint = state.LabelPoint?.ToPoint();
        row.CameraIds = state.CameraIds.Order(StringComparer.Ordinal).ToList();
        row.OpenIncidentIds = state.OpenIncidentIds.Order(StringComparer.Ordinal).ToList();
    }
}
