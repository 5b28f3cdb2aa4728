using System.Collections.Concurrent;
using CityTwin.Bench.Common;
using CityTwin.Bench.Sightings;

namespace CityTwin.Bench.PlateReads;

/// <summary>
/// Read-to-alert latency on an operator's <c>alerts</c> subscription: each watched read is registered (plate + camera +
/// seen-at) with the Stopwatch time its HTTP call started; the matching alert's arrival closes the sample.
/// </summary>
public sealed class AlertListener : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> pending = new(StringComparer.Ordinal);
    private WatchlistHitSubscription? subscription;

    /// <summary>Read-to-alert latencies since <see cref="StartMeasuring"/> (or since connecting).</summary>
    public LatencyHistogram Latency { get; private set; } = new();

    /// <summary>Starts a fresh histogram: what the warm-up measured is left out.</summary>
    public void StartMeasuring() => Latency = new LatencyHistogram();

    /// <summary>Alerts that matched no registered read (a read of an earlier phase, or a duplicate).</summary>
    public long Unmatched;

    /// <summary>Watched reads still waiting for their alert.</summary>
    public int Pending => pending.Count;

    public static async Task<AlertListener> ConnectAsync(Uri graphql, string operatorKey)
    {
        var listener = new AlertListener();
        listener.subscription = await WatchlistHitSubscription.ConnectAsync(graphql, operatorKey, listener.OnHit);
        return listener;
    }

    /// <summary>The key that ties a read to its alert: the alert carries the plate as displayed, the camera and seenAt.</summary>
    public static string KeyOf(string displayPlate, string cameraId, DateTimeOffset seenAt) =>
        $"{displayPlate}|{cameraId}|{seenAt.ToUniversalTime().UtcTicks / TimeSpan.TicksPerMillisecond}";

    public void Expect(string key, long sentAtTicks) => pending[key] = sentAtTicks;

    /// <summary>Drops a read whose call failed: no alert will come for it.</summary>
    public void Forget(string key) => pending.TryRemove(key, out _);

    public async ValueTask DisposeAsync()
    {
        if (subscription is not null) await subscription.DisposeAsync();
    }

    private void OnHit(ArrivedHit hit)
    {
        if (pending.TryRemove(KeyOf(hit.Plate, hit.CameraId, hit.SeenAt), out var sent)) Latency.Record(hit.ArrivedTicks - sent);
        else Interlocked.Increment(ref Unmatched);
    }
}
