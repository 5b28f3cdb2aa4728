namespace CityTwin.Twin.Markets;

/// <summary>
/// The outcome of a batch: with no errors, how many order events changed an order and how many were duplicates or
/// older than the stored state, and the market's totals after it; with errors, nothing was stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.MarketBatchResult")]
public sealed record MarketBatchResult(
    [property: Id(0)] int Applied,
    [property: Id(1)] int Ignored,
    [property: Id(2)] int Sessions,
    [property: Id(3)] IReadOnlyList<MarketItemError> Errors,
    [property: Id(4)] MarketTotals? Totals)
{
    public bool Accepted => Errors.Count == 0;

    public static MarketBatchResult Refused(IReadOnlyList<MarketItemError> errors) => new(0, 0, 0, errors, null);
}
