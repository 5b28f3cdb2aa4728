using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CityTwin.Bench.Fanout;

/// <summary>
/// One live map client: its own WebSocket speaking graphql-transport-ws (connection_init with the key, one
/// <c>sightings</c> subscription, scoped to its area or not), reading every message as fast as it arrives.
/// </summary>
public sealed class Subscriber(int index, MapArea? area, FanoutLedger ledger)
{
    private static readonly byte[] NextType = "\"type\":\"next\""u8.ToArray();
    private static readonly byte[] SeenAtProperty = "\"seenAt\":\""u8.ToArray();
    private static readonly byte[] ErrorType = "\"type\":\"error\""u8.ToArray();
    private static readonly byte[] CompleteType = "\"type\":\"complete\""u8.ToArray();

    private readonly ClientWebSocket socket = new();
    private long received;
    private long unexpected;

    public int Index { get; } = index;
    public MapArea? Area { get; } = area;
    public long Received => Interlocked.Read(ref received);

    /// <summary>Events outside this subscriber's area, or that no driver sent: a filtering bug if ever non-zero.</summary>
    public long Unexpected => Interlocked.Read(ref unexpected);

    /// <summary>Why the server ended the subscription or the socket, when it did.</summary>
    public string? Ended { get; private set; }

    public async Task ConnectAsync(Uri uri, string apiKey, CancellationToken cancellationToken)
    {
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(uri, cancellationToken);
        await SendAsync(JsonSerializer.Serialize(new { type = "connection_init", payload = new { authorization = $"Bearer {apiKey}" } }), cancellationToken);
        var buffer = new byte[4096];
        var ack = await socket.ReceiveAsync(buffer, cancellationToken);
        var text = Encoding.UTF8.GetString(buffer, 0, ack.Count);
        if (!text.Contains("\"connection_ack\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"subscriber {Index}: expected connection_ack, got {text} {socket.CloseStatusDescription}");
        var scope = Area is null ? "" : $"(bbox: {Area.ToGraphQL()})";
        var query = $"subscription {{ sightings{scope} {{ plate sightings {{ cameraId seenAt }} }} }}";
        await SendAsync(JsonSerializer.Serialize(new { id = $"s{Index}", type = "subscribe", payload = new { query } }), cancellationToken);
    }

    /// <summary>Reads until the socket closes or the token fires; each <c>next</c> is matched to the sighting it reports.</summary>
    public async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var length = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                var result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Ended = $"closed {(int?)socket.CloseStatus} {socket.CloseStatusDescription}";
                    return;
                }
                length += result.Count;
                if (!result.EndOfMessage) continue;
                OnMessage(buffer.AsSpan(0, length));
                length = 0;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (WebSocketException e)
        {
            Ended = $"socket error: {e.Message}";
        }
    }

    public async Task CloseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            if (socket.State == WebSocketState.Open)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bench done", timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
        socket.Dispose();
    }

    private void OnMessage(ReadOnlySpan<byte> message)
    {
        if (message.IndexOf(NextType) < 0)
        {
            if (message.IndexOf(ErrorType) >= 0 || message.IndexOf(CompleteType) >= 0)
                Ended = Encoding.UTF8.GetString(message);
            return;
        }
        // The event's own read time is the key the driver filed it under.
        var at = message.IndexOf(SeenAtProperty);
        if (at < 0 || !TryReadTimestamp(message[(at + SeenAtProperty.Length)..], out var seenAt) || !ledger.TryFind(seenAt, out var sent))
        {
            if (Interlocked.Increment(ref unexpected) == 1 && Index == 0) Console.WriteLine($"unmatched event: {Encoding.UTF8.GetString(message)}");
            return;
        }
        Interlocked.Increment(ref received);
        if (Area is not null && !Area.Contains(sent.Longitude, sent.Latitude)) Interlocked.Increment(ref unexpected);
        ledger.Delivered(sent);
    }

    /// <summary>
    /// Reads the ISO-8601 time the server writes (<c>2026-11-26T01:37:01.946+00:00</c>, fraction and offset optional)
    /// without allocating: at 40,000 messages a second the load generator must cost little next to the server.
    /// </summary>
    private static bool TryReadTimestamp(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        var end = text.IndexOf((byte)'"');
        if (end < 19) return false;
        var t = text[..end];
        if (!(Digits(t, 0, 4, out var year) && Digits(t, 5, 2, out var month) && Digits(t, 8, 2, out var day)
              && Digits(t, 11, 2, out var hour) && Digits(t, 14, 2, out var minute) && Digits(t, 17, 2, out var second)))
            return false;
        var at = 19;
        long ticks = 0;
        if (at < t.Length && t[at] == '.')
        {
            var scale = TimeSpan.TicksPerSecond / 10;
            for (at++; at < t.Length && t[at] is >= (byte)'0' and <= (byte)'9'; at++, scale /= 10) ticks += (t[at] - '0') * scale;
        }
        var offset = TimeSpan.Zero;
        if (at < t.Length && t[at] is (byte)'+' or (byte)'-')
        {
            if (!(Digits(t, at + 1, 2, out var oh) && Digits(t, at + 4, 2, out var om))) return false;
            offset = new TimeSpan(oh, om, 0) * (t[at] == '-' ? -1 : 1);
        }
        value = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(ticks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length) return false;
        for (var i = start; i < start + count; i++)
        {
            if (text[i] is < (byte)'0' or > (byte)'9') return false;
            value = value * 10 + (text[i] - '0');
        }
        return true;
    }

    private Task SendAsync(string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
}
