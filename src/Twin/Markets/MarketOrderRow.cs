namespace CityTwin.Twin.Markets;

/// <summary>The <c>market_orders</c> table: one row per (platform, platform order id), in its newest known state.</summary>
public sealed class MarketOrderRow
{
    public long Id { get; set; }
    public required string Platform { get; set; }
    public required string PlatformOrderId { get; set; }
    public required string MarketId { get; set; }
    public required string SessionId { get; set; }
    public required string StoreId { get; set; }
    public long AmountVnd { get; set; }
    public int Items { get; set; }
    public DateTimeOffset PlacedAt { get; set; }
    public OrderStatus Status { get; set; }
    /// <summary>The platform's version of the order; only a higher one replaces the row.</summary>
    public long Version { get; set; }
    public string? BuyerPhone { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
