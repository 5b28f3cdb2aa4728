using CityTwin.Twin.Spatial;
using CityTwin.Twin.Persistence;

namespace CityTwin.Twin.Clinics;

internal sealed class ClinicStateTable : EntityStateTable<ClinicState, ClinicRow>
{
    protected override ClinicRow CreateRow(string key) => new() { Id = key, Location = GeoFactory.Point(0, 0) };

    protected override ClinicState ToState(ClinicRow row) => new()
    {
        Place = row.ToPlace(),
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
        row.SetPlace(state.Place);
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
