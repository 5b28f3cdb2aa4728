namespace CityTwin.Graph.Webhooks;

/// <summary>The market webhook's settings (configuration section <c>CityTwin:Markets:Webhook</c>).</summary>
public sealed class MarketWebhookOptions
{
    public const string Section = "CityTwin:Markets:Webhook";

    /// <summary>Environment variable naming the connectors file when <see cref="ConnectorsFile"/> is not configured.</summary>
    public const string ConnectorsFileVariable = "CITYTWIN_CONNECTORS_FILE";

    /// <summary>
    /// JSON file of connector id → secret, <c>{"dev-connector": "SECRET"}</c>. Unset: <c>CITYTWIN_CONNECTORS_FILE</c>, then
    /// <c>.data/dev-connectors.json</c> beside the development keys (written by <c>./run</c>).
    /// </summary>
    public string? ConnectorsFile { get; set; }

    /// <summary>More connectors: id → secret.</summary>
    public Dictionary<string, string> Connectors { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How far a request's timestamp may be from the host's clock, either way; a signature is remembered this long.</summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest body in bytes; larger ones get 413 unread (2,000 order events are about 600 kB).</summary>
    public int MaxBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Requests per connector and second, for both signed webhooks (429 with Retry-After past it).</summary>
    public WebhookRateLimitOptions RateLimit { get; set; } = new();
}
