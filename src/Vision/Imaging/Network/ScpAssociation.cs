using System.Buffers.Binary;
using System.Net.Sockets;
using CityTwin.Vision.Imaging.Dicom;
using CityTwin.Vision.Imaging.Storage;
using Microsoft.Extensions.Logging;

namespace CityTwin.Vision.Imaging.Network;

/// <summary>
/// One association on one connection, from A-ASSOCIATE-RQ to release or abort: negotiation, P-DATA reassembly, C-ECHO
/// and C-STORE. Anything the peer gets wrong ends this association only; the listener keeps serving others.
/// </summary>
internal sealed partial class ScpAssociation(
    Stream stream,
    PeerTicket ticket,
    PeerAllowList allowList,
    ScpOptions options,
    ImagingOptions imaging,
    ImagingStore store,
    ClinicDirectory clinics,
    Find.StudyRootFind find,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>An A-ASSOCIATE-RQ larger than this is not a real one (128 contexts of long UIDs fit easily).</summary>
    private const int MaxAssociateRequestLength = 64 * 1024;

    private Dictionary<byte, PresentationContextResult> accepted = [];
    private string clinicId = "";
    private string callingAeTitle = "";

    /// <summary>Serves the connection until it ends, the peer misbehaves, or the association's lifetime runs out.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            byte type;
            byte[] body;
            using (var negotiating = CancellationTokenSource.CreateLinkedTokenSource(stopping, ticket.Dropped))
            {
                (type, body) = await ReadPduAsync(MaxAssociateRequestLength, options.AssociationRequestTimeout, negotiating.Token, "A-ASSOCIATE-RQ", stopping);
            }
            ticket.EndNegotiation();
            if (type != PduType.AssociateRequest) throw new DicomProtocolException($"expected A-ASSOCIATE-RQ, got PDU type 0x{type:X2}");
            if (!await NegotiateAsync(AssociateRequest.Parse(body), stopping)) return;
            using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            lifetime.CancelAfter(options.MaxAssociationDuration);
            await ServeAsync(lifetime.Token, stopping);
        }
        catch (DicomProtocolException e)
        {
            LogProtocolError(logger, callingAeTitle, e.Message);
            await TrySendAsync(PduWriter.Abort(0x00));
        }
        catch (TimeoutException e)
        {
            LogTimeout(logger, callingAeTitle, ticket.Peer.ToString(), e.Message);
            await TrySendAsync(PduWriter.Abort(0x00));
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or SocketException or ObjectDisposedException)
        {
            // The peer went away; whatever was partly received is dropped, never stored.
            LogConnectionLost(logger, callingAeTitle);
        }
    }

    private async Task<bool> NegotiateAsync(AssociateRequest request, CancellationToken stopping)
    {
        callingAeTitle = request.CallingAeTitle;
        var reject = await RejectionAsync(request, stopping);
        if (reject is not null)
        {
            LogRejected(logger, request.CallingAeTitle, request.CalledAeTitle, ticket.Peer.ToString(), reject[7], reject[8], reject[9]);
            await stream.WriteAsync(reject, stopping);
            return false;
        }
        var results = PresentationContextNegotiator.Negotiate(request.PresentationContexts);
        accepted = results.Where(r => r.Accepted).ToDictionary(r => r.Id);
        await stream.WriteAsync(PduWriter.AssociateAccept(request, results, options.MaxPduLength), stopping);
        LogAccepted(logger, request.CallingAeTitle, clinicId, accepted.Count, results.Count);
        return true;
    }

    /// <summary>
    /// The A-ASSOCIATE-RJ for this request, or null to accept it. A calling AE title from an address its clinic does not
    /// allow is answered exactly as an unknown title, so a stranger learns nothing about which titles exist.
    /// </summary>
    private async Task<byte[]?> RejectionAsync(AssociateRequest request, CancellationToken stopping)
    {
        if ((request.ProtocolVersion & 1) == 0) return PduWriter.AssociateReject(1, 2, 2);
        if (request.ApplicationContext != AssociateRequest.DicomApplicationContext) return PduWriter.AssociateReject(1, 1, 2);
        if (!string.Equals(request.CalledAeTitle, options.AeTitle, StringComparison.Ordinal)) return PduWriter.AssociateReject(1, 1, 7);
        string? clinic;
        try
        {
            clinic = await clinics.FindByAeTitleAsync(request.CallingAeTitle, stopping);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException
                                      || (e is OperationCanceledException && !stopping.IsCancellationRequested))
        {
            // The clinic list is unreachable (database down): a transient refusal tells the sender to retry later.
            LogDirectoryDown(logger, request.CallingAeTitle, e.Message);
            return PduWriter.AssociateReject(2, 3, 2);
        }
        if (clinic is null || !allowList.Allowed(clinic, ticket.Peer)) return PduWriter.AssociateReject(1, 1, 3);
        if (!ticket.TryTakeAssociation()) return PduWriter.AssociateReject(2, 3, 2);
        clinicId = clinic;
        return null;
    }

    private async Task ServeAsync(CancellationToken lifetime, CancellationToken stopping)
    {
        var message = new IncomingMessage(imaging.MaxInstanceBytes);
        var progress = new TransferProgress(time, options.PduTimeout, options.MinTransferRate);
        while (true)
        {
            var (type, body) = await ReadPduAsync(options.MaxPduLength, options.IdleTimeout, lifetime, "PDU", stopping);
            switch (type)
            {
                case PduType.Data:
                    progress.Received(body.Length);
                    foreach (var (contextId, control, fragment) in Pdvs(body))
                    {
                        if (!accepted.ContainsKey(contextId)) throw new DicomProtocolException($"PDV on presentation context {contextId}, which was not accepted");
                        if (message.Add(contextId, control, fragment, time.GetUtcNow()))
                        {
                            progress.MessageDone();
                            await RespondAsync(message, stopping);
                            message = new IncomingMessage(imaging.MaxInstanceBytes);
                        }
                    }
                    progress.ThrowIfTooSlow();
                    break;
                case PduType.ReleaseRequest:
                    await stream.WriteAsync(PduWriter.ReleaseResponse(), stopping);
                    return;
                case PduType.Abort:
                    LogAborted(logger, callingAeTitle);
                    return;
                default:
                    throw new DicomProtocolException($"unexpected PDU type 0x{type:X2} in an established association");
            }
        }
    }

    private async Task RespondAsync(IncomingMessage message, CancellationToken stopping)
    {
        var command = message.Command!;
        var context = accepted[message.ContextId];
        if (command.CommandField == Find.StudyRootFind.CFindRequest && context.AbstractSyntax == Find.StudyRootFind.SopClass)
        {
            await Find.FindResponses.SendAsync(stream, find, clinicId, command, message.ContextId, context.TransferSyntax, message.DataSet, stopping);
            return;
        }
        var (status, comment) = command.CommandField switch
        {
            DimseCommand.CEchoRequest => (DimseStatus.Success, null),
            DimseCommand.CStoreRequest => await StoreAsync(command, context, message, stopping),
            _ => (DimseStatus.UnrecognizedOperation, $"command 0x{command.CommandField:X4} is not served here"),
        };
        await stream.WriteAsync(PduWriter.CommandData(message.ContextId, command.Response(status, comment)), stopping);
    }

    private async Task<(ushort Status, string? Comment)> StoreAsync(DimseCommand command, PresentationContextResult context, IncomingMessage message, CancellationToken stopping)
    {
        if (context.AbstractSyntax == SopClasses.Verification || command.AffectedSopClassUid != context.AbstractSyntax)
            return (DimseStatus.SopClassNotSupported, $"SOP class {command.AffectedSopClassUid} not on context {context.Id}");
        if (message.Oversized)
            return Refuse(command, DimseStatus.OutOfResources, $"instance larger than the {imaging.MaxInstanceBytes}-byte limit");
        if (message.DataSet is not { } data) return Refuse(command, DimseStatus.CannotUnderstand, "C-STORE-RQ without a data set");
        var parsed = DicomReader.ReadDataset(data.GetBuffer(), (int)data.Length, TransferSyntax.ForReading(context.TransferSyntax), imaging.MaxInstanceBytes);
        if (parsed.Header is not { } header) return Refuse(command, DimseStatus.CannotUnderstand, parsed.Error!);
        if (header.SopClassUid != command.AffectedSopClassUid)
            return Refuse(command, DimseStatus.DataSetDoesNotMatchSopClass, $"data set is SOP class {header.SopClassUid}");
        if (!header.HasPixelData) return Refuse(command, DimseStatus.CannotUnderstand, DicomReader.NoPixelData);
        if (header.SopInstanceUid != command.AffectedSopInstanceUid)
            return Refuse(command, DimseStatus.CannotUnderstand, $"data set is SOP instance {header.SopInstanceUid}, not the one the command names");
        var meta = Part10Writer.Meta(header.SopClassUid, header.SopInstanceUid, context.TransferSyntax, callingAeTitle);
        var result = await store.StoreAsync(
            new IncomingInstance(clinicId, header, [meta, data.GetBuffer().AsMemory(0, (int)data.Length)], ReceiverSource.CStore, message.CompletedAt),
            stopping);
        return result.Status switch
        {
            _ when result.Acknowledged => (DimseStatus.Success, null),
            _ => Refuse(command, DimseStatus.OutOfResources, result.Error ?? "storage failed"),
        };
    }

    private (ushort, string?) Refuse(DimseCommand command, ushort status, string reason)
    {
        LogStoreRefused(logger, callingAeTitle, command.AffectedSopInstanceUid, status, reason);
        return (status, reason);
    }

    /// <summary>
    /// Reads one PDU: a 6-byte header (type, reserved, 4-byte length) and a body no longer than <paramref name="maxLength"/>.
    /// Its first byte must come within <paramref name="wait"/>, and the rest within <see cref="ScpOptions.PduTimeout"/> of
    /// it: the clock is not restarted by each byte, so a peer that trickles cannot keep its slot. <paramref name="bound"/>
    /// ends the wait early (the association's lifetime, or the gate dropping a connection still negotiating).
    /// </summary>
    private async Task<(byte Type, byte[] Body)> ReadPduAsync(int maxLength, TimeSpan wait, CancellationToken bound, string what, CancellationToken stopping)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(bound);
        timer.CancelAfter(wait);
        var phase = $"no {what} within {wait.TotalSeconds:0.#} s";
        try
        {
            var header = new byte[6];
            await stream.ReadExactlyAsync(header.AsMemory(0, 1), timer.Token);
            timer.CancelAfter(options.PduTimeout);
            phase = $"{what} not complete within {options.PduTimeout.TotalSeconds:0.#} s of its first byte";
            await stream.ReadExactlyAsync(header.AsMemory(1), timer.Token);
            var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(2));
            if (length > (uint)maxLength) throw new DicomProtocolException($"PDU of {length} bytes exceeds the {maxLength}-byte maximum");
            var body = new byte[length];
            await stream.ReadExactlyAsync(body, timer.Token);
            return (header[0], body);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            if (ticket.Dropped.IsCancellationRequested) throw new TimeoutException("dropped while negotiating, to make room for newer connections");
            if (bound.IsCancellationRequested) throw new TimeoutException($"association lifetime of {options.MaxAssociationDuration.TotalSeconds:0.#} s reached");
            throw new TimeoutException(phase);
        }
    }

    /// <summary>The PDVs of a P-DATA-TF body: 4-byte length, context id, message control header, fragment.</summary>
    private static IEnumerable<(byte ContextId, byte Control, ReadOnlyMemory<byte> Fragment)> Pdvs(byte[] body)
    {
        var position = 0;
        while (position < body.Length)
        {
            if (body.Length - position < 6) throw new DicomProtocolException("truncated PDV header");
            var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(position));
            if (length < 2 || length > (uint)(body.Length - position - 4)) throw new DicomProtocolException($"PDV length {length} does not fit its PDU");
            yield return (body[position + 4], body[position + 5], body.AsMemory(position + 6, (int)length - 2));
            position += 4 + (int)length;
        }
    }

    private async Task TrySendAsync(byte[] pdu)
    {
        try { await stream.WriteAsync(pdu); }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException) { }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DICOM association from {CallingAe} accepted for clinic {ClinicId}: {Accepted} of {Proposed} contexts")]
    private static partial void LogAccepted(ILogger logger, string callingAe, string clinicId, int accepted, int proposed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DICOM association from {CallingAe} at {Peer} to {CalledAe} rejected (result {Result}, source {Source}, reason {Reason})")]
    private static partial void LogRejected(ILogger logger, string callingAe, string calledAe, string peer, byte result, byte source, byte reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DICOM association from {CallingAe} refused for now: the clinic list is unreachable ({Reason})")]
    private static partial void LogDirectoryDown(ILogger logger, string callingAe, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DICOM association from {CallingAe} aborted: {Reason}")]
    private static partial void LogProtocolError(ILogger logger, string callingAe, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DICOM association from {CallingAe} at {Peer} aborted: {Reason}")]
    private static partial void LogTimeout(ILogger logger, string callingAe, string peer, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "DICOM association from {CallingAe}: connection lost")]
    private static partial void LogConnectionLost(ILogger logger, string callingAe);

    [LoggerMessage(Level = LogLevel.Information, Message = "DICOM association from {CallingAe} aborted by the peer")]
    private static partial void LogAborted(ILogger logger, string callingAe);

    [LoggerMessage(Level = LogLevel.Warning, Message = "C-STORE from {CallingAe} of {SopInstanceUid} refused with status 0x{Status:X4}: {Reason}")]
    private static partial void LogStoreRefused(ILogger logger, string callingAe, string sopInstanceUid, ushort status, string reason);
}
