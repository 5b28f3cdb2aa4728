using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CityTwin.Graph.DicomWeb;

/// <summary>
/// Admission for STOW-RS requests: a token bucket per API key, and counts of requests in progress per key and overall.
/// A refusal says which limit was hit and when to try again, for a 429.
/// </summary>
public sealed class StowRsLimiter(IOptions<DicomWebOptions> options, TimeProvider time)
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, int> inProgress = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);
    private int total;

    /// <summary>A lease to dispose when the request ends, or the reason it is refused and a Retry-After in seconds.</summary>
    public (IDisposable? Lease, string? Refusal, int RetryAfterSeconds) TryEnter(string keyId)
    {
        var settings = options.Value;
        if (settings.RequestsPerMinutePerKey > 0)
        {
            var wait = buckets.GetOrAdd(keyId, _ => new Bucket(settings.RequestsPerMinutePerKey, time)).TryTake();
            if (wait > TimeSpan.Zero)
                return (null, $"more than {settings.RequestsPerMinutePerKey} STOW-RS requests a minute for this key", (int)Math.Ceiling(wait.TotalSeconds));
        }
        lock (sync)
        {
            var held = inProgress.GetValueOrDefault(keyId);
            if (held >= settings.MaxConcurrentRequestsPerKey)
                return (null, $"this key already has {held} STOW-RS requests in progress (at most {settings.MaxConcurrentRequestsPerKey})", 1);
            if (total >= settings.MaxConcurrentRequests)
                return (null, $"the server is storing {total} STOW-RS requests already (at most {settings.MaxConcurrentRequests})", 1);
            inProgress[keyId] = held + 1;
            total++;
        }
        return (new Lease(this, keyId), null, 0);
    }

    private void Leave(string keyId)
    {
        lock (sync)
        {
            total--;
            if (inProgress[keyId] > 1) inProgress[keyId]--;
            else inProgress.Remove(keyId);
        }
    }

    private sealed class Lease(StowRsLimiter limiter, string keyId) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) limiter.Leave(keyId);
        }
    }

    /// <summary>Holds up to a minute's requests, refilled continuously.</summary>
    private sealed class Bucket(int perMinute, TimeProvider time)
    {
        private readonly Lock sync = new();
        private double tokens = perMinute;
        private long last = time.GetTimestamp();

        /// <summary>Zero when a token was taken; otherwise how long until one is there.</summary>
        public TimeSpan TryTake()
        {
            lock (sync)
            {
                var now = time.GetTimestamp();
                tokens = Math.Min(perMinute, tokens + time.GetElapsedTime(last, now).TotalMinutes * perMinute);
                last = now;
                if (tokens >= 1)
                {
                    tokens -= 1;
                    return TimeSpan.Zero;
                }
                return TimeSpan.FromMinutes((1 - tokens) / perMinute);
            }
        }
    }
}
