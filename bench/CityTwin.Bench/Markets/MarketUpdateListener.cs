using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CityTwin.Bench.Markets;

/// <summary>
/// An operator's <c>marketUpdates</c> subscription over graphql-transport-ws, as the map opens it: the Stopwatch time at
/// which each order count first arrived.
/// </summary>
public sealed class MarketUpdateListener : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly CancellationTokenSource stop = new();
    private Task? receiving;

    /// <summary>Order count → Stopwatch ticks when an update carrying it arrived.</summary>
    public ConcurrentDictionary<long, long> Arrivals { get; } = new();

    public static async Task<MarketUpdateListener> ConnectAsync(Uri baseUrl, string key, string marketId)
    {
        var listener = new MarketUpdateListener();
        listener.socket.Options.AddSubProtocol("graphql-transport-ws");
        await listener.socket.ConnectAsync(new Uri($"ws://{baseUrl.Authority}/graphql"), CancellationToken.None);
        await listener.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {key}" } });
        await listener.ReceiveAsync(CancellationToken.None);
        await listener.SendAsync(new
        {
            id = "m", type = "subscribe",
            payload = new { query = "subscription($id: ID) { marketUpdates(marketId: $id) { orderCount } }", variables = new { id = marketId } },
        });
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
            Arrivals.TryAdd(m.GetProperty("payload").GetProperty("data").GetProperty("marketUpdates").GetProperty("orderCount").GetInt64(), arrived);
        }
    }

    private Task SendAsync(object message) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    private async Task<JsonElement?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            text.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonDocument.Parse(Encoding.UTF8.GetString(text.ToArray())).RootElement.Clone();
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
