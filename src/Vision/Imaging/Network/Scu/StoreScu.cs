using System.Buffers.Binary;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace CityTwin.Vision.Imaging.Network.Scu;

/// <summary>
/// A C-STORE SCU on the project's own Upper Layer code: connect, negotiate one context per SOP class and syntax, send
/// each instance and wait for its C-STORE-RSP, release. Only a response the peer sent counts as stored; every step has a
/// timeout, and a failure before all answers arrived is a <see cref="PacsException"/> saying whether to retry.
/// </summary>
public sealed partial class StoreScu(ILogger<StoreScu> logger)
{
    /// <summary>Status we report for an instance whose SOP class or syntax the peer refused at negotiation.</summary>
    public const ushort NotNegotiated = 0x0122;

    public async Task<IReadOnlyList<ScuStoreResult>> StoreAsync(PacsPeer peer, IReadOnlyList<ScuInstance> instances, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(instances);
        var contexts = instances.Select(i => (i.SopClassUid, i.TransferSyntaxUid)).Distinct()
            .Select((pair, index) => ((byte)(2 * index + 1), pair.SopClassUid, pair.TransferSyntaxUid)).ToList();
        if (contexts.Count > 128) throw new ArgumentException("at most 128 presentation contexts fit one association", nameof(instances));
        using var client = new TcpClient { NoDelay = true };
        await ConnectAsync(client, peer, cancellationToken);
        await using var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(ScuPdus.AssociateRequest(peer, contexts), cancellationToken);
            var (type, body) = await ReadPduAsync(stream, peer, cancellationToken);
            if (type == PduType.AssociateReject)
                throw new PacsException($"{Describe(peer)} rejected the association ({Rejection(body)})", transient: true);
            if (type != PduType.AssociateAccept) throw Unexpected(peer, type, "A-ASSOCIATE-AC");
            var accept = AssociateAccept.Parse(body);
            var results = new List<ScuStoreResult>(instances.Count);
            ushort messageId = 0;
            foreach (var instance in instances)
            {
                var id = contexts.First(c => c.SopClassUid == instance.SopClassUid && c.TransferSyntaxUid == instance.TransferSyntaxUid).Item1;
                if (!accept.Contexts.TryGetValue(id, out var answer) || answer.Result != 0)
                {
                    results.Add(new ScuStoreResult(instance.SopInstanceUid, NotNegotiated,
                        $"the PACS does not accept SOP class {instance.SopClassUid} in transfer syntax {instance.TransferSyntaxUid}"));
                    continue;
                }
                results.Add(await SendOneAsync(stream, peer, accept, id, ++messageId, instance, cancellationToken));
            }
            await ReleaseAsync(stream, peer, cancellationToken);
            return results;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await TryAbortAsync(stream);
            throw new PacsException($"{Describe(peer)} did not answer within {peer.ResponseTimeout.TotalSeconds:0.#} s", transient: true);
        }
        catch (DicomProtocolException e)
        {
            await TryAbortAsync(stream);
            throw new PacsException($"{Describe(peer)} broke the protocol: {e.Message}", transient: true, e);
        }
        catch (Exception e) when (e is IOException or SocketException or EndOfStreamException or ObjectDisposedException)
        {
            throw new PacsException($"connection to {Describe(peer)} lost: {e.Message}", transient: true, e);
        }
    }

    private static async Task ConnectAsync(TcpClient client, PacsPeer peer, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(peer.ConnectTimeout);
        try
        {
            await client.ConnectAsync(peer.Host, peer.Port, timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PacsException($"{Describe(peer)} did not accept a connection within {peer.ConnectTimeout.TotalSeconds:0.#} s", transient: true);
        }
        catch (SocketException e)
        {
            throw new PacsException($"{Describe(peer)} is unreachable: {e.SocketErrorCode}", transient: true, e);
        }
    }

    private async Task<ScuStoreResult> SendOneAsync(NetworkStream stream, PacsPeer peer, AssociateAccept accept, byte contextId, ushort messageId,
        ScuInstance instance, CancellationToken cancellationToken)
    {
        var command = CommandSet.StoreRequest(messageId, instance.SopClassUid, instance.SopInstanceUid);
        foreach (var pdu in ScuPdus.Data(contextId, command: true, command, accept.PeerMaxPduLength)) await stream.WriteAsync(pdu, cancellationToken);
        foreach (var pdu in ScuPdus.Data(contextId, command: false, instance.DataSet, accept.PeerMaxPduLength)) await stream.WriteAsync(pdu, cancellationToken);
        var response = await ReadCommandAsync(stream, peer, cancellationToken);
        if (CommandSet.ReadUShort(response, 0x0100) != 0x8001) throw new DicomProtocolException("expected a C-STORE-RSP");
        if (CommandSet.ReadUShort(response, 0x0120) != messageId) throw new DicomProtocolException("C-STORE-RSP answers another message");
        var status = CommandSet.ReadUShort(response, 0x0900) ?? throw new DicomProtocolException("C-STORE-RSP without a status");
        var result = new ScuStoreResult(instance.SopInstanceUid, status, CommandSet.ReadText(response, 0x0902));
        if (!result.Stored) LogRefused(logger, Describe(peer), instance.SopInstanceUid, result.Describe());
        return result;
    }

    /// <summary>Reads P-DATA-TF PDUs until a command's last fragment; a response carries no data set here.</summary>
    private static async Task<Dictionary<ushort, byte[]>> ReadCommandAsync(NetworkStream stream, PacsPeer peer, CancellationToken cancellationToken)
    {
        var command = new MemoryStream();
        while (true)
        {
            var (type, body) = await ReadPduAsync(stream, peer, cancellationToken);
            if (type == PduType.Abort) throw new PacsException($"{Describe(peer)} aborted the association", transient: true);
            if (type != PduType.Data) throw Unexpected(peer, type, "P-DATA-TF");
            for (var position = 0; position < body.Length;)
            {
                if (body.Length - position < 6) throw new DicomProtocolException("truncated PDV header");
                var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(position));
                if (length < 2 || length > (uint)(body.Length - position - 4)) throw new DicomProtocolException("PDV length does not fit its PDU");
                var control = body[position + 5];
                if ((control & 0x01) == 0) throw new DicomProtocolException("a data set where a response command was expected");
                command.Write(body, position + 6, (int)length - 2);
                position += 4 + (int)length;
                if ((control & 0x02) != 0) return CommandSet.Parse(command.ToArray());
            }
        }
    }

    private static async Task ReleaseAsync(NetworkStream stream, PacsPeer peer, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(ScuPdus.ReleaseRequest(), cancellationToken);
        var (type, _) = await ReadPduAsync(stream, peer, cancellationToken);
        if (type != PduType.ReleaseResponse) throw Unexpected(peer, type, "A-RELEASE-RP");
    }

    private static async Task<(byte Type, byte[] Body)> ReadPduAsync(NetworkStream stream, PacsPeer peer, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(peer.ResponseTimeout);
        var header = new byte[6];
        await stream.ReadExactlyAsync(header, timer.Token);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(2));
        if (length > (uint)Math.Max(peer.MaxPduLength, 64 * 1024)) throw new DicomProtocolException($"PDU of {length} bytes exceeds our maximum");
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, timer.Token);
        return (header[0], body);
    }

    private static async Task TryAbortAsync(NetworkStream stream)
    {
        try { await stream.WriteAsync(ScuPdus.Abort()); }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException) { }
    }

    /// <summary>PS3.8 9.3.4: result 1 permanent, 2 transient; source 1 user, 2 ACSE provider, 3 presentation provider.</summary>
    private static string Rejection(byte[] body)
    {
        if (body.Length < 4) return "no reason given";
        var (result, source, reason) = (body[1], body[2], body[3]);
        var why = (source, reason) switch
        {
            (1, 2) => "application context name not supported",
            (1, 3) => "calling AE title not recognised",
            (1, 7) => "called AE title not recognised",
            (2, 2) => "protocol version not supported",
            (3, 1) => "temporary congestion",
            (3, 2) => "local limit exceeded",
            _ => $"source {source}, reason {reason}",
        };
        return $"{(result == 2 ? "transient" : "permanent")}: {why}";
    }

    private static DicomProtocolException Unexpected(PacsPeer peer, byte type, string expected) =>
        new($"{Describe(peer)} sent PDU type 0x{type:X2} where {expected} was expected");

    private static string Describe(PacsPeer peer) => $"PACS {peer.CalledAeTitle}@{peer.Host}:{peer.Port}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Peer} refused {SopInstanceUid} with status {Status}")]
    private static partial void LogRefused(ILogger logger, string peer, string sopInstanceUid, string status);
}
