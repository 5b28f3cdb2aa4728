namespace CityTwin.Graph.Transport.WebSockets;

/// <summary>graphql-transport-ws settings (configuration section <c>CityTwin:GraphQL:WebSocket</c>).</summary>
public sealed class GraphQLWebSocketOptions
{
    public const string Section = "CityTwin:GraphQL:WebSocket";

    /// <summary>How long a new socket may wait before <c>connection_init</c>; then it is closed with 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest message a client may send, in bytes; a larger one closes the socket with 4400.</summary>
    public int MaxMessageBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Messages that may wait to be sent on one socket. A client that lets the queue fill is closed with 1013, so a
    /// slow reader costs at most this many messages of memory and never slows the others.
    /// </summary>
    public int SendQueueCapacity { get; set; } = 512;

    /// <summary>Sockets one API key may hold open; one more is closed with 4429 after <c>connection_init</c>.</summary>
    public int MaxSocketsPerKey { get; set; } = 50;

    /// <summary>Sockets one client address may hold open, acknowledged or not; one more is closed with 4429 at once.</summary>
    public int MaxSocketsPerAddress { get; set; } = 200;

    /// <summary>Operations (queries, mutations, subscriptions) one socket may run at once.</summary>
    public int MaxOperationsPerConnection { get; set; } = 100;

    /// <summary>Interval of WebSocket ping frames (RFC 6455 keep-alive, answered by every client's WebSocket stack).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A socket whose peer has not answered a keep-alive ping within this time is dropped.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Interval of protocol <c>ping</c> messages from the server; null sends none (the keep-alive frames suffice).</summary>
    public TimeSpan? PingInterval { get; set; }

    /// <summary>How long a closing socket may take to flush its queue and send the close frame before it is aborted.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
