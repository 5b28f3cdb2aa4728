using System.Collections.Concurrent;
using CityTwin.Bench.Common;

namespace CityTwin.Bench.FrameToAlert;

/// <summary>Keeps the Stopwatch time each plate's first watchlist hit arrived on an operator's subscription.</summary>
public sealed class FrameAlertListener : IAsyncDisposable
{
    private WatchlistHitSubscription? subscription;

    /// <summary>Arrival (Stopwatch ticks) of the first alert per plate as displayed.</summary>
    public ConcurrentDictionary<string, (long Arrived, string CameraId, DateTimeOffset SeenAt)> Arrivals { get; } = new(StringComparer.Ordinal);

    public static async Task<FrameAlertListener> ConnectAsync(Uri baseUrl, string operatorKey)
    {
        var listener = new FrameAlertListener();
        listener.subscription = await WatchlistHitSubscription.ConnectAsync(baseUrl, operatorKey,
            hit => listener.Arrivals.TryAdd(hit.Plate, (hit.ArrivedTicks, hit.CameraId, hit.SeenAt)));
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        if (subscription is not null) await subscription.DisposeAsync();
    }
}
