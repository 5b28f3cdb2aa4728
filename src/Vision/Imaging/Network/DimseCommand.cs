using System.Buffers.Binary;
using System.Text;

namespace CityTwin.Vision.Imaging.Network;

/// <summary>
/// A DIMSE command set (group 0000, always implicit VR little endian, PS3.7 6.3.1): the fields the SCP reads, and the
/// encoding of its responses.
/// </summary>
public sealed record DimseCommand(ushort CommandField, ushort MessageId, string AffectedSopClassUid, string AffectedSopInstanceUid, bool HasDataSet)
{
    public const ushort CStoreRequest = 0x0001;
    public const ushort CEchoRequest = 0x0030;
    private const ushort NoDataSet = 0x0101;

    public static DimseCommand Parse(ReadOnlySpan<byte> command)
    {
        ushort field = 0, messageId = 0, dataSetType = NoDataSet;
        string sopClass = "", sopInstance = "";
        var seenField = false;
        var position = 0;
        while (position < command.Length)
        {
            if (command.Length - position < 8) throw new DicomProtocolException("truncated DIMSE command element");
            var tag = BinaryPrimitives.ReadUInt32LittleEndian(command[position..]);
            tag = tag << 16 | tag >> 16;
            var length = BinaryPrimitives.ReadUInt32LittleEndian(command[(position + 4)..]);
            position += 8;
            if (length > command.Length - position) throw new DicomProtocolException($"DIMSE command element (0000,{tag & 0xFFFF:X4}) runs past the command");
            var value = command.Slice(position, (int)length);
            position += (int)length;
            if (tag >> 16 != 0) throw new DicomProtocolException($"DIMSE command holds a non-command element ({tag >> 16:X4},{tag & 0xFFFF:X4})");
            switch (tag & 0xFFFF)
            {
                case 0x0002: sopClass = Text(value); break;
                case 0x0100 when value.Length == 2: field = BinaryPrimitives.ReadUInt16LittleEndian(value); seenField = true; break;
                case 0x0110 when value.Length == 2: messageId = BinaryPrimitives.ReadUInt16LittleEndian(value); break;
                case 0x0800 when value.Length == 2: dataSetType = BinaryPrimitives.ReadUInt16LittleEndian(value); break;
                case 0x1000: sopInstance = Text(value); break;
            }
        }
        if (!seenField) throw new DicomProtocolException("DIMSE command has no Command Field (0000,0100)");
        return new DimseCommand(field, messageId, sopClass, sopInstance, dataSetType != NoDataSet);
    }

    /// <summary>The response to this request: command field with the response bit, status, an optional error comment.</summary>
    public byte[] Response(ushort status, string? errorComment = null)
    {
        var elements = new List<(ushort Element, byte[] Value)>();
        if (AffectedSopClassUid.Length > 0) elements.Add((0x0002, Scu.CommandSet.Uid(AffectedSopClassUid)));
        elements.Add((0x0100, Scu.CommandSet.UShort((ushort)(CommandField | 0x8000))));
        elements.Add((0x0120, Scu.CommandSet.UShort(MessageId)));
        elements.Add((0x0800, Scu.CommandSet.UShort(NoDataSet)));
        elements.Add((0x0900, Scu.CommandSet.UShort(status)));
        if (errorComment is { Length: > 0 }) elements.Add((0x0902, Padded(Ascii(errorComment.Length > 64 ? errorComment[..64] : errorComment), (byte)' ')));
        if (AffectedSopInstanceUid.Length > 0) elements.Add((0x1000, Scu.CommandSet.Uid(AffectedSopInstanceUid)));
        return Scu.CommandSet.Encode(elements);
    }

    private static byte[] Padded(byte[] bytes, byte pad) => bytes.Length % 2 == 0 ? bytes : [.. bytes, pad];

    /// <summary>Error comments carry parse errors that may quote hostile bytes; keep them printable ASCII.</summary>
    private static byte[] Ascii(string text) => [.. text.Select(c => c is >= ' ' and <= '~' ? (byte)c : (byte)'?')];

    private static string Text(ReadOnlySpan<byte> value) => Encoding.ASCII.GetString(value).TrimEnd('\0', ' ');
}
