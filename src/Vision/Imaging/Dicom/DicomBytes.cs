using System.Buffers.Binary;

namespace CityTwin.Vision.Imaging.Dicom;

/// <summary>
/// Bounds-checked reads of a data set's binary fields at a moving offset, for every walker of stored files (the
/// element walker and the DICOM JSON writer): a length is checked against the bytes that remain before anything is
/// read, so a truncated or hostile file fails with the same clear <see cref="DicomParseException"/> everywhere.
/// </summary>
internal static class DicomBytes
{
    public static uint ReadTag(byte[] data, ref int position, int end, bool bigEndian)
    {
        var group = ReadUInt16(data, ref position, end, bigEndian);
        var element = ReadUInt16(data, ref position, end, bigEndian);
        return (uint)group << 16 | element;
    }

    public static ushort ReadUInt16(byte[] data, ref int position, int end, bool bigEndian)
    {
        RequireBytes(2, position, end);
        var span = data.AsSpan(position, 2);
        position += 2;
        return bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span) : BinaryPrimitives.ReadUInt16LittleEndian(span);
    }

    public static uint ReadUInt32(byte[] data, ref int position, int end, bool bigEndian)
    {
        RequireBytes(4, position, end);
        var span = data.AsSpan(position, 4);
        position += 4;
        return bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);
    }

    public static void RequireBytes(int count, int position, int end)
    {
        if (end - position < count) throw new DicomParseException($"truncated: {count} more bytes needed at offset {position}, {end - position} left");
    }

    /// <summary>Throws unless the value of <paramref name="tag"/>, <paramref name="length"/> bytes, fits before <paramref name="end"/>.</summary>
    public static void Require(uint length, int position, int end, uint tag)
    {
        if (length > (uint)(end - position))
            throw new DicomParseException($"{DicomTags.Format(tag)} at offset {position} declares {length} bytes but only {end - position} remain (truncated?)");
    }
}
