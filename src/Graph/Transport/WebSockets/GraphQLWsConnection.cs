using CityTwin.Graph.Auth;
using CityTwin.Graph.Execution;
using GraphQL;

namespace CityTwin.Graph.Transport.WebSockets;

/// <summary>
/// The graphql-transport-ws state machine of one socket: awaiting <c>connection_init</c> (with its timeout), then
/// acknowledged. Messages are handled one at a time in arrival order; operations run concurrently in
/// <see cref="OperationSet"/>, so a slow query never delays a <c>ping</c> or a <c>complete</c>.
/// </summary>
internal sealed partial class GraphQLWsConnection(
    WebSocketChannel channel,
    IGraphQLRunner runner,
    IApiKeyStore keys,
    ApiKeyRateLimiter rateLimiter,
    SocketLimiter sockets,
    GraphQLWebSocketOptions options,
    ILogger logger)
{
    private readonly OperationSet _operations = new();
    private int _initReceived;
    private TwinPrincipal? _principal;
    private IDisposable? _keySlot;
    private Timer? _pings;

    public async Task RunAsync(CancellationToken aborted)
    {
        await using var initTimeout = new Timer(_ => CloseIfNotInitialised(), null, options.ConnectionInitTimeout, Timeout.InfiniteTimeSpan);
        // Armed on acknowledgement: only accepted connections are worth probing.
        await using var pings = _pings = new Timer(_ => channel.TrySend(ServerMessages.Ping));
        await using var stopOperations = channel.Closing.Register(_operations.StopAll);
        try
        {
            while (true)
            {
                var frame = await channel.ReceiveAsync(aborted);
                if (frame.Kind == ReceivedFrame.Kinds.Closed) break;
                // Once closing, the socket only waits for the peer's close frame.
                if (channel.IsClosing) continue;
                if (frame.Kind == ReceivedFrame.Kinds.TooBig)
                    channel.Close(MessageType.CloseCode.BadRequest, $"Invalid message: larger than {options.MaxMessageBytes} bytes");
                else
                    Handle(frame.Data);
            }
        }
        finally
        {
            _operations.StopAll();
            _keySlot?.Dispose();
        }
    }

    private void Handle(ReadOnlyMemory<byte> data)
    {
        var message = ClientMessageParser.TryParse(data, out var error);
        switch (message?.Type)
        {
            case null:
                channel.Close(MessageType.CloseCode.BadRequest, error);
                break;
            case MessageType.ConnectionInit:
                Initialise(message.Authorization);
                break;
            case MessageType.Ping:
                channel.TrySend(ServerMessages.Pong);
                break;
            case MessageType.Subscribe:
                Subscribe(message.Id!, message.Request!);
                break;
            case MessageType.Complete:
                _operations.Remove(message.Id!)?.StopByClient();
                break;
        }
    }

    private void Initialise(string? authorization)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
        {
            channel.Close(MessageType.CloseCode.TooManyRequests, MessageType.CloseReason.TooManyInitialisationRequests);
            return;
        }
        var principal = keys.Authenticate(authorization);
        if (principal is null)
        {
            channel.Close(MessageType.CloseCode.Forbidden, MessageType.CloseReason.Forbidden);
            return;
        }
        if (!rateLimiter.TryAcquire(principal, out _))
        {
            channel.Close(MessageType.CloseCode.TooManyRequests, MessageType.CloseReason.RateLimited);
            return;
        }
        if ((_keySlot = sockets.TryOpenForKey(principal.KeyId)) is null)
        {
            channel.Close(MessageType.CloseCode.TooManyRequests, MessageType.CloseReason.TooManySocketsForKey);
            return;
        }
        _principal = principal;
        channel.TrySend(ServerMessages.ConnectionAck);
        if (options.PingInterval is { } interval) _pings?.Change(interval, interval);
    }

    private void Subscribe(string id, GraphQLRequest request)
    {
        if (_principal is not { } principal)
        {
            channel.Close(MessageType.CloseCode.Unauthorized, MessageType.CloseReason.Unauthorized);
            return;
        }
        if (_operations.Contains(id))
        {
            channel.Close(MessageType.CloseCode.SubscriberAlreadyExists, MessageType.CloseReason.SubscriberAlreadyExists(id));
            return;
        }
        // Subscribing is cheap next to a request (events cost nothing more), so it draws on its own, larger bucket:
        // one partner backend may open its thousand subscriptions at once.
        if (!rateLimiter.TryAcquireSubscribe(principal))
        {
            channel.Close(MessageType.CloseCode.TooManyRequests, MessageType.CloseReason.RateLimited);
            return;
        }
        var operation = new RunningOperation(id, channel.Closing);
        if (_operations.Count >= options.MaxOperationsPerConnection)
        {
            channel.TrySend(ServerMessages.Error(operation, ErrorResults.Refused(GraphQLErrorCodes.TooManyOperations,
                $"This connection already runs {options.MaxOperationsPerConnection} operations; complete one first."), runner));
            operation.Dispose();
            return;
        }
        _operations.TryAdd(operation);
        // Off the receive loop: parsing and validating a large document must not delay the next message.
        _ = Task.Run(() => ExecuteAsync(operation, request, principal));
    }

    private async Task ExecuteAsync(RunningOperation operation, GraphQLRequest request, TwinPrincipal principal)
    {
        try
        {
            var result = await runner.ExecuteAsync(request, principal, operation.Cancellation);
            if (!result.Executed)
            {
                // Refused before execution (parse, validation, limits): the spec's `error`, with no `complete` after it.
                End(operation, ServerMessages.Error(operation, result, runner));
            }
            else if (result.Streams?.Values.FirstOrDefault() is { } stream)
            {
                operation.Attach(stream.Subscribe(new StreamForwarder(operation, this)));
            }
            else
            {
                SendNext(operation, result);
                CompleteOperation(operation);
            }
        }
        catch (OperationCanceledException) when (operation.Cancellation.IsCancellationRequested)
        {
            _operations.Remove(operation);
        }
        catch (Exception exception)
        {
            FailOperation(operation, exception);
        }
    }

    public void SendNext(RunningOperation operation, ExecutionResult result) =>
        channel.TrySend(ServerMessages.Next(operation, result, runner));

    public void CompleteOperation(RunningOperation operation) => End(operation, ServerMessages.Complete(operation));

    /// <summary>A stream or execution failed: errors GraphQL.NET already shaped go out as they are, others as an id.</summary>
    public void FailOperation(RunningOperation operation, Exception exception)
    {
        var error = exception as ExecutionError;
        if (error is null)
        {
            var errorId = ErrorResults.NewErrorId();
            LogOperationFailed(exception, errorId);
            error = new ExecutionError(ErrorResults.InternalMessage(errorId)) { Code = GraphQLErrorCodes.InternalServerError };
        }
        End(operation, ServerMessages.Error(operation, new ExecutionResult { Errors = [error] }, runner));
    }

    /// <summary>The id is freed before the last message is queued, so a client that reuses it on receipt is not refused.</summary>
    private void End(RunningOperation operation, IOutgoingMessage last)
    {
        if (!_operations.Remove(operation)) return;
        channel.TrySend(last);
        operation.Dispose();
    }

    private void CloseIfNotInitialised()
    {
        if (Volatile.Read(ref _initReceived) == 0)
            channel.Close(MessageType.CloseCode.ConnectionInitialisationTimeout, MessageType.CloseReason.ConnectionInitialisationTimeout);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL operation over WebSocket failed; error id {ErrorId}")]
    private partial void LogOperationFailed(Exception exception, string errorId);
}
