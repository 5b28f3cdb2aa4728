using CityTwin.Twin.Spatial;
using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Twin.Clinics;

/// <summary>
/// The clinic row, plus the <c>clinic_studies</c> rows of readings not stored yet, saved in one transaction so a
/// reading is in the history exactly when the counters include it.
/// </summary>
internal sealed class ClinicStateTable : EntityStateTable<ClinicState, ClinicRow>, IStateTable<ClinicState>
{
    async Task<StoredState<ClinicState>?> IStateTable<ClinicState>.ReadAsync(TwinDbContext db, string key, CancellationToken cancellationToken)
    {
        var stored = await ReadAsync(db, key, cancellationToken);
        if (stored is null) return null;
        var latest = await db.Set<ClinicStudyRow>().AsNoTracking()
            .Where(r => r.ClinicId == key)
            .OrderByDescending(r => r.AnalysedAt).ThenByDescending(r => r.Id)
            .Take(ClinicState.RecentStudyCapacity)
            .ToListAsync(cancellationToken);
        stored.State.RecentStudies = [.. latest.AsEnumerable().Reverse().Select(r => r.ToResult())];
        return stored;
    }

    async Task<int> IStateTable<ClinicState>.WriteAsync(TwinDbContext db, string key, ClinicState state, int? expectedVersion, CancellationToken cancellationToken)
    {
        if (state.RecentStudies.Count > 0)
        {
            var uids = state.RecentStudies.Select(s => s.StudyInstanceUid).ToList();
            var stored = await db.Set<ClinicStudyRow>()
                .Where(r => r.ClinicId == key && uids.Contains(r.StudyInstanceUid))
                .Select(r => r.StudyInstanceUid)
                .ToListAsync(cancellationToken);
            foreach (var study in state.RecentStudies.Where(s => !stored.Contains(s.StudyInstanceUid)))
                db.Add(ClinicStudyRow.From(key, study));
        }
        return await WriteAsync(db, key, state, expectedVersion, cancellationToken);
    }

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
