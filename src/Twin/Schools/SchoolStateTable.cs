using CityTwin.Twin.Spatial;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Places;

namespace CityTwin.Twin.Schools;

internal sealed class SchoolStateTable : EntityStateTable<SchoolState, SchoolRow>
{
    protected override SchoolRow CreateRow(string key) => new() { Id = key, Location = GeoFactory.Point(0, 0) };

    protected override SchoolState ToState(SchoolRow row) => new()
    {
        Place = new Place(row.Name, row.WardCode, GeoPoint.From(row.Location)),
        Level = row.Level,
        Pupils = row.Pupils,
        Teachers = row.Teachers,
        RemoteClasses = row.RemoteClasses,
        AppliedClassIds = [.. row.AppliedClassIds],
    };

    protected override void Apply(SchoolState state, SchoolRow row)
    {
        row.Name = state.Place.Name;
        row.WardCode = state.Place.WardCode;
        row.Location = state.Place.Location.ToPoint();
        row.Level = state.Level;
        row.Pupils = state.Pupils;
        row.Teachers = state.Teachers;
        row.RemoteClasses = state.RemoteClasses;
        row.AppliedClassIds = [.. state.AppliedClassIds];
    }
}
