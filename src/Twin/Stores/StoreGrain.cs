using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Places;

namespace CityTwin.Twin.Stores;

/// <summary>A store's live counters, stored in <c>stores</c>.</summary>
public sealed class StoreGrain(
    [PersistentState("store", PostGisGrainStorage.Name)] IPersistentState<StoreState> persisted,
    TimeProvider clock)
    : TwinGrain<StoreState>(persisted), IStoreGrain
{
    public Task<StoreState?> GetAsync() => Task.FromResult(Exists ? State : null);

    public async Task RegisterAsync(StoreDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (Exists && State.Place == definition.Place && State.Kind == definition.Kind && State.MarketId == definition.MarketId) return;
        await definition.Place.ValidateAsync(GrainFactory, TwinEntityKinds.Store, Key);
        TwinValidationException.Require(Enum.IsDefined(definition.Kind), $"store {Key}: unknown kind {definition.Kind}");
        TwinValidationException.Require(definition.MarketId is null || definition.Kind == StoreKind.Retailer,
            $"store {Key}: only a retailer belongs to a market");
        await CommitAsync(state =>
            {
                state.Place = definition.Place;
                state.Kind = definition.Kind;
                state.MarketId = definition.MarketId;
            },
            TwinStreams.Entities, state => Changed(state, "registered"));
    }

    public async Task<StoreState> RecordLivestreamSessionAsync(LivestreamSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        TwinValidationException.Require(Exists, $"store {Key}: no such store");
        session.Validate(Key, clock);
        if (State.AppliedSessionIds.Contains(session.SessionId, StringComparer.Ordinal)) return State;
        await CommitAsync(state =>
            {
                RecentKeys.TryAdd(state.AppliedSessionIds, session.SessionId);
                state.LivestreamSessions++;
                state.Orders += session.Orders;
                state.RevenueVnd += session.RevenueVnd;
            },
            TwinStreams.Entities, state => Changed(state, "counters"));
        return State;
    }

    private EntityChanged Changed(StoreState state, string change) =>
        new() { EntityKind = TwinEntityKinds.Store, EntityId = Key, Location = state.Place.Location, Change = change };
}
