namespace CityTwin.Twin.Markets;

/// <summary>A market's live totals: retailers joined, sessions, counted orders and their revenue.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.MarketTotals")]
public sealed record MarketTotals(
    [property: Id(0)] string MarketId,
    [property: Id(1)] int RetailerCount,
    [property: Id(2)] int SessionCount,
    [property: Id(3)] long OrderCount,
    [property: Id(4)] long RevenueVnd);
