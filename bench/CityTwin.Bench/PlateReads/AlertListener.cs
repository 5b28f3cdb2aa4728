using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using CityTwin.Bench.Sightings;

namespace CityTwin.Bench.PlateReads;

/// <summary>
/// An operator's graphql-transport-ws subscription to <c>alerts</c>, as the map client opens it. Each watched read is
/// registered (plate + camera + seen-at) with the Stopwatch time its HTTP call started; the matching alert's arrival
/// closes the sample.
/// </summary>
public sealed class AlertListener : IAsyncDisposable
{
    private const string Subscription =
        "subscription { alerts(kinds: [WATCHLIST_HIT]) { ... on WatchlistHitAlert { plate cameraId seenAt } } }";

    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentDictionary<string, long> pending = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private Task? receiving;

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
        listener.socket.Options.AddSubProtocol("graphql-transport-ws");
        await listener.socket.ConnectAsync(new Uri($"ws://{graphql.Authority}/graphql"), CancellationToken.None);
        await listener.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {operatorKey}" } });
        var ack = await listener.ReceiveAsync(CancellationToken.None);
        if (ack?.GetProperty("type").GetString() != "connection_ack") throw new InvalidOperationException($"no connection_ack: {ack}");
        await listener.SendAsync(new { id = "alerts", type = "subscribe", payload = new { query = Subscription } });
        listener.receiving = Task.Run(listener.ReceiveLoopAsync);
        return listener;
    }

    /// <summary>The key that ties a read to its alert: the alert carries the plate as displayed, the camera and seenAt.</summary>
    public static string KeyOf(string displayPlate, string cameraId, DateTimeOffset seenAt) =>
        $"{displayPlate}|{cameraId}|{seenAt.ToUniversalTime().UtcTicks / TimeSpan.TicksPerMillisecond}";

    public void Expect(string key, long sentAtTicks) => pending[key] = sentAtTicks;

    /// <summary>Drops a read whose call failed: no alert will come for it.</summary>
    public void Forget(string key) => pending.TryRemove(key, out _);

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
            var key = KeyOf(alert.GetProperty("plate").GetString()!, alert.GetProperty("cameraId").GetString()!,
                alert.GetProperty("seenAt").GetDateTimeOffset());
            if (pending.TryRemove(key, out var sent)) Latency.Record(arrived - sent);
            else Interlocked.Increment(ref Unmatched);
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
