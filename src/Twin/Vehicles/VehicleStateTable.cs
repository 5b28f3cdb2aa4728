using CityTwin.Twin.Persistence;

namespace CityTwin.Twin.Vehicles;

internal sealed class VehicleStateTable : EntityStateTable<VehicleState, VehicleRow>
{
    protected override VehicleRow CreateRow(string key) => new() { PlateKey = key };

    protected override VehicleState ToState(VehicleRow row) => new()
    {
        DisplayPlate = row.DisplayPlate,
        ProvinceCode = row.ProvinceCode,
        Kind = row.Kind,
        FirstSeenAt = row.FirstSeenAt,
    };

    protected override void Apply(VehicleState state, VehicleRow row)
    {
        row.DisplayPlate = state.DisplayPlate;
        row.ProvinceCode = state.ProvinceCode;
        row.Kind = state.Kind;
        row.FirstSeenAt = state.FirstSeenAt;
    }
}
