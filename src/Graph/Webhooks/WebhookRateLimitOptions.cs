namespace CityTwin.Graph.Webhooks;

/// <summary>
/// Request budgets of the signed webhooks (section <c>CityTwin:Markets:Webhook:RateLimit</c>): a token bucket per
/// connector, shared by the market-orders and classroom webhooks. Only requests whose signature checks out take a token,
/// so a forger who knows a connector's name cannot spend its budget.
/// </summary>
public sealed class WebhookRateLimitOptions
{
    /// <summary>
    /// Requests a connector may post per second; zero or less turns the limit off. 50 leaves room for a 5,000 order
    /// events/s flash sale in batches of 100 or more.
    /// </summary>
    public int RequestsPerSecond { get; set; } = 50;

    /// <summary>The bucket's size: how many requests a connector may post at once after being idle.</summary>
    public int Burst { get; set; } = 200;

    /// <summary>Budgets by connector id, replacing the defaults above for that connector.</summary>
    public Dictionary<string, ConnectorBudget> Connectors { get; set; } = new(StringComparer.Ordinal);

    /// <summary>One connector's bucket.</summary>
    public sealed class ConnectorBudget
    {
        public int RequestsPerSecond { get; set; }

        public int Burst { get; set; }
    }
}
