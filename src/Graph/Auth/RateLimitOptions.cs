namespace CityTwin.Graph.Auth;

/// <summary>
/// Per-key request rates (configuration section <c>CityTwin:GraphQL:RateLimit</c>): a token bucket per API key. Every
/// HTTP request, every WebSocket <c>connection_init</c> and every <c>subscribe</c> takes one token; events delivered on
/// a running subscription take none.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "CityTwin:GraphQL:RateLimit";

    /// <summary>Tokens added per second; zero or less turns rate limiting off (load tests that share one key).</summary>
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>The bucket's size: how many requests a key may make at once after being idle.</summary>
    public int Burst { get; set; } = 500;
}
