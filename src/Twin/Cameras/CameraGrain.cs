using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Wards;

namespace CityTwin.Twin.Cameras;

/// <summary>A camera's live state; its placement and status are stored in <c>cameras</c>.</summary>
public sealed class CameraGrain(
    [PersistentState("camera", PostGisGrainStorage.Name)] IPersistentState<CameraState> persisted,
    TimeProvider clock)
    : TwinGrain<CameraState>(persisted), ICameraGrain
{
    /// <summary>Frames arrive many times a second; the last-frame time is stored at most this often.</summary>
    private static readonly TimeSpan FrameTimeWriteInterval = TimeSpan.FromMinutes(1);

    public Task<CameraState?> GetAsync() => Task.FromResult(Exists ? State : null);

    public async Task RegisterAsync(CameraDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition.Validate(Key);
        if (Exists && Matches(definition)) return;

        var ward = GrainFactory.GetGrain<IWardGrain>(definition.WardCode);
        TwinValidationException.Require(await ward.GetAsync() is not null,
            $"camera {Key}: unknown ward code '{definition.WardCode}'");

        var previousWard = Exists ? State.WardCode : null;
        await CommitAsync(state =>
            {
                state.Name = definition.Name.Trim();
                state.WardCode = definition.WardCode;
                state.Location = definition.Location;
                state.Kind = definition.Kind;
                state.MountHeightM = definition.MountHeightM;
                state.HeadingDeg = definition.HeadingDeg;
                state.FieldOfViewDeg = definition.FieldOfViewDeg;
                state.RangeM = definition.RangeM;
                state.Road = definition.Road;
            },
            TwinStreams.Cameras,
            state => new EntityChanged { EntityKind = TwinEntityKinds.Camera, EntityId = Key, Location = state.Location, Change = "registered" });

        // The ward counts its cameras; a move between wards detaches from the old one first.
        if (previousWard is not null && previousWard != definition.WardCode)
            await GrainFactory.GetGrain<IWardGrain>(previousWard).DetachCameraAsync(Key);
        await ward.AttachCameraAsync(Key);
    }

    public async Task SetStatusAsync(bool online, DateTimeOffset at)
    {
        EnsureRegistered();
        clock.EnsureNotFuture(at, $"camera {Key} status");
        if (State.StatusChangedAt is { } last && at < last) return;
        // A camera that never reported is offline without a status time; marking it offline still records the
        // operator's decision, which is what disables its reads (CAMERA_DISABLED) and keeps frames from reviving it.
        if (State.Online == online && (online || State.StatusChangedAt is not null)) return;
        await CommitStatusAsync(online, at, lastFrameAt: State.LastFrameAt);
    }

    public async Task ReportFrameAsync(DateTimeOffset at)
    {
        EnsureRegistered();
        clock.EnsureNotFuture(at, $"camera {Key} frame");
        // Offline with a status time means an operator disabled the camera: only an operator brings it back.
        if (DisabledByOperator) return;
        if (!State.Online)
        {
            await CommitStatusAsync(online: true, at, lastFrameAt: at);
            return;
        }
        if (State.LastFrameAt is { } lastStored && at - lastStored < FrameTimeWriteInterval)
            return;
        await CommitAsync(state => state.LastFrameAt = at, TwinStreams.Cameras,
            state => new EntityChanged { EntityKind = TwinEntityKinds.Camera, EntityId = Key, Location = state.Location, Change = "frame" });
    }

    public async Task<CameraState> SetPoseAsync(PtzPose pose, double? mountHeightM = null)
    {
        ArgumentNullException.ThrowIfNull(pose);
        EnsureRegistered();
        pose.Validate(Key);
        TwinValidationException.Require(mountHeightM is null || (double.IsFinite(mountHeightM.Value) && mountHeightM is > 0 and <= 500),
            $"camera {Key}: mount height {mountHeightM} m is outside (0, 500]");
        await CommitAsync(state =>
            {
                state.Pose = pose;
                if (mountHeightM is { } height) state.MountHeightM = height;
            },
            TwinStreams.Cameras,
            state => new EntityChanged { EntityKind = TwinEntityKinds.Camera, EntityId = Key, Location = state.Location, Change = "pose" });
        return State;
    }

    public async Task<CameraState> SetExclusionMasksAsync(IReadOnlyList<IReadOnlyList<ImagePoint>> masks)
    {
        ArgumentNullException.ThrowIfNull(masks);
        EnsureRegistered();
        ExclusionMaskRules.Validate(Key, masks);
        await CommitAsync(state => state.ExclusionMasks = masks.Select(m => m.ToList()).ToList(),
            TwinStreams.Cameras,
            state => new EntityChanged { EntityKind = TwinEntityKinds.Camera, EntityId = Key, Location = state.Location, Change = "exclusionMasks" });
        return State;
    }

    private Task CommitStatusAsync(bool online, DateTimeOffset at, DateTimeOffset? lastFrameAt) =>
        CommitAsync(state =>
            {
                state.Online = online;
                state.StatusChangedAt = at;
                state.LastFrameAt = lastFrameAt;
            },
            TwinStreams.Cameras,
            state => new CameraStatusChanged
            {
                EntityKind = TwinEntityKinds.Camera, EntityId = Key, Location = state.Location,
                OccurredAt = at, Online = online, WardCode = state.WardCode,
            });

    private bool DisabledByOperator => !State.Online && State.StatusChangedAt is not null;

    private void EnsureRegistered() =>
        TwinValidationException.Require(Exists, $"camera {Key}: no such camera");

    private bool Matches(CameraDefinition d) =>
        State.Name == d.Name.Trim() && State.WardCode == d.WardCode && State.Location == d.Location && State.Kind == d.Kind
        && State.MountHeightM.Equals(d.MountHeightM) && State.HeadingDeg.Equals(d.HeadingDeg)
        && State.FieldOfViewDeg.Equals(d.FieldOfViewDeg) && State.RangeM.Equals(d.RangeM) && State.Road == d.Road;
}
