using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CityTwin.Graph.Auth;

/// <summary>One token bucket per API key id (<see cref="RateLimitOptions"/>), shared by the HTTP and WebSocket transports.</summary>
public sealed class ApiKeyRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public ApiKeyRateLimiter(IOptions<RateLimitOptions> options)
    {
        var settings = options.Value;
        if (settings.PermitsPerSecond <= 0) return;
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, settings.Burst),
            TokensPerPeriod = settings.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            AutoReplenishment = true,
            QueueLimit = 0,
        };
        _limiter = PartitionedRateLimiter.Create<string, string>(keyId => RateLimitPartition.GetTokenBucketLimiter(keyId, _ => bucket));
    }

    /// <summary>Takes one token for the key; false when its bucket is empty, with when to try again.</summary>
    public bool TryAcquire(TwinPrincipal principal, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (_limiter is null) return true;
        using var lease = _limiter.AttemptAcquire(principal.KeyId);
        if (lease.IsAcquired) return true;
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        return false;
    }

    public void Dispose() => _limiter?.Dispose();
}
