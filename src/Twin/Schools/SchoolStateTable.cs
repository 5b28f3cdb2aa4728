using CityTwin.Twin.Spatial;
using CityTwin.Twin.Persistence;

namespace CityTwin.Twin.Schools;

internal sealed class SchoolStateTable : EntityStateTable<SchoolState, SchoolRow>
{
    protected override SchoolRow CreateRow(string key) => new() { Id = key, Location = GeoFactory.Point(0, 0) };

    protected override SchoolState ToState(SchoolRow row) => new()
    {
        Place = row.ToPlace(),
        Level = row.Level,
        Pupils = row.Pupils,
        Teachers = row.Teachers,
        RemoteClasses = row.RemoteClasses,
        AppliedClassIds = [.. row.AppliedClassIds],
    };

    protected override void Apply(SchoolState state, SchoolRow row)
    {
        row.SetPlace(state.Place);
        row.Level = state.Level;
        row.Pupils = state.Pupils;
        row.Teachers = state.Teachers;
        row.RemoteClasses = state.RemoteClasses;
        row.AppliedClassIds = [.. state.AppliedClassIds];
    }
}
