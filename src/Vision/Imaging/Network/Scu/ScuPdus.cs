using System.Buffers.Binary;
using System.Text;
using CityTwin.Vision.Imaging.Dicom;

namespace CityTwin.Vision.Imaging.Network.Scu;

/// <summary>The PDUs an association requester sends (PS3.8 9.3); Upper Layer fields are big endian.</summary>
internal static class ScuPdus
{
    /// <summary>A-ASSOCIATE-RQ proposing each (abstract syntax, transfer syntax) pair on its own odd context id.</summary>
    public static byte[] AssociateRequest(PacsPeer peer, IReadOnlyList<(byte Id, string AbstractSyntax, string TransferSyntax)> contexts)
    {
        var body = new MemoryStream();
        body.Write([0x00, 0x01, 0x00, 0x00]);
        body.Write(PduWriter.AeField(peer.CalledAeTitle));
        body.Write(PduWriter.AeField(peer.CallingAeTitle));
        body.Write(new byte[32]);
        PduWriter.Item(body, 0x10, Encoding.ASCII.GetBytes(Network.AssociateRequest.DicomApplicationContext));
        foreach (var (id, abstractSyntax, transferSyntax) in contexts)
        {
            var value = new MemoryStream();
            value.Write([id, 0x00, 0x00, 0x00]);
            PduWriter.Item(value, 0x30, Encoding.ASCII.GetBytes(abstractSyntax));
            PduWriter.Item(value, 0x40, Encoding.ASCII.GetBytes(transferSyntax));
            PduWriter.Item(body, 0x20, value.ToArray());
        }
        var user = new MemoryStream();
        var max = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(max, (uint)peer.MaxPduLength);
        PduWriter.Item(user, 0x51, max);
        PduWriter.Item(user, 0x52, Encoding.ASCII.GetBytes(Part10Writer.ImplementationClassUid));
        PduWriter.Item(user, 0x55, Encoding.ASCII.GetBytes(Part10Writer.ImplementationVersionName));
        PduWriter.Item(body, 0x50, user.ToArray());
        return PduWriter.Pdu(PduType.AssociateRequest, body.ToArray());
    }

    public static byte[] ReleaseRequest() => PduWriter.Pdu(PduType.ReleaseRequest, [0, 0, 0, 0]);

    /// <summary>A-ABORT from the service user (source 0).</summary>
    public static byte[] Abort() => PduWriter.Pdu(PduType.Abort, [0, 0, 0, 0]);

    /// <summary>
    /// P-DATA-TF PDUs carrying <paramref name="payload"/> in fragments that fit the peer's maximum PDU length (0: no
    /// limit stated, so a moderate size is used); the last fragment is flagged.
    /// </summary>
    public static IEnumerable<byte[]> Data(byte contextId, bool command, ReadOnlyMemory<byte> payload, uint peerMaxPdu)
    {
        // 6 bytes of PDV header (length, context, control) inside the PDU body; keep the fragment even.
        var limit = peerMaxPdu is 0 or > 1024 * 1024 ? 256 * 1024 : (int)peerMaxPdu;
        var fragment = Math.Max(2, (limit - 6) & ~1);
        var offset = 0;
        do
        {
            var length = Math.Min(fragment, payload.Length - offset);
            var last = offset + length >= payload.Length;
            var pdu = new byte[6 + 6 + length];
            pdu[0] = PduType.Data;
            BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(2), (uint)(6 + length));
            BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(6), (uint)(2 + length));
            pdu[10] = contextId;
            pdu[11] = (byte)((command ? 0x01 : 0x00) | (last ? 0x02 : 0x00));
            payload.Span.Slice(offset, length).CopyTo(pdu.AsSpan(12));
            yield return pdu;
            offset += length;
        }
        while (offset < payload.Length);
    }
}
