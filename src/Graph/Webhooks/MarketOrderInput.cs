using CityTwin.Twin.Markets;

namespace CityTwin.Graph.Webhooks;

/// <summary>
/// An order event as a connector posts it or the market office sends it. The amount is read as a decimal so an amount
/// too large for a counter gets its own error code instead of failing the whole body's parsing.
/// </summary>
public sealed class MarketOrderInput
{
    public string? Platform { get; set; }
    public string? PlatformOrderId { get; set; }
    public string? SessionId { get; set; }
    public string? StoreId { get; set; }
    public decimal? AmountVnd { get; set; }
    public int? Items { get; set; }
    public DateTimeOffset? PlacedAt { get; set; }
    public OrderStatus? Status { get; set; }
    /// <summary>The platform's version of the order: grows with each change of it.</summary>
    public long? Version { get; set; }
    public string? BuyerPhone { get; set; }
}
