namespace CityTwin.Graph.Schema.Markets;

/// <summary>A retailer joining a market; with a name, a store not yet known is registered as a retailer of the market.</summary>
public sealed class RetailerJoinInput
{
    public string? StoreId { get; set; }
    public DateTimeOffset? JoinedAt { get; set; }
    public string? Name { get; set; }
    public double? Lon { get; set; }
    public double? Lat { get; set; }
}
