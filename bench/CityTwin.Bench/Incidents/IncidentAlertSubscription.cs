using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace CityTwin.Bench.Incidents;

/// <summary>An incident alert as the map receives it, with the Stopwatch time it arrived.</summary>
public readonly record struct ArrivedIncident(string IncidentId, string Kind, string FirstCameraId, long ArrivedTicks);

/// <summary>An operator's graphql-transport-ws subscription to <c>INCIDENT_OPENED</c> alerts, as the map opens it.</summary>
public sealed class IncidentAlertSubscription : IAsyncDisposable
{
    private const string Subscription =
        "subscription { alerts(kinds: [INCIDENT_OPENED]) { ... on IncidentEvent { incidentId kind cameraIds area } } }";

    private readonly ClientWebSocket socket = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Action<ArrivedIncident> onAlert;
    private Task? receiving;

    private IncidentAlertSubscription(Action<ArrivedIncident> onAlert) => this.onAlert = onAlert;

    public static async Task<IncidentAlertSubscription> ConnectAsync(Uri baseUrl, string operatorKey, Action<ArrivedIncident> onAlert)
    {
        var subscription = new IncidentAlertSubscription(onAlert);
        subscription.socket.Options.AddSubProtocol("graphql-transport-ws");
        await subscription.socket.ConnectAsync(new Uri($"ws://{baseUrl.Authority}/graphql"), CancellationToken.None);
        await subscription.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {operatorKey}" } });
        var ack = await subscription.ReceiveAsync(CancellationToken.None);
        if (ack?.GetProperty("type").GetString() != "connection_ack") throw new InvalidOperationException($"no connection_ack: {ack}");
        await subscription.SendAsync(new { id = "incidents", type = "subscribe", payload = new { query = Subscription } });
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
            if (Environment.GetEnvironmentVariable("BENCH_TRACE_WS") is not null) Console.WriteLine($"ws {Stopwatch.GetTimestamp()}: {m.GetRawText()[..Math.Min(300, m.GetRawText().Length)]}");
            if (m.GetProperty("type").GetString() != "next") continue;
            var alert = m.GetProperty("payload").GetProperty("data").GetProperty("alerts");
            onAlert(new ArrivedIncident(alert.GetProperty("incidentId").GetString()!, alert.GetProperty("kind").GetString()!,
                alert.GetProperty("cameraIds")[0].GetString()!, arrived));
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
