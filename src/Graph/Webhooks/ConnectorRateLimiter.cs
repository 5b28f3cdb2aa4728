using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;

namespace CityTwin.Graph.Webhooks;

/// <summary>
/// The one rate limit of the signed webhooks: a token bucket per connector (<see cref="WebhookRateLimitOptions"/>), built
/// on the same System.Threading.RateLimiting buckets as the API keys' limit. Every refusal is counted on the meter
/// <see cref="MeterName"/> as <c>citytwin.webhooks.rate_limited</c>, tagged with the connector and the webhook's path.
/// </summary>
public sealed class ConnectorRateLimiter : IDisposable
{
    /// <summary>The meter the webhooks' counters are published on.</summary>
    public const string MeterName = "CityTwin.Webhooks";

    private readonly WebhookRateLimitOptions settings;
    private readonly PartitionedRateLimiter<string>? limiter;
    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> refused;

    public ConnectorRateLimiter(WebhookRateLimitOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
        refused = meter.CreateCounter<long>("citytwin.webhooks.rate_limited", "{request}", "Signed webhook requests refused with 429, by connector and webhook.");
        if (settings.RequestsPerSecond <= 0 && settings.Connectors.Values.All(c => c.RequestsPerSecond <= 0)) return;
        limiter = PartitionedRateLimiter.Create<string, string>(connector =>
        {
            var (perSecond, burst) = BudgetOf(connector);
            return perSecond <= 0
                ? RateLimitPartition.GetNoLimiter(connector)
                : RateLimitPartition.GetTokenBucketLimiter(connector, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    AutoReplenishment = true,
                    QueueLimit = 0,
                });
        });
    }

    /// <summary>Takes one request's token for <paramref name="connector"/>; false (and counted) when its bucket is empty.</summary>
    public bool TryAcquire(string connector, string webhookPath, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (limiter is null) return true;
        using var lease = limiter.AttemptAcquire(connector);
        if (lease.IsAcquired) return true;
        // One token comes back every 1/perSecond s; headers speak whole seconds, so round up to at least one.
        var (perSecond, _) = BudgetOf(connector);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero
            ? after
            : TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(1.0 / Math.Max(1, perSecond))));
        refused.Add(1, new KeyValuePair<string, object?>("connector", connector), new KeyValuePair<string, object?>("webhook", webhookPath));
        return false;
    }

    /// <summary>The connector's budget: its own where configured, else the defaults (zero or less: unlimited).</summary>
    public (int RequestsPerSecond, int Burst) BudgetOf(string connector) =>
        settings.Connectors.TryGetValue(connector, out var own) && own.RequestsPerSecond != 0
            ? (own.RequestsPerSecond, Math.Max(1, own.Burst))
            : (settings.RequestsPerSecond, Math.Max(1, settings.Burst));

    public void Dispose()
    {
        limiter?.Dispose();
        meter.Dispose();
    }
}
