using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using CityTwin.Twin.Places;
using CityTwin.Twin.Stores;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace CityTwin.Twin.Markets;

/// <summary>
/// The market's live totals, loaded from <c>markets</c> on activation and replaced by what each committed transaction
/// returns. Events are published only after the commit; a failed publish is logged, never reported as a failed batch.
/// </summary>
public sealed class MarketGrain(MarketLedger ledger, TimeProvider clock, ILogger<MarketGrain> logger) : Grain, IMarketGrain
{
    private MarketTotals? totals;
    private HashSet<string> retailers = new(StringComparer.Ordinal);
    private Dictionary<string, MarketSessionDefinition> sessions = new(StringComparer.Ordinal);
    private Place? place;
    private IAsyncStream<TwinEvent>? stream;

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var snapshot = await ledger.LoadAsync(Key, cancellationToken);
        if (snapshot is not null)
        {
            totals = snapshot.Totals;
            retailers = [.. snapshot.Retailers];
            sessions = new Dictionary<string, MarketSessionDefinition>(snapshot.Sessions, StringComparer.Ordinal);
        }
        place = (await GrainFactory.GetGrain<IStoreGrain>(Key).GetAsync())?.Place;
        stream = this.GetStreamProvider(TwinStreams.Provider).GetStream<TwinEvent>(TwinStreams.For(TwinStreams.Markets));
    }

    public Task<MarketTotals?> GetTotalsAsync() => Task.FromResult(totals);

    public async Task<IReadOnlyList<MarketItemError>> DefineAsync(MarketEventDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var store = await GrainFactory.GetGrain<IStoreGrain>(Key).GetAsync();
        if (store is not { Kind: StoreKind.Market })
            return [new MarketItemError("market", 0, MarketErrorCodes.UnknownMarket, $"market {Key}: no store of kind Market has this id")];
        if (string.IsNullOrWhiteSpace(definition.Name) || definition.Name.Length > 200 || string.IsNullOrWhiteSpace(definition.Organiser) || definition.Organiser.Length > 200)
            return [new MarketItemError("market", 0, MarketErrorCodes.InvalidField, $"market {Key}: a name and an organiser of 1..200 characters are required")];
        if (definition.EndsAt < definition.StartsAt)
            return [new MarketItemError("market", 0, MarketErrorCodes.EndsBeforeStart, $"market {Key}: the event ends at {definition.EndsAt:O}, before it starts at {definition.StartsAt:O}")];
        await ledger.DefineAsync(Key, definition, store.Place.Location, store.Place.WardCode);
        place = store.Place;
        totals ??= new MarketTotals(Key, 0, 0, 0, 0);
        await PublishAsync(new MarketChanged { EntityKind = MarketChanged.Kind, EntityId = Key, Location = place.Location, Totals = totals });
        return [];
    }

    public async Task<MarketBatchResult> JoinAsync(IReadOnlyList<RetailerJoin> joins)
    {
        ArgumentNullException.ThrowIfNull(joins);
        if (totals is null) return MarketBatchResult.Refused([Undefined()]);
        var now = clock.GetUtcNow();
        var errors = new List<MarketItemError>();
        if (joins.Count > MarketLimits.MaxBatch)
            return MarketBatchResult.Refused([new MarketItemError("batch", 0, MarketErrorCodes.TooMany, $"at most {MarketLimits.MaxBatch} retailers at once")]);
        for (var i = 0; i < joins.Count; i++)
        {
            if (MarketBatchValidator.JoinError(joins[i], now) is { } error)
            {
                errors.Add(new MarketItemError("retailer", i, error.Code, $"store {joins[i].StoreId}: {error.Message}"));
                continue;
            }
            var store = await GrainFactory.GetGrain<IStoreGrain>(joins[i].StoreId).GetAsync();
            if (store is not { Kind: StoreKind.Retailer } || store.MarketId != Key)
                errors.Add(new MarketItemError("retailer", i, MarketErrorCodes.UnknownStore, $"store {joins[i].StoreId} is not a retailer of market {Key}"));
        }
        if (errors.Count > 0) return MarketBatchResult.Refused(errors);
        var count = await ledger.JoinAsync(Key, joins);
        foreach (var join in joins) retailers.Add(join.StoreId);
        totals = totals with { RetailerCount = count };
        await PublishAsync(new MarketChanged { EntityKind = MarketChanged.Kind, EntityId = Key, Location = place?.Location, Totals = totals });
        return new MarketBatchResult(0, 0, 0, [], totals);
    }

    public async Task<MarketBatchResult> ApplyAsync(MarketBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (totals is null) return MarketBatchResult.Refused([Undefined()]);
        var now = clock.GetUtcNow();
        var errors = MarketBatchValidator.Validate(batch, retailers, sessions, now);
        if (errors.Count > 0) return MarketBatchResult.Refused(errors);
        var outcome = await MarketOrderLedger.ApplyAsync(ledger.DataSource, Key, batch, now);
        if (outcome.Errors.Count > 0) return MarketBatchResult.Refused(outcome.Errors);
        foreach (var session in batch.Sessions) sessions[session.SessionId] = session;
        // A batch of sessions alone returns the market row untouched by orders: keep the session count it recounted.
        totals = outcome.Totals;
        // The market's counter goes out first, straight after the commit: it is what the map and a flash sale's
        // dashboard watch, and it no longer waits behind one publish per changed session. Sessions of one batch are
        // distinct, so their updates may travel side by side; the next batch waits for all of them (the turn awaits).
        await PublishAsync(new MarketChanged { EntityKind = MarketChanged.Kind, EntityId = Key, Location = place?.Location, Totals = totals });
        if (outcome.ChangedSessions.Count > 0)
            await Task.WhenAll(outcome.ChangedSessions.Select(changed => PublishAsync(new SessionChanged
            {
                EntityKind = MarketChanged.Kind, EntityId = Key, Location = place?.Location, Totals = changed,
                Platform = sessions.TryGetValue(changed.SessionId, out var s) ? s.Platform : "",
            })));
        return new MarketBatchResult(outcome.Applied, outcome.Ignored, batch.Sessions.Count, [], totals);
    }

    public Task<MarketReconciliation> ReconcileAsync() => ledger.ReconcileAsync(Key, totals);

    private MarketItemError Undefined() =>
        new("market", 0, MarketErrorCodes.UnknownMarket, $"market {Key}: no market event is defined (defineMarketEvent first)");

    private async Task PublishAsync(TwinEvent domainEvent)
    {
        try
        {
            await stream!.OnNextAsync(domainEvent);
        }
        catch (Exception e)
        {
            PublishLog.PublishFailed(logger, e, domainEvent.GetType().Name, domainEvent.EntityKind, domainEvent.EntityId, TwinStreams.Markets);
        }
    }
}
