using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CityTwin.Graph.Transport;

namespace CityTwin.Graph.Tests.Transport.Support;

/// <summary>A graphql-transport-ws client written against the spec by hand, so tests can send anything, malformed included.</summary>
public sealed class RawWebSocketClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket;

    private RawWebSocketClient(ClientWebSocket socket) => _socket = socket;

    public ClientWebSocket Socket => _socket;

    public static async Task<RawWebSocketClient> ConnectAsync(Uri url, params string[] subProtocols)
    {
        var socket = new ClientWebSocket();
        foreach (var protocol in subProtocols.Length == 0 ? [MessageType.SubProtocol] : subProtocols)
            socket.Options.AddSubProtocol(protocol);
        await socket.ConnectAsync(url, CancellationToken.None);
        return new RawWebSocketClient(socket);
    }

    /// <summary>Connects, sends <c>connection_init</c> with the key and waits for <c>connection_ack</c>.</summary>
    public static async Task<RawWebSocketClient> ConnectAndInitAsync(Uri url, string key = TransportHost.OperatorKey)
    {
        var client = await ConnectAsync(url);
        await client.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {key}" } });
        var ack = await client.ReceiveAsync();
        Assert.Equal("connection_ack", ack.GetProperty("type").GetString());
        return client;
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SendTextAsync(string text) => SendBytesAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public Task SendBytesAsync(byte[] bytes, WebSocketMessageType type) =>
        _socket.SendAsync(bytes, type, endOfMessage: true, CancellationToken.None);

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    /// <summary>The next message; fails if the server closes instead or nothing comes in time.</summary>
    public async Task<JsonElement> ReceiveAsync(TimeSpan? wait = null)
    {
        var (message, close) = await ReadAsync(wait ?? DefaultWait);
        if (message is null) Assert.Fail($"Expected a message, but the server closed with {close.Code}: {close.Reason}");
        return message.Value;
    }

    /// <summary>Reads until the server closes, returning the close code and reason and the messages received before.</summary>
    public async Task<(int? Code, string? Reason, List<JsonElement> Messages)> ReceiveCloseAsync(TimeSpan? wait = null)
    {
        var messages = new List<JsonElement>();
        while (true)
        {
            var (message, close) = await ReadAsync(wait ?? DefaultWait);
            if (message is null) return (close.Code, close.Reason, messages);
            messages.Add(message.Value);
        }
    }

    /// <summary>Sends a ping and returns every message up to its pong: proof the server handled all that came before.</summary>
    public async Task<List<JsonElement>> RoundTripAsync()
    {
        await SendAsync(new { type = "ping" });
        var before = new List<JsonElement>();
        while (true)
        {
            var message = await ReceiveAsync();
            if (message.GetProperty("type").GetString() == "pong") return before;
            before.Add(message);
        }
    }

    private async Task<(JsonElement? Message, (int? Code, string? Reason) Close)> ReadAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer, timeout.Token);
            }
            catch (WebSocketException)
            {
                return (null, (null, "aborted"));
            }
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await AnswerCloseAsync();
                return (null, ((int?)_socket.CloseStatus, _socket.CloseStatusDescription));
            }
            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return (JsonDocument.Parse(text.ToArray()).RootElement.Clone(), default);
        }
    }

    /// <summary>Answers the server's close as browsers do, completing the handshake the server waits for.</summary>
    private async Task AnswerCloseAsync()
    {
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // The server already dropped the connection (it does after a 1007).
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The server is gone already; nothing to close.
            }
        }
        _socket.Dispose();
    }
}
