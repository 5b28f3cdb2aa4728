namespace CityTwin.Graph.Auth;

/// <summary>
/// Per-key budgets (configuration section <c>CityTwin:GraphQL:RateLimit</c>): a token bucket per API key. Every HTTP
/// request, every WebSocket <c>connection_init</c> and every <c>subscribe</c> takes one token, and every plate lookup in a
/// document one more; events delivered on a running subscription take none. <see cref="Roles"/> gives a role its own
/// budget (e.g. partners less than operators).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "CityTwin:GraphQL:RateLimit";

    /// <summary>Tokens added per second; zero or less turns rate limiting off (load tests that share one key).</summary>
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>The bucket's size: how many requests a key may make at once after being idle.</summary>
    public int Burst { get; set; } = 500;

    /// <summary>
    /// <c>subscribe</c> messages a key may send per second, from their own bucket (a subscription costs its events, not
    /// its start; sockets per key bound how many run at once). Zero or less: subscribes are not rate limited.
    /// </summary>
    public int SubscribesPerSecond { get; set; } = 200;

    /// <summary>The subscribe bucket's size: a partner backend opening 1,000 subscriptions at start-up fits.</summary>
    public int SubscribeBurst { get; set; } = 2000;

    /// <summary>Budgets by role name (<c>operator</c>, <c>partner</c>...), replacing the defaults above for keys of that role.</summary>
    public Dictionary<string, RoleBudget> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>One role's bucket.</summary>
    public sealed class RoleBudget
    {
        public int PermitsPerSecond { get; set; }

        public int Burst { get; set; }
    }
}
