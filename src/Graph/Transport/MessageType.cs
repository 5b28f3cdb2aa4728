namespace CityTwin.Graph.Transport;

/// <summary>
/// The <c>graphql-transport-ws</c> sub-protocol: its message types and the close codes this server uses.
/// Spec: https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md ("GraphQL over WebSocket Protocol").
/// Every message is a JSON object with <c>type</c>, and optionally <c>id</c> and <c>payload</c>.
/// </summary>
public static class MessageType
{
    /// <summary>The only sub-protocol accepted at <c>/graphql</c>.</summary>
    public const string SubProtocol = "graphql-transport-ws";

    /// <summary>Client → server, once, first: asks for a connection; <c>payload.authorization</c> carries "Bearer KEY".</summary>
    public const string ConnectionInit = "connection_init";

    /// <summary>Server → client: the connection is accepted; operations may follow.</summary>
    public const string ConnectionAck = "connection_ack";

    /// <summary>Either direction, at any time: the receiver answers with <see cref="Pong"/> as soon as possible.</summary>
    public const string Ping = "ping";

    /// <summary>Either direction: the answer to <see cref="Ping"/>, or a one-way heartbeat.</summary>
    public const string Pong = "pong";

    /// <summary>Client → server: runs the operation in <c>payload</c> under a unique <c>id</c>.</summary>
    public const string Subscribe = "subscribe";

    /// <summary>Server → client: one execution result of the operation <c>id</c>.</summary>
    public const string Next = "next";

    /// <summary>Server → client: the operation <c>id</c> failed (payload: GraphQL errors); nothing follows for it.</summary>
    public const string Error = "error";

    /// <summary>Server → client: the operation ended. Client → server: stop the operation, send nothing more for it.</summary>
    public const string Complete = "complete";

    /// <summary>Close codes with the reasons the spec words them with; 1xxx codes come from RFC 6455 §7.4.1.</summary>
    public static class CloseCode
    {
        /// <summary>The socket ends normally (the spec's client closes with it; so does the server on shutdown of a socket).</summary>
        public const int NormalClosure = 1000;

        /// <summary>The server is shutting down; graphql-ws clients retry.</summary>
        public const int GoingAway = 1001;

        /// <summary>An unexpected server failure; the details are logged, never sent.</summary>
        public const int InternalError = 1011;

        /// <summary>The client reads slower than the server produces and its bounded send queue overflowed; clients may retry later.</summary>
        public const int TryAgainLater = 1013;

        /// <summary>"4400: &lt;error-message&gt;": a message of a type or format the spec does not define.</summary>
        public const int BadRequest = 4400;

        /// <summary>"4401: Unauthorized": <c>subscribe</c> before the server acknowledged the connection.</summary>
        public const int Unauthorized = 4401;

        /// <summary>"4403: Forbidden": the server refuses <c>connection_init</c> (missing or unknown API key).</summary>
        public const int Forbidden = 4403;

        /// <summary>"4406: Subprotocol not acceptable": the client did not offer <see cref="SubProtocol"/> (as graphql-ws's own server does).</summary>
        public const int SubprotocolNotAcceptable = 4406;

        /// <summary>"4408: Connection initialisation timeout": no <c>connection_init</c> in time.</summary>
        public const int ConnectionInitialisationTimeout = 4408;

        /// <summary>"4409: Subscriber for &lt;id&gt; already exists": a <c>subscribe</c> reused the id of a running operation.</summary>
        public const int SubscriberAlreadyExists = 4409;

        /// <summary>"4429: Too many initialisation requests"; this server also closes with it when a key exceeds its rate limit.</summary>
        public const int TooManyRequests = 4429;
    }

    /// <summary>The close reasons as the spec words them (a reason is at most 123 UTF-8 bytes).</summary>
    public static class CloseReason
    {
        public const string Unauthorized = "Unauthorized";
        public const string Forbidden = "Forbidden";
        public const string SubprotocolNotAcceptable = "Subprotocol not acceptable";
        public const string ConnectionInitialisationTimeout = "Connection initialisation timeout";
        public const string TooManyInitialisationRequests = "Too many initialisation requests";
        public const string RateLimited = "Rate limit exceeded for this API key";
        public const string TooManySocketsForKey = "Too many sockets for this API key";
        public const string TooManySocketsFromAddress = "Too many sockets from this address";
        public const string SlowConsumer = "Send queue full: the client reads too slowly";
        public const string InternalError = "Internal server error";
        public const string ShuttingDown = "Server shutting down";

        /// <summary>"Subscriber for &lt;id&gt; already exists".</summary>
        public static string SubscriberAlreadyExists(string id) => $"Subscriber for {id} already exists";
    }
}
