using System.Net;

namespace CityTwin.Vision.Imaging.Network;

/// <summary>
/// Counts what the SCP's connections hold, so no peer can take what others need: connections per source address,
/// connections still negotiating (the oldest is dropped when there are too many), and association slots.
/// </summary>
public sealed class ConnectionGate(ScpOptions options)
{
    private readonly Lock sync = new();
    private readonly Dictionary<IPAddress, int> perPeer = [];
    private readonly LinkedList<PeerTicket> pending = [];
    private int associations;

    /// <summary>Associations being served now.</summary>
    public int Associations
    {
        get { lock (sync) return associations; }
    }

    /// <summary>A ticket for a new connection from <paramref name="peer"/>, or null when that address holds its limit already.</summary>
    public PeerTicket? TryOpen(IPAddress peer)
    {
        PeerTicket? dropped = null;
        PeerTicket ticket;
        lock (sync)
        {
            var held = perPeer.GetValueOrDefault(peer);
            if (held >= options.MaxConnectionsPerPeer) return null;
            perPeer[peer] = held + 1;
            ticket = new PeerTicket(this, peer);
            ticket.PendingNode = pending.AddLast(ticket);
            if (pending.Count > options.MaxPendingConnections)
            {
                dropped = pending.First!.Value;
                pending.RemoveFirst();
                dropped.PendingNode = null;
            }
        }
        dropped?.Drop();
        return ticket;
    }

    internal void EndNegotiation(PeerTicket ticket)
    {
        lock (sync)
        {
            if (ticket.PendingNode is { } node) pending.Remove(node);
            ticket.PendingNode = null;
        }
    }

    internal bool TryTakeAssociation()
    {
        lock (sync)
        {
            if (associations >= options.MaxAssociations) return false;
            associations++;
            return true;
        }
    }

    internal void Release(PeerTicket ticket, bool heldAssociation)
    {
        lock (sync)
        {
            if (ticket.PendingNode is { } node) pending.Remove(node);
            ticket.PendingNode = null;
            if (heldAssociation) associations--;
            if (perPeer.TryGetValue(ticket.Peer, out var held) && held > 1) perPeer[ticket.Peer] = held - 1;
            else perPeer.Remove(ticket.Peer);
        }
    }
}
