using System.Buffers.Binary;
using System.Text;

namespace CityTwin.Vision.Imaging.Network.Scu;

/// <summary>
/// Writes and reads DIMSE command sets (group 0000, implicit VR little endian, PS3.7 6.3.1) element by element, for
/// the SCU's requests, the responses it reads, and the SCP's own responses (<see cref="DimseCommand.Response"/>).
/// </summary>
internal static class CommandSet
{
    public const ushort NoDataSet = 0x0101;
    public const ushort HasDataSet = 0x0000;

    /// <summary>A C-STORE-RQ (command field 0001), medium priority.</summary>
    public static byte[] StoreRequest(ushort messageId, string sopClassUid, string sopInstanceUid) => Encode(
    [
        (0x0002, Uid(sopClassUid)),
        (0x0100, UShort(0x0001)),
        (0x0110, UShort(messageId)),
        (0x0700, UShort(0x0000)),
        (0x0800, UShort(HasDataSet)),
        (0x1000, Uid(sopInstanceUid)),
    ]);

    /// <summary>A response (command field with the response bit) to message <paramref name="respondingTo"/>.</summary>
    public static byte[] Response(ushort commandField, ushort respondingTo, string sopClassUid, ushort status, bool withDataSet) => Encode(
    [
        (0x0002, Uid(sopClassUid)),
        (0x0100, UShort((ushort)(commandField | 0x8000))),
        (0x0120, UShort(respondingTo)),
        (0x0800, UShort(withDataSet ? HasDataSet : NoDataSet)),
        (0x0900, UShort(status)),
    ]);

    /// <summary>The elements of a command set by element number; lengths are checked against what remains.</summary>
    public static Dictionary<ushort, byte[]> Parse(ReadOnlySpan<byte> command)
    {
        var elements = new Dictionary<ushort, byte[]>();
        var position = 0;
        while (position < command.Length)
        {
            if (command.Length - position < 8) throw new DicomProtocolException("truncated DIMSE command element");
            var group = BinaryPrimitives.ReadUInt16LittleEndian(command[position..]);
            var element = BinaryPrimitives.ReadUInt16LittleEndian(command[(position + 2)..]);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(command[(position + 4)..]);
            position += 8;
            if (group != 0) throw new DicomProtocolException($"DIMSE command holds a non-command element ({group:X4},{element:X4})");
            if (length > command.Length - position) throw new DicomProtocolException($"DIMSE command element (0000,{element:X4}) runs past the command");
            elements[element] = command.Slice(position, (int)length).ToArray();
            position += (int)length;
        }
        return elements;
    }

    public static ushort? ReadUShort(Dictionary<ushort, byte[]> elements, ushort element) =>
        elements.TryGetValue(element, out var value) && value.Length == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(value) : null;

    public static string ReadText(Dictionary<ushort, byte[]> elements, ushort element) =>
        elements.TryGetValue(element, out var value) ? Encoding.ASCII.GetString(value).TrimEnd('\0', ' ') : "";

    /// <summary>A command set: the group length element, then <paramref name="elements"/> in the order given.</summary>
    public static byte[] Encode(IEnumerable<(ushort Element, byte[] Value)> elements)
    {
        var body = new MemoryStream();
        foreach (var (element, value) in elements) Write(body, element, value);
        var output = new MemoryStream();
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)body.Length);
        Write(output, 0x0000, length);
        body.Position = 0;
        body.CopyTo(output);
        return output.ToArray();
    }

    private static void Write(Stream output, ushort element, byte[] value)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(header, 0x0000);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], element);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)value.Length);
        output.Write(header);
        output.Write(value);
    }

    public static byte[] UShort(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return bytes;
    }

    public static byte[] Uid(string uid)
    {
        var bytes = Encoding.ASCII.GetBytes(uid);
        return bytes.Length % 2 == 0 ? bytes : [.. bytes, 0];
    }
}
