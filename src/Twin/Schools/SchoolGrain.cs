using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Places;

namespace CityTwin.Twin.Schools;

/// <summary>A school's live state, stored in <c>schools</c>.</summary>
public sealed class SchoolGrain(
    [PersistentState("school", PostGisGrainStorage.Name)] IPersistentState<SchoolState> persisted,
    TimeProvider clock)
    : TwinGrain<SchoolState>(persisted), ISchoolGrain
{
    public Task<SchoolState?> GetAsync() => Task.FromResult(Exists ? State : null);

    public async Task RegisterAsync(SchoolDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (Exists && State.Place == definition.Place && State.Level == definition.Level
            && State.Pupils == definition.Pupils && State.Teachers == definition.Teachers) return;
        await definition.Place.ValidateAsync(GrainFactory, TwinEntityKinds.School, Key);
        TwinValidationException.Require(Enum.IsDefined(definition.Level), $"school {Key}: unknown level {definition.Level}");
        TwinValidationException.Require(definition.Pupils is >= 0 and <= 100_000 && definition.Teachers is >= 0 and <= 10_000,
            $"school {Key}: pupils must be 0..100000 and teachers 0..10000");
        await CommitAsync(state =>
            {
                state.Place = definition.Place;
                state.Level = definition.Level;
                state.Pupils = definition.Pupils;
                state.Teachers = definition.Teachers;
            },
            TwinStreams.Entities, state => Changed(state, "registered"));
    }

    public async Task<SchoolState> RecordRemoteClassAsync(RemoteClass remoteClass)
    {
        ArgumentNullException.ThrowIfNull(remoteClass);
        TwinValidationException.Require(Exists, $"school {Key}: no such school");
        TwinValidationException.Require(!string.IsNullOrWhiteSpace(remoteClass.ClassId) && remoteClass.ClassId.Length <= 128,
            $"school {Key}: a class id of 1..128 characters is required");
        clock.EnsureNotFuture(remoteClass.StartedAt, $"school {Key} class {remoteClass.ClassId}");
        if (State.AppliedClassIds.Contains(remoteClass.ClassId, StringComparer.Ordinal)) return State;
        await CommitAsync(state =>
            {
                RecentKeys.TryAdd(state.AppliedClassIds, remoteClass.ClassId);
                state.RemoteClasses++;
            },
            TwinStreams.Entities, state => Changed(state, "counters"));
        return State;
    }

    private EntityChanged Changed(SchoolState state, string change) =>
        new() { EntityKind = TwinEntityKinds.School, EntityId = Key, Location = state.Place.Location, Change = change };
}
