namespace CityTwin.Graph.Transport.WebSockets;

/// <summary>What one read from the socket produced: a whole message, the peer's close, or a message over the size limit.</summary>
internal readonly record struct ReceivedFrame(ReceivedFrame.Kinds Kind, ReadOnlyMemory<byte> Data)
{
    public enum Kinds
    {
        Message,
        Closed,
        TooBig,
    }

    public static ReceivedFrame Closed => new(Kinds.Closed, default);
    public static ReceivedFrame TooBig => new(Kinds.TooBig, default);
}
