namespace CityTwin.Graph.Transport.WebSockets;

/// <summary>
/// A message waiting in a socket's send queue. It renders to JSON only when its turn comes, on the socket's send loop,
/// so producers (the live fan-out) only enqueue, and a message whose operation the client stopped is dropped unsent.
/// </summary>
internal interface IOutgoingMessage
{
    /// <summary>The JSON text to send, or null when the message is no longer wanted.</summary>
    string? Render();
}
