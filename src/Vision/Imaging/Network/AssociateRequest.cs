using System.Buffers.Binary;
using System.Text;

namespace CityTwin.Vision.Imaging.Network;

/// <summary>A parsed A-ASSOCIATE-RQ PDU (PS3.8 9.3.2): who calls whom, with which contexts and what PDU size.</summary>
public sealed record AssociateRequest(
    ushort ProtocolVersion,
    string CalledAeTitle,
    string CallingAeTitle,
    byte[] Reserved,
    string ApplicationContext,
    IReadOnlyList<PresentationContext> PresentationContexts,
    uint PeerMaxPduLength)
{
    public const string DicomApplicationContext = "1.2.840.10008.3.1.1.1";

    /// <summary>Parses the PDU body (after the 6-byte header), checking every item length against what remains.</summary>
    public static AssociateRequest Parse(byte[] body)
    {
        if (body.Length < 68) throw new DicomProtocolException("A-ASSOCIATE-RQ is shorter than its fixed fields");
        var version = BinaryPrimitives.ReadUInt16BigEndian(body);
        var called = AeTitle(body, 4);
        var calling = AeTitle(body, 20);
        var reserved = body[36..68];
        string? applicationContext = null;
        var contexts = new List<PresentationContext>();
        uint maxPdu = 0;
        foreach (var (type, value) in Items(body, 68))
        {
            switch (type)
            {
                case 0x10:
                    applicationContext = Uid(value);
                    break;
                case 0x20:
                    contexts.Add(ParseContext(value));
                    break;
                case 0x50:
                    foreach (var (subType, subValue) in Items(value, 0))
                    {
                        if (subType == 0x51 && subValue.Length == 4) maxPdu = BinaryPrimitives.ReadUInt32BigEndian(subValue);
                    }
                    break;
            }
        }
        return new AssociateRequest(version, called, calling, reserved, applicationContext ?? "", contexts, maxPdu);
    }

    private static PresentationContext ParseContext(byte[] value)
    {
        if (value.Length < 4) throw new DicomProtocolException("presentation context item is shorter than its fixed fields");
        string? abstractSyntax = null;
        var transferSyntaxes = new List<string>();
        foreach (var (type, sub) in Items(value, 4))
        {
            if (type == 0x30) abstractSyntax = Uid(sub);
            else if (type == 0x40) transferSyntaxes.Add(Uid(sub));
        }
        return new PresentationContext(value[0], abstractSyntax ?? "", transferSyntaxes);
    }

    /// <summary>Items and sub-items share one layout: type, reserved byte, 2-byte big-endian length, value.</summary>
    private static IEnumerable<(byte Type, byte[] Value)> Items(byte[] data, int position)
    {
        while (position < data.Length)
        {
            if (data.Length - position < 4) throw new DicomProtocolException($"truncated item header at offset {position}");
            var type = data[position];
            var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(position + 2));
            position += 4;
            if (length > data.Length - position) throw new DicomProtocolException($"item 0x{type:X2} declares {length} bytes but {data.Length - position} remain");
            yield return (type, data[position..(position + length)]);
            position += length;
        }
    }

    private static string AeTitle(byte[] body, int offset) => Encoding.ASCII.GetString(body, offset, 16).Trim(' ', '\0');

    private static string Uid(byte[] value) => Encoding.ASCII.GetString(value).TrimEnd('\0', ' ');
}
