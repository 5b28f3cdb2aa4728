using System.Buffers.Binary;
using System.Text;
using CityTwin.Vision.Imaging.Dicom;

namespace CityTwin.Vision.Imaging.Network;

/// <summary>Builds the PDUs the SCP sends (PS3.8 9.3); every multi-byte field of the Upper Layer is big endian.</summary>
internal static class PduWriter
{
    public static byte[] AssociateAccept(AssociateRequest request, IReadOnlyList<PresentationContextResult> contexts, int maxPduLength)
    {
        var body = new MemoryStream();
        body.Write([0x00, 0x01, 0x00, 0x00]);
        body.Write(AeField(request.CalledAeTitle));
        body.Write(AeField(request.CallingAeTitle));
        body.Write(request.Reserved);
        Item(body, 0x10, Encoding.ASCII.GetBytes(AssociateRequest.DicomApplicationContext));
        foreach (var context in contexts)
        {
            var value = new MemoryStream();
            value.Write([context.Id, 0x00, context.Result, 0x00]);
            Item(value, 0x40, Encoding.ASCII.GetBytes(context.TransferSyntax));
            Item(body, 0x21, value.ToArray());
        }
        var user = new MemoryStream();
        var max = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(max, (uint)maxPduLength);
        Item(user, 0x51, max);
        Item(user, 0x52, Encoding.ASCII.GetBytes(Part10Writer.ImplementationClassUid));
        Item(user, 0x55, Encoding.ASCII.GetBytes(Part10Writer.ImplementationVersionName));
        Item(body, 0x50, user.ToArray());
        return Pdu(PduType.AssociateAccept, body.ToArray());
    }

    /// <summary>A-ASSOCIATE-RJ: result 1 permanent / 2 transient; source 1 user, 2 ACSE provider, 3 presentation provider.</summary>
    public static byte[] AssociateReject(byte result, byte source, byte reason) => Pdu(PduType.AssociateReject, [0x00, result, source, reason]);

    public static byte[] ReleaseResponse() => Pdu(PduType.ReleaseResponse, [0, 0, 0, 0]);

    /// <summary>A-ABORT from the service provider (source 2) with a reason (0 not specified, 2 unrecognised PDU parameter...).</summary>
    public static byte[] Abort(byte reason) => Pdu(PduType.Abort, [0x00, 0x00, 0x02, reason]);

    /// <summary>A P-DATA-TF with one PDV holding a whole (small) command: message control header "command, last fragment".</summary>
    public static byte[] CommandData(byte contextId, byte[] command)
    {
        var body = new byte[6 + command.Length];
        BinaryPrimitives.WriteUInt32BigEndian(body, (uint)(command.Length + 2));
        body[4] = contextId;
        body[5] = 0x03;
        command.CopyTo(body, 6);
        return Pdu(PduType.Data, body);
    }

    /// <summary>A PDU: type, reserved byte, big-endian length, body (PS3.8 9.3). The SCU frames its PDUs with it too.</summary>
    public static byte[] Pdu(byte type, byte[] body)
    {
        var pdu = new byte[6 + body.Length];
        pdu[0] = type;
        BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(2), (uint)body.Length);
        body.CopyTo(pdu, 6);
        return pdu;
    }

    /// <summary>A variable item of an association PDU: type, reserved byte, big-endian 16-bit length, value.</summary>
    public static void Item(Stream output, byte type, byte[] value)
    {
        Span<byte> header = [type, 0, 0, 0];
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)value.Length);
        output.Write(header);
        output.Write(value);
    }

    /// <summary>An AE title field: 16 bytes, space padded.</summary>
    public static byte[] AeField(string title) => Encoding.ASCII.GetBytes(title.PadRight(16)[..16]);
}
