using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace CityTwin.Bench.FrameToAlert;

/// <summary>
/// An operator's graphql-transport-ws subscription to <c>watchlistHit</c> alerts, as the map client opens it; keeps the
/// Stopwatch time each plate's first alert arrived.
/// </summary>
public sealed class FrameAlertListener : IAsyncDisposable
{
    private const string Subscription =
        "subscription { alerts(kinds: [WATCHLIST_HIT]) { ... on WatchlistHitAlert { plate cameraId seenAt } } }";

    private readonly ClientWebSocket socket = new();
    private readonly CancellationTokenSource stop = new();
    private Task? receiving;

    /// <summary>Arrival (Stopwatch ticks) of the first alert per plate as displayed.</summary>
    public ConcurrentDictionary<string, (long Arrived, string CameraId, DateTimeOffset SeenAt)> Arrivals { get; } = new(StringComparer.Ordinal);

    public static async Task<FrameAlertListener> ConnectAsync(Uri baseUrl, string operatorKey)
    {
        var listener = new FrameAlertListener();
        listener.socket.Options.AddSubProtocol("graphql-transport-ws");
        await listener.socket.ConnectAsync(new Uri($"ws://{baseUrl.Authority}/graphql"), CancellationToken.None);
        await listener.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {operatorKey}" } });
        var ack = await listener.ReceiveAsync(CancellationToken.None);
        if (ack?.GetProperty("type").GetString() != "connection_ack") throw new InvalidOperationException($"no connection_ack: {ack}");
        await listener.SendAsync(new { id = "alerts", type = "subscribe", payload = new { query = Subscription } });
        // The pong proves the subscription is in place before the first frame is played.
        await listener.SendAsync(new { type = "ping" });
        while ((await listener.ReceiveAsync(CancellationToken.None))?.GetProperty("type").GetString() is { } type && type != "pong")
        {
        }
        listener.receiving = Task.Run(listener.ReceiveLoopAsync);
        return listener;
    }

    private async Task ReceiveLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            JsonElement? message;
            try
            {
                message = await ReceiveAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                return;
            }
            if (message is not { } m) return;
            var arrived = Stopwatch.GetTimestamp();
            if (m.GetProperty("type").GetString() != "next") continue;
            var alert = m.GetProperty("payload").GetProperty("data").GetProperty("alerts");
            Arrivals.TryAdd(alert.GetProperty("plate").GetString()!,
                (arrived, alert.GetProperty("cameraId").GetString()!, alert.GetProperty("seenAt").GetDateTimeOffset()));
        }
    }

    private Task SendAsync(object message) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    private async Task<JsonElement?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var text = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return JsonDocument.Parse(text.ToArray()).RootElement.Clone();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException)
        {
            // The host may already be stopping.
        }
        if (receiving is not null) await receiving.WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { }, TaskScheduler.Default);
        socket.Dispose();
        stop.Dispose();
    }
}
