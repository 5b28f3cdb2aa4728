using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Places;

namespace CityTwin.Twin.Clinics;

/// <summary>
/// A clinic's live imaging counters and latest readings, stored in <c>clinics</c>; every reading is also kept in
/// <c>clinic_studies</c>. A reading publishes <see cref="ImagingResultRecorded"/> and, for a critical finding, a
/// <see cref="CriticalFinding"/> alert.
/// </summary>
public sealed class ClinicGrain(
    [PersistentState("clinic", PostGisGrainStorage.Name)] IPersistentState<ClinicState> persisted)
    : TwinGrain<ClinicState>(persisted), IClinicGrain
{
    /// <summary>DICOM AE titles are at most 16 characters of the default repertoire, without backslash.</summary>
    private static bool IsAeTitle(string title) =>
        title.Length is > 0 and <= 16 && title.All(c => c is >= ' ' and <= '~' && c != '\\') && title.Trim().Length > 0;

    public Task<ClinicState?> GetAsync() => Task.FromResult(Exists ? State : null);

    public async Task RegisterAsync(ClinicDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (Exists && State.Place == definition.Place && State.Kind == definition.Kind && State.AeTitles.SequenceEqual(definition.AeTitles)) return;
        await definition.Place.ValidateAsync(GrainFactory, TwinEntityKinds.Clinic, Key);
        TwinValidationException.Require(Enum.IsDefined(definition.Kind), $"clinic {Key}: unknown kind {definition.Kind}");
        var bad = definition.AeTitles.FirstOrDefault(t => !IsAeTitle(t));
        TwinValidationException.Require(bad is null, $"clinic {Key}: '{bad}' is not a DICOM AE title (1..16 printable characters, no backslash)");
        await CommitAsync(state =>
            {
                state.Place = definition.Place;
                state.Kind = definition.Kind;
                state.AeTitles = [.. definition.AeTitles];
            },
            TwinStreams.Entities, state => Changed(state, "registered"));
    }

    public Task<ClinicState> RecordStudyReceivedAsync(string studyInstanceUid) => RecordStudiesReceivedAsync([studyInstanceUid]);

    public async Task<ClinicState> RecordStudiesReceivedAsync(IReadOnlyList<string> studyInstanceUids)
    {
        ArgumentNullException.ThrowIfNull(studyInstanceUids);
        foreach (var uid in studyInstanceUids) EnsureStudyUid(uid);
        var fresh = studyInstanceUids.Distinct(StringComparer.Ordinal)
            .Where(uid => !State.AppliedStudyUids.Contains(uid, StringComparer.Ordinal)).ToList();
        if (fresh.Count == 0) return State;
        // One commit for the whole batch: receivers hand their studies over in bursts, and a state write per study was
        // the slowest step after the instance's own row.
        await CommitAsync(state =>
            {
                foreach (var uid in fresh) RecentKeys.TryAdd(state.AppliedStudyUids, uid);
                state.ImagingStudies += fresh.Count;
            },
            TwinStreams.Entities, state => Changed(state, "study-received"));
        return State;
    }

    public async Task<ClinicState> RecordAiResultAsync(ImagingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        EnsureStudyUid(result.StudyInstanceUid);
        TwinValidationException.Require(result.Turnaround >= TimeSpan.Zero, $"clinic {Key}: turnaround cannot be negative");
        TwinValidationException.Require(result.Findings.All(f => !string.IsNullOrWhiteSpace(f.Label) && float.IsFinite(f.Score) && f.Score is >= 0 and <= 1),
            $"clinic {Key}: findings need a label and a score in [0, 1]");
        TwinValidationException.Require(result.CriticalFindings.All(c => result.Findings.Any(f => f.Label == c)),
            $"clinic {Key}: a critical finding must be one of the findings");
        if (State.AppliedResultUids.Contains(result.StudyInstanceUid, StringComparer.Ordinal)) return State;
        await CommitAsync(state =>
            {
                RecentKeys.TryAdd(state.AppliedResultUids, result.StudyInstanceUid);
                state.AiResults++;
                if (result.Abnormal) state.AbnormalResults++;
                state.TotalTurnaroundMs += result.Turnaround.TotalMilliseconds;
                state.RecentStudies.Add(result);
                if (state.RecentStudies.Count > ClinicState.RecentStudyCapacity)
                    state.RecentStudies.RemoveRange(0, state.RecentStudies.Count - ClinicState.RecentStudyCapacity);
            },
            TwinStreams.ImagingResults,
            state => new ImagingResultRecorded { EntityKind = TwinEntityKinds.Clinic, EntityId = Key, Location = state.Place.Location, Result = result });
        await PublishAsync(TwinStreams.Entities, Changed(State, "ai-result"));
        if (result.CriticalFindings.Count > 0)
        {
            await PublishAsync(TwinStreams.Alerts, new CriticalFinding
            {
                EntityKind = TwinEntityKinds.Clinic,
                EntityId = Key,
                Location = State.Place.Location,
                Findings = [.. result.Findings.Where(f => result.CriticalFindings.Contains(f.Label))],
                AnalysedAt = result.AnalysedAt,
                ModelVersion = result.ModelVersion,
            });
        }
        return State;
    }

    /// <summary>DICOM UIDs are at most 64 characters of digits and dots.</summary>
    private void EnsureStudyUid(string uid)
    {
        TwinValidationException.Require(Exists, $"clinic {Key}: no such clinic");
        TwinValidationException.Require(!string.IsNullOrEmpty(uid) && uid.Length <= 64 && uid.All(c => char.IsAsciiDigit(c) || c == '.'),
            $"clinic {Key}: '{uid}' is not a DICOM UID (1..64 digits and dots)");
    }

    private EntityChanged Changed(ClinicState state, string change) =>
        new() { EntityKind = TwinEntityKinds.Clinic, EntityId = Key, Location = state.Place.Location, Change = change };
}
