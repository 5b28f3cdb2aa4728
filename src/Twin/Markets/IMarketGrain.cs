namespace CityTwin.Twin.Markets;

/// <summary>
/// A market's online event: its retailers, livestream sessions and orders, and the live totals. Key: the market's store
/// id. The one writer of its market's rows, so counters move in one order; storage is the truth and the grain's totals
/// are what the last committed transaction returned.
/// </summary>
[Alias("CityTwin.IMarketGrain")]
public interface IMarketGrain : IGrainWithStringKey
{
    /// <summary>The live totals, or null while no event is defined for this market.</summary>
    [Alias("GetTotals")] Task<MarketTotals?> GetTotalsAsync();

    /// <summary>Creates or updates the market's event; errors name what was refused and nothing is stored then.</summary>
    [Alias("Define")] Task<IReadOnlyList<MarketItemError>> DefineAsync(MarketEventDefinition definition);

    /// <summary>Records retailers joining, all or nothing.</summary>
    [Alias("Join")] Task<MarketBatchResult> JoinAsync(IReadOnlyList<RetailerJoin> joins);

    /// <summary>Applies sessions and order events, all or nothing; idempotent per platform and order id and version.</summary>
    [Alias("Apply")] Task<MarketBatchResult> ApplyAsync(MarketBatch batch);

    /// <summary>The live totals against the stored counters against a count over the stored orders.</summary>
    [Alias("Reconcile")] Task<MarketReconciliation> ReconcileAsync();
}
