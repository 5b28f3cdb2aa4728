using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace CityTwin.Bench.Common;

/// <summary>A watchlist hit as an operator's map receives it, with the Stopwatch time it arrived.</summary>
public readonly record struct ArrivedHit(string Plate, string CameraId, DateTimeOffset SeenAt, long ArrivedTicks);

/// <summary>
/// An operator's graphql-transport-ws subscription to <c>watchlistHit</c> alerts, as the map client opens it; every
/// hit is handed to the owner the moment it arrives. The benchmarks that time alerts share it.
/// </summary>
public sealed class WatchlistHitSubscription : IAsyncDisposable
{
    private const string Subscription =
        "subscription { alerts(kinds: [WATCHLIST_HIT]) { ... on WatchlistHitAlert { plate cameraId seenAt } } }";

    private readonly ClientWebSocket socket = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Action<ArrivedHit> onHit;
    private Task? receiving;

    private WatchlistHitSubscription(Action<ArrivedHit> onHit) => this.onHit = onHit;

    /// <summary>Connects, subscribes, and returns once the server has answered a ping after the subscribe.</summary>
    public static async Task<WatchlistHitSubscription> ConnectAsync(Uri baseUrl, string operatorKey, Action<ArrivedHit> onHit)
    {
        var subscription = new WatchlistHitSubscription(onHit);
        subscription.socket.Options.AddSubProtocol("graphql-transport-ws");
        await subscription.socket.ConnectAsync(new Uri($"ws://{baseUrl.Authority}/graphql"), CancellationToken.None);
        await subscription.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {operatorKey}" } });
        var ack = await subscription.ReceiveAsync(CancellationToken.None);
        if (ack?.GetProperty("type").GetString() != "connection_ack") throw new InvalidOperationException($"no connection_ack: {ack}");
        await subscription.SendAsync(new { id = "alerts", type = "subscribe", payload = new { query = Subscription } });
        // Messages are handled in order: the pong proves the subscription is in place before any load starts.
        await subscription.SendAsync(new { type = "ping" });
        while ((await subscription.ReceiveAsync(CancellationToken.None))?.GetProperty("type").GetString() is { } type && type != "pong")
        {
        }
        subscription.receiving = Task.Run(subscription.ReceiveLoopAsync);
        return subscription;
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
            onHit(new ArrivedHit(alert.GetProperty("plate").GetString()!, alert.GetProperty("cameraId").GetString()!,
                alert.GetProperty("seenAt").GetDateTimeOffset(), arrived));
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
}
