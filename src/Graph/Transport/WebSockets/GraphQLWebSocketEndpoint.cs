using CityTwin.Graph.Auth;
using CityTwin.Graph.Execution;
using Microsoft.Extensions.Options;

namespace CityTwin.Graph.Transport.WebSockets;

/// <summary>
/// Accepts WebSocket upgrades at <c>/graphql</c> and runs <c>graphql-transport-ws</c> on them. A client that does not
/// offer that sub-protocol (the legacy <c>graphql-ws</c> of subscriptions-transport-ws, or none) is accepted without one
/// and closed at once with 4406 "Subprotocol not acceptable", as graphql-ws's own server does: the client gets a code and
/// a reason, which a refused HTTP upgrade would not give a browser.
/// </summary>
public sealed class GraphQLWebSocketEndpoint(
    IGraphQLRunner runner,
    IApiKeyStore keys,
    ApiKeyRateLimiter rateLimiter,
    SocketLimiter sockets,
    IOptions<GraphQLWebSocketOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<GraphQLWebSocketEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var settings = options.Value;
        var offered = context.WebSockets.WebSocketRequestedProtocols.Contains(MessageType.SubProtocol, StringComparer.Ordinal);
        var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = offered ? MessageType.SubProtocol : null,
            KeepAliveInterval = settings.KeepAliveInterval,
            KeepAliveTimeout = settings.KeepAliveTimeout,
        });
        await using var channel = new WebSocketChannel(socket, settings, logger);
        // A stopping host says goodbye with 1001 instead of leaving clients to time out.
        await using var stopping = lifetime.ApplicationStopping.Register(
            () => channel.Close(MessageType.CloseCode.GoingAway, MessageType.CloseReason.ShuttingDown));
        if (!offered)
        {
            channel.Close(MessageType.CloseCode.SubprotocolNotAcceptable, MessageType.CloseReason.SubprotocolNotAcceptable);
            await channel.DrainAsync(context.RequestAborted);
            return;
        }
        using var addressSlot = sockets.TryOpenForAddress(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (addressSlot is null)
        {
            channel.Close(MessageType.CloseCode.TooManyRequests, MessageType.CloseReason.TooManySocketsFromAddress);
            await channel.DrainAsync(context.RequestAborted);
            return;
        }
        await new GraphQLWsConnection(channel, runner, keys, rateLimiter, sockets, settings, logger).RunAsync(context.RequestAborted);
    }
}
