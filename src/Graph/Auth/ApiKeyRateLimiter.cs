using System.Threading.RateLimiting;
using CityTwin.Graph.Auth.AccessPolicy;
using Microsoft.Extensions.Options;

namespace CityTwin.Graph.Auth;

/// <summary>
/// One token bucket per API key id (<see cref="RateLimitOptions"/>, sized by the key's role), shared by the HTTP and
/// WebSocket transports, the plate-read webhook and the plate-lookup budget of GraphQL documents.
/// </summary>
public sealed class ApiKeyRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<TwinPrincipal>? _limiter;
    private readonly RateLimitOptions _settings;
    private readonly PartitionedRateLimiter<string>? _subscribes;

    public ApiKeyRateLimiter(IOptions<RateLimitOptions> options)
    {
        _settings = options.Value;
        if (_settings.PermitsPerSecond <= 0) return;
        if (_settings.SubscribesPerSecond > 0)
        {
            var subscribeBucket = new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, _settings.SubscribeBurst),
                TokensPerPeriod = _settings.SubscribesPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                AutoReplenishment = true,
                QueueLimit = 0,
            };
            _subscribes = PartitionedRateLimiter.Create<string, string>(keyId => RateLimitPartition.GetTokenBucketLimiter(keyId, _ => subscribeBucket));
        }
        _limiter = PartitionedRateLimiter.Create<TwinPrincipal, string>(principal =>
        {
            var (perSecond, burst) = BudgetOf(principal);
            return RateLimitPartition.GetTokenBucketLimiter(principal.KeyId, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                AutoReplenishment = true,
                QueueLimit = 0,
            });
        });
    }

    /// <summary>Whether keys are limited at all.</summary>
    public bool Enabled => _limiter is not null;

    /// <summary>Takes one token for the key; false when its bucket is empty, with when to try again.</summary>
    public bool TryAcquire(TwinPrincipal principal, out TimeSpan retryAfter) => TryAcquire(principal, 1, out retryAfter);

    /// <summary>
    /// Takes <paramref name="permits"/> tokens at once, or none: false when the bucket holds fewer (or is smaller than
    /// the request), with when to try again.
    /// </summary>
    public bool TryAcquire(TwinPrincipal principal, int permits, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (_limiter is null || permits <= 0) return true;
        var (perSecond, burst) = BudgetOf(principal);
        if (permits > burst)
        {
            retryAfter = TimeSpan.MaxValue;
            return false;
        }
        using var lease = _limiter.AttemptAcquire(principal, permits);
        if (lease.IsAcquired) return true;
        var missing = permits - State(principal).Remaining;
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
            ? after
            : TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((double)missing / perSecond)));
        return false;
    }

    /// <summary>Takes one token of the key's subscribe bucket; false when it is empty.</summary>
    public bool TryAcquireSubscribe(TwinPrincipal principal)
    {
        if (_subscribes is null) return true;
        using var lease = _subscribes.AttemptAcquire(principal.KeyId);
        return lease.IsAcquired;
    }

    /// <summary>The key's budget now, for the <c>RateLimit-*</c> headers.</summary>
    public RateLimitState State(TwinPrincipal principal)
    {
        var (perSecond, burst) = BudgetOf(principal);
        if (_limiter is null) return new RateLimitState(burst, burst, 0);
        var remaining = (int)Math.Max(0, _limiter.GetStatistics(principal)?.CurrentAvailablePermits ?? burst);
        return new RateLimitState(burst, remaining, (int)Math.Ceiling((double)(burst - remaining) / perSecond));
    }

    /// <summary>The key's bucket: its role's budget where one is configured, else the defaults.</summary>
    public (int PermitsPerSecond, int Burst) BudgetOf(TwinPrincipal principal) =>
        _settings.Roles.TryGetValue(Access.Name(principal.Role), out var role) && role.PermitsPerSecond > 0
            ? (role.PermitsPerSecond, Math.Max(1, role.Burst))
            : (Math.Max(1, _settings.PermitsPerSecond), Math.Max(1, _settings.Burst));

    public void Dispose()
    {
        _limiter?.Dispose();
        _subscribes?.Dispose();
    }
}
