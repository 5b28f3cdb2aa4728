namespace CityTwin.Twin.Markets;

/// <summary>The <c>market_sessions</c> table: a livestream session and its counters.</summary>
public sealed class MarketSessionRow
{
    public required string Id { get; set; }
    public required string MarketId { get; set; }
    public string Platform { get; set; } = "";
    public List<string> HostStoreIds { get; set; } = [];
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public int PeakViewers { get; set; }
    public long OrderCount { get; set; }
    public long RevenueVnd { get; set; }
}
