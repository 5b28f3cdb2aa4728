using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CityTwin.Graph.Map;

/// <summary>
/// One token bucket per client address for basemap queries: the layers are public (no key to limit), and each
/// uncached box costs a PostGIS query of up to half a second, so one address may not make the host query all day.
/// </summary>
public sealed class BasemapQueryLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? limiter;

    public BasemapQueryLimiter(IOptions<BasemapOptions> options)
    {
        var settings = options.Value;
        if (settings.QueriesPerSecondPerAddress <= 0) return;
        // Whole tokens per period: a fractional rate is spread over a longer period.
        var period = TimeSpan.FromSeconds(Math.Max(1, 1 / settings.QueriesPerSecondPerAddress));
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, settings.QueryBurstPerAddress),
            TokensPerPeriod = Math.Max(1, (int)Math.Round(settings.QueriesPerSecondPerAddress * period.TotalSeconds)),
            ReplenishmentPeriod = period,
            AutoReplenishment = true,
            QueueLimit = 0,
        };
        limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ => bucket));
    }

    /// <summary>Takes one query token for <paramref name="address"/>; false when its bucket is empty, with when to retry.</summary>
    public bool TryAcquire(string address, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (limiter is null) return true;
        using var lease = limiter.AttemptAcquire(address);
        if (lease.IsAcquired) return true;
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        return false;
    }

    public void Dispose() => limiter?.Dispose();
}
