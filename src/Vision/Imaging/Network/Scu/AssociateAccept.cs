using System.Buffers.Binary;
using System.Text;

namespace CityTwin.Vision.Imaging.Network.Scu;

/// <summary>A parsed A-ASSOCIATE-AC (PS3.8 9.3.3): the result per proposed context and the peer's maximum PDU length.</summary>
internal sealed record AssociateAccept(IReadOnlyDictionary<byte, (byte Result, string TransferSyntax)> Contexts, uint PeerMaxPduLength)
{
    public static AssociateAccept Parse(byte[] body)
    {
        if (body.Length < 68) throw new DicomProtocolException("A-ASSOCIATE-AC is shorter than its fixed fields");
        var contexts = new Dictionary<byte, (byte, string)>();
        uint maxPdu = 0;
        foreach (var (type, value) in Items(body, 68))
        {
            if (type == 0x21 && value.Length >= 4)
            {
                var syntax = Items(value, 4).Where(i => i.Type == 0x40).Select(i => Encoding.ASCII.GetString(i.Value).TrimEnd('\0', ' ')).FirstOrDefault() ?? "";
                contexts[value[0]] = (value[2], syntax);
            }
            else if (type == 0x50)
            {
                foreach (var (subType, subValue) in Items(value, 0))
                    if (subType == 0x51 && subValue.Length == 4) maxPdu = BinaryPrimitives.ReadUInt32BigEndian(subValue);
            }
        }
        return new AssociateAccept(contexts, maxPdu);
    }

    private static List<(byte Type, byte[] Value)> Items(byte[] data, int position)
    {
        var items = new List<(byte, byte[])>();
        while (position < data.Length)
        {
            if (data.Length - position < 4) throw new DicomProtocolException($"truncated item header at offset {position}");
            var type = data[position];
            var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(position + 2));
            position += 4;
            if (length > data.Length - position) throw new DicomProtocolException($"item 0x{type:X2} runs past its PDU");
            items.Add((type, data[position..(position + length)]));
            position += length;
        }
        return items;
    }
}
