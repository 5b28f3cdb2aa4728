using System.Net;

namespace CityTwin.Vision.Imaging.Network;

/// <summary>
/// What one connection holds in the <see cref="ConnectionGate"/>: its place in the peer's count, while negotiating a
/// place among the pending connections, and once accepted an association slot. Disposing gives everything back.
/// </summary>
public sealed class PeerTicket : IDisposable
{
    private readonly ConnectionGate gate;
    private readonly CancellationTokenSource dropped = new();
    private bool association;
    private bool disposed;

    internal PeerTicket(ConnectionGate gate, IPAddress peer)
    {
        this.gate = gate;
        Peer = peer;
    }

    public IPAddress Peer { get; }

    /// <summary>Cancelled when the gate drops this connection to make room for a newer one that has not negotiated yet.</summary>
    public CancellationToken Dropped => dropped.Token;

    internal LinkedListNode<PeerTicket>? PendingNode { get; set; }

    /// <summary>The A-ASSOCIATE-RQ arrived: this connection is no longer one the gate may drop.</summary>
    public void EndNegotiation() => gate.EndNegotiation(this);

    /// <summary>Takes an association slot; false when all are taken.</summary>
    public bool TryTakeAssociation() => association = gate.TryTakeAssociation();

    internal void Drop()
    {
        try { dropped.Cancel(); }
        catch (ObjectDisposedException) { }
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        gate.Release(this, association);
        dropped.Dispose();
    }
}
