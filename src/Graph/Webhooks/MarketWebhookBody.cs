namespace CityTwin.Graph.Webhooks;

/// <summary>The webhook's JSON body: <c>{"marketId": "...", "sessions": [...], "orders": [...]}</c>.</summary>
public sealed class MarketWebhookBody
{
    public string? MarketId { get; set; }
    public List<MarketSessionInput?>? Sessions { get; set; }
    public List<MarketOrderInput?>? Orders { get; set; }
}
