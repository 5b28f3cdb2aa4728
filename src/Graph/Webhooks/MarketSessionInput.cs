namespace CityTwin.Graph.Webhooks;

/// <summary>A livestream session as a connector posts it (webhook JSON) or the market office sends it (GraphQL input).</summary>
public sealed class MarketSessionInput
{
    public string? SessionId { get; set; }
    public string? Platform { get; set; }
    public List<string>? HostStoreIds { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public int? PeakViewers { get; set; }
}
