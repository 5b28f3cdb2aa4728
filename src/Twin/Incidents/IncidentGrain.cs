using CityTwin.Twin.Cameras;
using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Spatial.Located;
using CityTwin.Twin.Wards;

namespace CityTwin.Twin.Incidents;

/// <summary>An incident's lifecycle. Each step is stored, then published; the ward counts it while it is open.</summary>
public sealed class IncidentGrain(
    [PersistentState("incident", PostGisGrainStorage.Name)] IPersistentState<IncidentState> persisted,
    IWardLocator wards,
    TimeProvider clock)
    : TwinGrain<IncidentState>(persisted), IIncidentGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        TwinValidationException.Require(Guid.TryParse(Key, out _), $"incident '{Key}': an incident id is a GUID");
        return Task.CompletedTask;
    }

    public Task<IncidentState?> GetAsync() => Task.FromResult(Exists ? State : null);

    public async Task<IncidentState> OpenAsync(IncidentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (Exists) return State;
        report.Validate(Key, clock);
        var wardCode = report.WardCode ?? await wards.LocateAsync(report.Location) ?? await WardOfFirstCameraAsync(report.SourceCameraIds);
        if (report.WardCode is not null)
            TwinValidationException.Require(await GrainFactory.GetGrain<IWardGrain>(report.WardCode).GetAsync() is not null,
                $"incident {Key}: unknown ward code '{report.WardCode}'");

        await CommitAsync(state =>
            {
                state.Kind = report.Kind;
                state.Status = IncidentStatus.Detected;
                state.Location = report.Location;
                state.UncertaintyM = report.UncertaintyM;
                state.WardCode = wardCode;
                state.SourceCameraIds = report.SourceCameraIds.Distinct(StringComparer.Ordinal).ToList();
                state.Description = report.Description;
                state.DetectedAt = report.DetectedAt;
                state.Timeline = [new IncidentTransition(IncidentStatus.Detected, report.DetectedAt, report.ReportedBy, report.Description)];
                state.LastSeenAt = report.DetectedAt;
                state.SegmentId = report.SegmentId;
                state.Area = report.Area?.ToList() ?? [];
                state.Quality = LocationQuality.Located;
                state.Observations = 1;
                if (report.Sighting is { } sighting)
                {
                    state.Sightings = [sighting];
                    state.Area = sighting.Fix.Area.ToList();
                    state.Quality = sighting.Fix.Quality;
                    state.SnapshotId = sighting.SnapshotId;
                    state.Confidence = sighting.Confidence;
                }
            },
            TwinStreams.Incidents,
            state => ToEvent(state, report.ReportedBy, "opened"));
        await PublishAsync(TwinStreams.Alerts, ToEvent(State, report.ReportedBy, "opened"));
        if (wardCode is not null)
            await GrainFactory.GetGrain<IWardGrain>(wardCode).IncidentOpenedAsync(Key);
        return State;
    }

    public async Task<IncidentState> ObserveAsync(IncidentSighting sighting)
    {
        ArgumentNullException.ThrowIfNull(sighting);
        TwinValidationException.Require(Exists, $"incident {Key}: no such incident");
        TwinValidationException.Require(State.IsOpen, $"incident {Key}: it is resolved; a new sighting opens a new incident");
        clock.EnsureNotFuture(sighting.ObservedAt, $"incident {Key} sighting {sighting.EventId}");
        var previous = State.Sightings.FirstOrDefault(s => s.CameraId == sighting.CameraId);
        // A replayed event, or an older one from a camera whose newer sighting is kept, changes nothing.
        if (previous is not null && (previous.EventId == sighting.EventId || previous.ObservedAt > sighting.ObservedAt))
            return State;

        await CommitAsync(state =>
            {
                state.Sightings = state.Sightings.Where(s => s.CameraId != sighting.CameraId).Append(sighting).ToList();
                var fix = Triangulation.Combine(state.Sightings.Select(s => s.Fix).ToList());
                state.Location = fix.Point;
                state.Area = fix.Area.ToList();
                state.Quality = fix.Quality;
                state.UncertaintyM = Math.Min(10_000, fix.RadiusMetres());
                if (!state.SourceCameraIds.Contains(sighting.CameraId)) state.SourceCameraIds.Add(sighting.CameraId);
                if (sighting.ObservedAt > state.LastSeenAt) state.LastSeenAt = sighting.ObservedAt;
                state.SnapshotId = sighting.SnapshotId ?? state.SnapshotId;
                state.Confidence = Math.Max(state.Confidence, sighting.Confidence);
                state.Observations++;
            },
            TwinStreams.Incidents,
            state => ToEvent(state, sighting.CameraId, "observed") with { OccurredAt = sighting.ObservedAt });
        return State;
    }

    public async Task<IncidentState?> ObserveIfOpenAsync(IncidentSighting sighting) =>
        Exists && State.IsOpen ? await ObserveAsync(sighting) : null;

    public async Task<IncidentState> SeenAgainAsync(DateTimeOffset at)
    {
        TwinValidationException.Require(Exists, $"incident {Key}: no such incident");
        clock.EnsureNotFuture(at, $"incident {Key} seen");
        if (!State.IsOpen || at <= State.LastSeenAt) return State;
        // Only the time changes: stored, but not worth an event to every map.
        await CommitAsync(state => { state.LastSeenAt = at; state.Observations++; }, TwinStreams.Incidents,
            state => ToEvent(state, "monitor", "observed") with { OccurredAt = at });
        return State;
    }

    public Task<IncidentState> ConfirmAsync(string actor, DateTimeOffset at, string? note = null) =>
        MoveAsync(IncidentStatus.Confirmed, actor, at, note);

    public Task<IncidentState> DispatchAsync(string actor, DateTimeOffset at, string? note = null) =>
        MoveAsync(IncidentStatus.Dispatched, actor, at, note);

    public Task<IncidentState> ArriveOnSceneAsync(string actor, DateTimeOffset at, string? note = null) =>
        MoveAsync(IncidentStatus.OnScene, actor, at, note);

    public async Task<IncidentState> ResolveAsync(string actor, DateTimeOffset at, string? note = null)
    {
        var state = await MoveAsync(IncidentStatus.Resolved, actor, at, note);
        if (state.WardCode is not null)
            await GrainFactory.GetGrain<IWardGrain>(state.WardCode).IncidentClosedAsync(Key);
        return state;
    }

    private async Task<IncidentState> MoveAsync(IncidentStatus next, string actor, DateTimeOffset at, string? note)
    {
        TwinValidationException.Require(Exists, $"incident {Key}: no such incident");
        TwinValidationException.Require(!string.IsNullOrWhiteSpace(actor) && actor.Length <= 200, $"incident {Key}: an actor of 1..200 characters is required");
        TwinValidationException.Require(note is null || note.Length <= 2000, $"incident {Key}: note is longer than 2000 characters");
        clock.EnsureNotFuture(at, $"incident {Key} {next}");
        var current = State.Status;
        // Forward one step at a time, except that an open incident may be resolved from any status (a false alarm).
        var allowed = next == current + 1 || (next == IncidentStatus.Resolved && current != IncidentStatus.Resolved);
        TwinValidationException.Require(allowed, $"incident {Key}: cannot go from {current} to {next}");
        var previousAt = State.Timeline[^1].At;
        TwinValidationException.Require(at >= previousAt, $"incident {Key}: {next} at {at:O} is before {current} at {previousAt:O}");

        await CommitAsync(state =>
            {
                state.Status = next;
                switch (next)
                {
                    case IncidentStatus.Confirmed: state.ConfirmedAt = at; break;
                    case IncidentStatus.Dispatched: state.DispatchedAt = at; break;
                    case IncidentStatus.OnScene: state.OnSceneAt = at; break;
                    case IncidentStatus.Resolved: state.ResolvedAt = at; break;
                }
                state.Timeline.Add(new IncidentTransition(next, at, actor.Trim(), note));
            },
            TwinStreams.Incidents,
            state => ToEvent(state, actor, next.ToString()) with { OccurredAt = at });
        return State;
    }

    private async Task<string?> WardOfFirstCameraAsync(IReadOnlyList<string> cameraIds)
    {
        foreach (var id in cameraIds)
            if (await GrainFactory.GetGrain<ICameraGrain>(id).GetAsync() is { } camera)
                return camera.WardCode;
        return null;
    }

    private IncidentChanged ToEvent(IncidentState state, string actor, string change) => new()
    {
        EntityKind = TwinEntityKinds.Incident, EntityId = Key, Location = state.Location, OccurredAt = state.Timeline[^1].At,
        Kind = state.Kind, Status = state.Status, WardCode = state.WardCode, UncertaintyM = state.UncertaintyM, Actor = actor,
        Area = state.Area.ToList(), Quality = state.Quality, CameraIds = state.SourceCameraIds.ToList(), Change = change,
        DetectedAt = state.DetectedAt, DispatchedAt = state.DispatchedAt, OnSceneAt = state.OnSceneAt,
    };
}
