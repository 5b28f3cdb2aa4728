using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace CityTwin.Graph.Transport.WebSockets;

/// <summary>
/// The socket layer of one connection: reads whole messages up to a size limit, and sends through an ordered, bounded
/// queue drained by a single send loop. It knows nothing of GraphQL. When the queue overflows the socket is closed with
/// 1013; a close frame waits behind the messages queued before it, and a peer that never lets it through is aborted
/// after <see cref="GraphQLWebSocketOptions.CloseTimeout"/>.
/// </summary>
internal sealed partial class WebSocketChannel : IAsyncDisposable
{
    private const int InitialReceiveBuffer = 4 * 1024;
    private const int ShrinkAbove = 64 * 1024;
    private readonly WebSocket _socket;
    private readonly GraphQLWebSocketOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<IOutgoingMessage> _queue;
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _sendLoop;
    private byte[] _receiveBuffer = new byte[InitialReceiveBuffer];
    private int _closeStarted;
    // Messages written and not yet taken by the send loop: the bound of the queue, kept by hand.
    private int _queued;
    private volatile bool _discardQueued;
    private (int Code, string Reason) _close = (MessageType.CloseCode.NormalClosure, "");
    private Timer? _abortTimer;

    public WebSocketChannel(WebSocket socket, GraphQLWebSocketOptions options, ILogger logger)
    {
        _socket = socket;
        _options = options;
        _logger = logger;
        // Unbounded with a counted bound rather than a bounded channel: the bounded one takes a lock on every write and
        // read, and the producers (subscriptions) and this socket's send loop then contend on it at every message.
        _queue = Channel.CreateUnbounded<IOutgoingMessage>(new UnboundedChannelOptions { SingleReader = true });
        _sendLoop = Task.Run(SendLoopAsync);
    }

    /// <summary>Cancelled once the socket starts closing, whoever started it; running operations stop on it.</summary>
    public CancellationToken Closing => _closing.Token;

    public bool IsClosing => Volatile.Read(ref _closeStarted) == 1;

    /// <summary>Queues a message without waiting. False when closing, or when the queue is full, which closes the socket.</summary>
    public bool TrySend(IOutgoingMessage message)
    {
        if (IsClosing) return false;
        if (Interlocked.Increment(ref _queued) <= _options.SendQueueCapacity && _queue.Writer.TryWrite(message)) return true;
        Interlocked.Decrement(ref _queued);
        if (!IsClosing)
        {
            LogSlowConsumer(_options.SendQueueCapacity);
            Close(MessageType.CloseCode.TryAgainLater, MessageType.CloseReason.SlowConsumer, discardQueued: true);
        }
        return false;
    }

    /// <summary>Starts closing (once): the close frame follows the queued messages, or replaces them when discarding.</summary>
    public void Close(int code, string reason, bool discardQueued = false)
    {
        if (Interlocked.Exchange(ref _closeStarted, 1) == 1) return;
        _close = (code, FitCloseReason(reason));
        _discardQueued = discardQueued;
        _queue.Writer.TryComplete();
        _abortTimer = new Timer(_ => _socket.Abort(), null, _options.CloseTimeout, Timeout.InfiniteTimeSpan);
        LogClosing(code, reason);
        // Off this thread: the caller may be a subscription's OnNext, which cancellation callbacks would dispose.
        ThreadPool.UnsafeQueueUserWorkItem(static cts => cts.Cancel(), _closing, preferLocal: false);
    }

    /// <summary>Reads the next whole message; the data stays valid until the next call.</summary>
    public async ValueTask<ReceivedFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        // One large message must not pin a large buffer for the socket's lifetime (thousands of sockets stay open).
        if (_receiveBuffer.Length > ShrinkAbove) _receiveBuffer = new byte[InitialReceiveBuffer];
        var length = 0;
        try
        {
            while (true)
            {
                if (length == _receiveBuffer.Length)
                {
                    if (length > _options.MaxMessageBytes) return ReceivedFrame.TooBig;
                    Array.Resize(ref _receiveBuffer, Math.Min(_receiveBuffer.Length * 2, _options.MaxMessageBytes + 1));
                }
                var result = await _socket.ReceiveAsync(_receiveBuffer.AsMemory(length), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close) return ReceivedFrame.Closed;
                length += result.Count;
                if (length > _options.MaxMessageBytes) return ReceivedFrame.TooBig;
                if (result.EndOfMessage) return new ReceivedFrame(ReceivedFrame.Kinds.Message, _receiveBuffer.AsMemory(0, length));
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            return ReceivedFrame.Closed;
        }
    }

    /// <summary>Reads and ignores messages until the peer closes or the socket is aborted.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while ((await ReceiveAsync(cancellationToken)).Kind != ReceivedFrame.Kinds.Closed)
        {
        }
    }

    private async Task SendLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(InitialReceiveBuffer);
        try
        {
            await foreach (var message in _queue.Reader.ReadAllAsync())
            {
                Interlocked.Decrement(ref _queued);
                if (_discardQueued) break;
                var json = message.Render();
                if (json is null) continue;
                buffer.ResetWrittenCount();
                Encoding.UTF8.GetBytes(json, buffer);
                await _socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await _socket.CloseOutputAsync((WebSocketCloseStatus)_close.Code, _close.Reason, CancellationToken.None);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away or the close timed out and aborted the socket: nothing is left to send to.
        }
        catch (Exception exception)
        {
            LogSendFailed(exception);
            Close(MessageType.CloseCode.InternalError, MessageType.CloseReason.InternalError, discardQueued: true);
            _socket.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Close(MessageType.CloseCode.NormalClosure, "", discardQueued: true);
        await _sendLoop;
        if (_abortTimer is not null) await _abortTimer.DisposeAsync();
        // _closing is not disposed: its queued Cancel may still run, and without timers it holds nothing to free.
        _socket.Dispose();
    }

    /// <summary>RFC 6455 allows 123 bytes of close reason; longer reasons are cut on a character boundary.</summary>
    private static string FitCloseReason(string reason)
    {
        const int maxBytes = 123;
        if (Encoding.UTF8.GetByteCount(reason) <= maxBytes) return reason;
        var length = reason.Length;
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > maxBytes - 3) length--;
        if (length > 0 && char.IsHighSurrogate(reason[length - 1])) length--;
        return reason[..length] + "...";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSocket client too slow: {Capacity} messages queued; closing with 1013")]
    private partial void LogSlowConsumer(int capacity);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing WebSocket with {Code}: {Reason}")]
    private partial void LogClosing(int code, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rendering or sending a WebSocket message failed; closing with 1011")]
    private partial void LogSendFailed(Exception exception);
}
