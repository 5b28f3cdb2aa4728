using System.Collections.Concurrent;

namespace CityTwin.Graph.Webhooks;

/// <summary>
/// Remembers the signatures accepted within the replay window, so the same signed request is refused the second time.
/// Entries older than the window are swept as new ones arrive; a request older than the window is refused anyway.
/// </summary>
public sealed class SignatureReplayGuard(TimeProvider clock, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private long lastSweepTicks;

    /// <summary>True the first time a signature is offered; false for a replay.</summary>
    public bool TryRemember(string signature)
    {
        var now = clock.GetUtcNow();
        Sweep(now);
        return seen.TryAdd(signature, now + window + window);
    }

    /// <summary>Forgets a signature whose request was not stored, so the connector may send the same request again.</summary>
    public void Forget(string signature) => seen.TryRemove(signature, out _);

    private void Sweep(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref lastSweepTicks);
        if (now.UtcTicks - last < window.Ticks / 10 || Interlocked.CompareExchange(ref lastSweepTicks, now.UtcTicks, last) != last) return;
        foreach (var (signature, expires) in seen)
            if (expires < now) seen.TryRemove(signature, out _);
    }
}
