using CityTwin.Twin.Cameras;
using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using CityTwin.Twin.Persistence;
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
            },
            TwinStreams.Incidents,
            state => ToEvent(state, report.ReportedBy));
        await PublishAsync(TwinStreams.Alerts, ToEvent(State, report.ReportedBy));
        if (wardCode is not null)
            await GrainFactory.GetGrain<IWardGrain>(wardCode).IncidentOpenedAsync(Key);
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
            state => ToEvent(state, actor) with { OccurredAt = at });
        return State;
    }

    private async Task<string?> WardOfFirstCameraAsync(IReadOnlyList<string> cameraIds)
    {
        foreach (var id in cameraIds)
            if (await GrainFactory.GetGrain<ICameraGrain>(id).GetAsync() is { } camera)
                return camera.WardCode;
        return null;
    }

    private IncidentChanged ToEvent(IncidentState state, string actor) => new()
    {
        EntityKind = TwinEntityKinds.Incident, EntityId = Key, Location = state.Location, OccurredAt = state.Timeline[^1].At,
        Kind = state.Kind, Status = state.Status, WardCode = state.WardCode, UncertaintyM = state.UncertaintyM, Actor = actor,
    };
}
