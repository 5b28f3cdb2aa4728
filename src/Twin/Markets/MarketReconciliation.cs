namespace CityTwin.Twin.Markets;

/// <summary>
/// The counters of a market checked against the stored orders: the grain's live totals, the stored counters and a count
/// over <c>market_orders</c>; per-session and per-store counters too. <see cref="Exact"/> when nothing differs.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.MarketReconciliation")]
public sealed record MarketReconciliation(
    [property: Id(0)] string MarketId,
    [property: Id(1)] bool Exact,
    [property: Id(2)] MarketTotals? Live,
    [property: Id(3)] MarketTotals? Stored,
    [property: Id(4)] long OrdersInTable,
    [property: Id(5)] long RevenueInTable,
    [property: Id(6)] IReadOnlyList<string> Mismatches);
