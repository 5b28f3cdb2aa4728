namespace CityTwin.Twin.Markets;

/// <summary>The <c>market_retailers</c> table: who joined a market, when, and what it sold there.</summary>
public sealed class MarketRetailerRow
{
    public required string MarketId { get; set; }
    public required string StoreId { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    public long OrderCount { get; set; }
    public long RevenueVnd { get; set; }
}
