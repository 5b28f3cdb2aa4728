using CityTwin.Twin.Spatial;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Places;

namespace CityTwin.Twin.Clinics;

internal sealed class ClinicStateTable : EntityStateTable<ClinicState, ClinicRow>
{
    protected override ClinicRow CreateRow(string key) => new() { Id = key, Location = GeoFactory.Point(0, 0) };

    protected override ClinicState ToState(ClinicRow row) => new()
    {
        Place = new Place(row.Name, row.WardCode, GeoPoint.From(row.Location)),
        Kind = row.Kind,
        AeTitles = [.. row.AeTitles],
        ImagingStudies = row.ImagingStudies,
        AiResults = row.AiResults,
        AbnormalResults = row.AbnormalResults,
        TotalTurnaroundMs = row.TotalTurnaroundMs,
        AppliedStudyUids = [.. row.AppliedStudyUids],
        AppliedResultUids = [.. row.AppliedResultUids],
    };

    protected override void Apply(ClinicState state, ClinicRow row)
    {
        row.Name = state.Place.Name;
        row.WardCode = state.Place.WardCode;
        row.Location = state.Place.Location.ToPoint();
        row.Kind = state.Kind;
        row.AeTitles = [.. state.AeTitles];
        row.ImagingStudies = state.ImagingStudies;
        row.AiResults = state.AiResults;
        row.AbnormalResults = state.AbnormalResults;
        row.TotalTurnaroundMs = state.TotalTurnaroundMs;
        row.AppliedStudyUids = [.. state.AppliedStudyUids];
        row.AppliedResultUids = [.. state.AppliedResultUids];
    }
}
