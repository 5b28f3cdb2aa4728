using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace CityTwin.Vision.Imaging.Dicom.Writing;

/// <summary>
/// Builds a data set in explicit VR little endian (PS3.5 7.1.2): elements are kept by tag and written in ascending
/// order, values padded to even length as their VR requires, sequences with defined lengths. Enough for the documents
/// this project writes (structured reports, query answers); it is not a general DICOM toolkit.
/// </summary>
public sealed class DatasetBuilder
{
    private static readonly HashSet<string> LongLengthVrs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];

    private readonly SortedDictionary<uint, (string Vr, byte[] Value)> elements = [];

    /// <summary>A text element (AE, AS, CS, DA, DS, DT, IS, LO, LT, PN, SH, ST, TM, UC, UT...), space padded.</summary>
    public DatasetBuilder Text(uint tag, string vr, string value)
    {
        elements[tag] = (vr, Pad(Encoding.UTF8.GetBytes(value), (byte)' '));
        return this;
    }

    /// <summary>A UID, NUL padded.</summary>
    public DatasetBuilder Uid(uint tag, string value)
    {
        elements[tag] = ("UI", Pad(Encoding.ASCII.GetBytes(value), 0));
        return this;
    }

    /// <summary>A decimal string from a number, within the 16 characters DS allows.</summary>
    public DatasetBuilder Decimal(uint tag, double value)
    {
        var text = value.ToString("0.######", CultureInfo.InvariantCulture);
        return Text(tag, "DS", text.Length > 16 ? text[..16] : text);
    }

    public DatasetBuilder UShort(uint tag, ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        elements[tag] = ("US", bytes);
        return this;
    }

    /// <summary>A sequence of items, each a nested data set; an empty list writes an empty (type 2) sequence.</summary>
    public DatasetBuilder Sequence(uint tag, params IEnumerable<DatasetBuilder> items)
    {
        var value = new MemoryStream();
        var header = new byte[8];
        foreach (var item in items)
        {
            var bytes = item.ToBytes();
            BinaryPrimitives.WriteUInt16LittleEndian(header, 0xFFFE);
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(2), 0xE000);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)bytes.Length);
            value.Write(header);
            value.Write(bytes);
        }
        elements[tag] = ("SQ", value.ToArray());
        return this;
    }

    /// <summary>The encoded data set: explicit VR little endian, or implicit VR little endian (PS3.5 7.1.3).</summary>
    public byte[] ToBytes(bool explicitVr = true)
    {
        var output = new MemoryStream();
        Span<byte> header = stackalloc byte[12];
        foreach (var (tag, (vr, value)) in elements)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)(tag >> 16));
            BinaryPrimitives.WriteUInt16LittleEndian(header[2..], (ushort)tag);
            if (!explicitVr)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)value.Length);
                output.Write(header[..8]);
                // Items are built in explicit VR; query answers, the only implicit data sets written, hold no sequences.
                if (vr == "SQ") throw new NotSupportedException("sequences are written in explicit VR only");
                output.Write(value);
                continue;
            }
            Encoding.ASCII.GetBytes(vr, header[4..6]);
            if (LongLengthVrs.Contains(vr))
            {
                header[6] = header[7] = 0;
                BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)value.Length);
                output.Write(header);
            }
            else
            {
                if (value.Length > ushort.MaxValue) throw new ArgumentException($"{DicomTags.Format(tag)} is too long for VR {vr}");
                BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)value.Length);
                output.Write(header[..8]);
            }
            output.Write(value);
        }
        return output.ToArray();
    }

    private static byte[] Pad(byte[] bytes, byte pad) => bytes.Length % 2 == 0 ? bytes : [.. bytes, pad];
}
