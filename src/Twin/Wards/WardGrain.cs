using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using CityTwin.Twin.Persistence;

namespace CityTwin.Twin.Wards;

/// <summary>A ward's live aggregates, kept as id sets so repeated notifications are harmless.</summary>
public sealed class WardGrain(
    [PersistentState("ward", PostGisGrainStorage.Name)] IPersistentState<WardState> persisted)
    : TwinGrain<WardState>(persisted), IWardGrain
{
    public Task<WardState?> GetAsync() => Task.FromResult(Exists ? State : null);

    public Task RegisterAsync(WardDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition.Validate(Key);
        if (Exists && State.Name == definition.Name && State.DistrictName == definition.DistrictName
            && State.DistrictCode == definition.DistrictCode && State.LabelPoint == definition.LabelPoint)
            return Task.CompletedTask;
        return Change("registered", state =>
        {
            state.Name = definition.Name;
            state.DistrictName = definition.DistrictName;
            state.DistrictCode = definition.DistrictCode;
            state.LabelPoint = definition.LabelPoint;
        });
    }

    public Task AttachCameraAsync(string cameraId) =>
        Exists && State.CameraIds.Contains(cameraId) ? Task.CompletedTask : Change("camera-attached", s => s.CameraIds.Add(cameraId));

    public Task DetachCameraAsync(string cameraId) =>
        !Exists || !State.CameraIds.Contains(cameraId) ? Task.CompletedTask : Change("camera-detached", s => s.CameraIds.Remove(cameraId));

    public Task IncidentOpenedAsync(string incidentId) =>
        Exists && State.OpenIncidentIds.Contains(incidentId) ? Task.CompletedTask : Change("incident-opened", s => s.OpenIncidentIds.Add(incidentId));

    public Task IncidentClosedAsync(string incidentId) =>
        !Exists || !State.OpenIncidentIds.Contains(incidentId) ? Task.CompletedTask : Change("incident-closed", s => s.OpenIncidentIds.Remove(incidentId));

    private Task Change(string change, Action<WardState> apply)
    {
        TwinValidationException.Require(Exists || change == "registered", $"ward {Key}: no such ward");
        return CommitAsync(apply, TwinStreams.Entities,
            state => new EntityChanged { EntityKind = TwinEntityKinds.Ward, EntityId = Key, Location = state.LabelPoint, Change = change });
    }
}
