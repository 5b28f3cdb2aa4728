using System.Net.WebSockets;
using System.Text.Json;

namespace CityTwin.Bench.Imaging;

/// <summary>A reading as the clinic's map receives it on <c>imagingResults</c>, with the wall-clock time it arrived.</summary>
public readonly record struct ArrivedResult(string StudyInstanceUid, DateTimeOffset ReceivedAt, double TurnaroundMs, bool Clinical, string ModelName, DateTimeOffset ArrivedAt);

/// <summary>A clinic key's graphql-transport-ws subscription to <c>imagingResults</c>; each result is handed over as it arrives.</summary>
public sealed class ImagingResultSubscription : IAsyncDisposable
{
    private const string Subscription = "subscription { imagingResults { studyInstanceUid receivedAt turnaroundMs clinical modelName } }";

    private readonly ClientWebSocket socket = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Action<ArrivedResult> onResult;
    private Task? receiving;

    private ImagingResultSubscription(Action<ArrivedResult> onResult) => this.onResult = onResult;

    /// <summary>Connects, subscribes, and returns once the server has answered a ping after the subscribe.</summary>
    public static async Task<ImagingResultSubscription> ConnectAsync(Uri baseUrl, string clinicKey, Action<ArrivedResult> onResult)
    {
        var subscription = new ImagingResultSubscription(onResult);
        subscription.socket.Options.AddSubProtocol("graphql-transport-ws");
        await subscription.socket.ConnectAsync(new Uri($"ws://{baseUrl.Authority}/graphql"), CancellationToken.None);
        await subscription.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {clinicKey}" } });
        var ack = await subscription.ReceiveAsync(CancellationToken.None);
        if (ack?.GetProperty("type").GetString() != "connection_ack") throw new InvalidOperationException($"no connection_ack: {ack}");
        await subscription.SendAsync(new { id = "results", type = "subscribe", payload = new { query = Subscription } });
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
            var arrived = DateTimeOffset.UtcNow;
            if (m.GetProperty("type").GetString() != "next")
            {
                Console.Error.WriteLine($"subscription: {m}");
                continue;
            }
            var r = m.GetProperty("payload").GetProperty("data").GetProperty("imagingResults");
            onResult(new ArrivedResult(r.GetProperty("studyInstanceUid").GetString()!, r.GetProperty("receivedAt").GetDateTimeOffset(),
                r.GetProperty("turnaroundMs").GetDouble(), r.GetProperty("clinical").GetBoolean(), r.GetProperty("modelName").GetString()!, arrived));
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
