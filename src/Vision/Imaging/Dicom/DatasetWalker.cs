using System.Text;

namespace CityTwin.Vision.Imaging.Dicom;

/// <summary>
/// Walks a DICOM data set element by element, checking every length against the bytes that remain, and keeps the
/// top-level string values the caller asked for. Sequences and encapsulated pixel data are stepped over item by item
/// (undefined lengths included), never materialised, so a hostile length can cost neither memory nor time.
/// </summary>
internal sealed class DatasetWalker
{
    /// <summary>Nesting deeper than this is not a real image; it is an attack on the stack.</summary>
    private const int MaxDepth = 32;

    /// <summary>Captured values longer than this are not identifiers; they are skipped.</summary>
    private const int MaxCapturedLength = 1024;

    private static readonly HashSet<string> LongLengthVrs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];

    private readonly byte[] data;
    private readonly bool explicitVr;
    private readonly bool bigEndian;
    private readonly IReadOnlySet<uint> wanted;
    private List<ElementSpan>? spans;
    private int position;

    private DatasetWalker(byte[] data, int start, bool explicitVr, bool bigEndian, IReadOnlySet<uint> wanted)
    {
        this.data = data;
        position = start;
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
        this.wanted = wanted;
    }

    /// <summary>Values of the <paramref name="wanted"/> top-level tags found in <c>data[start..end]</c>.</summary>
    public static Dictionary<uint, string> Walk(byte[] data, int start, int end, bool explicitVr, bool bigEndian, IReadOnlySet<uint> wanted)
    {
        var values = new Dictionary<uint, string>();
        new DatasetWalker(data, start, explicitVr, bigEndian, wanted).ReadDataset(end, depth: 0, insideUndefinedItem: false, values);
        return values;
    }

    /// <summary>Where each top-level element of <c>data[start..end]</c> lies, in order, with every length checked.</summary>
    public static List<ElementSpan> TopLevel(byte[] data, int start, int end, bool explicitVr, bool bigEndian)
    {
        var walker = new DatasetWalker(data, start, explicitVr, bigEndian, new HashSet<uint>()) { spans = [] };
        walker.ReadDataset(end, depth: 0, insideUndefinedItem: false, values: null);
        return walker.spans;
    }

    /// <summary>Reads elements up to <paramref name="end"/>, or up to an item delimiter when in an undefined-length item.</summary>
    private void ReadDataset(int end, int depth, bool insideUndefinedItem, Dictionary<uint, string>? values)
    {
        if (depth > MaxDepth) throw new DicomParseException($"sequences nested deeper than {MaxDepth} levels at offset {position}");
        while (position < end)
        {
            var elementStart = position;
            var tag = ReadTag(end);
            if (tag == DicomTags.ItemDelimitation)
            {
                ReadUInt32(end);
                if (!insideUndefinedItem) throw new DicomParseException($"item delimiter outside an item at offset {elementStart}");
                return;
            }
            if (tag >> 16 == 0xFFFE) throw new DicomParseException($"unexpected {DicomTags.Format(tag)} at offset {elementStart}");
            var (vr, length) = ReadVrAndLength(tag, end);
            var valueStart = position;
            // Pixel data is only noted, never copied: its presence tells a whole image from one cut short.
            if (values is not null && tag == DicomTags.PixelData) values[tag] = "";
            if (length == uint.MaxValue)
            {
                if (tag == DicomTags.PixelData && vr is "OB" or "OW") SkipFragments(end);
                else if (vr == "UN") SkipUndefinedUnknown(end, depth);
                else if (vr is "SQ" or null) SkipUndefinedSequence(end, depth);
                else throw new DicomParseException($"undefined length on {DicomTags.Format(tag)} with VR {vr} at offset {elementStart}");
                if (depth == 0) spans?.Add(new ElementSpan(tag, vr, elementStart, valueStart, position));
                continue;
            }
            Require(length, end, tag);
            if (values is not null && tag != DicomTags.PixelData && wanted.Contains(tag) && length <= MaxCapturedLength)
                values[tag] = Encoding.Latin1.GetString(data, position, (int)length).TrimEnd(' ', '\0');
            position += (int)length;
            if (depth == 0) spans?.Add(new ElementSpan(tag, vr, elementStart, valueStart, position));
        }
        if (insideUndefinedItem) throw new DicomParseException("data set ends inside an item that was never closed (truncated?)");
    }

    private (string? Vr, uint Length) ReadVrAndLength(uint tag, int end)
    {
        if (!explicitVr) return (null, ReadUInt32(end));
        RequireBytes(2, end);
        var first = data[position];
        var second = data[position + 1];
        if (first is < (byte)'A' or > (byte)'Z' || second is < (byte)'A' or > (byte)'Z')
            throw new DicomParseException($"{DicomTags.Format(tag)} at offset {position - 4} has no valid VR (is the data set implicit VR?)");
        var vr = Encoding.ASCII.GetString(data, position, 2);
        position += 2;
        if (!LongLengthVrs.Contains(vr)) return (vr, ReadUInt16(end));
        RequireBytes(2, end);
        position += 2;
        return (vr, ReadUInt32(end));
    }

    private void SkipUndefinedSequence(int end, int depth)
    {
        while (true)
        {
            var itemStart = position;
            var tag = ReadTag(end);
            var length = ReadUInt32(end);
            if (tag == DicomTags.SequenceDelimitation) return;
            if (tag != DicomTags.Item) throw new DicomParseException($"expected an item in a sequence at offset {itemStart}, found {DicomTags.Format(tag)}");
            if (length == uint.MaxValue)
            {
                ReadDataset(end, depth + 1, insideUndefinedItem: true, values: null);
                continue;
            }
            Require(length, end, tag);
            position += (int)length;
        }
    }

    /// <summary>An undefined-length UN element is a sequence encoded in implicit VR little endian (PS3.5 6.2.2).</summary>
    private void SkipUndefinedUnknown(int end, int depth)
    {
        var nested = new DatasetWalker(data, position, explicitVr: false, bigEndian: false, wanted);
        nested.SkipUndefinedSequence(end, depth);
        position = nested.position;
    }

    private void SkipFragments(int end)
    {
        while (true)
        {
            var itemStart = position;
            var tag = ReadTag(end);
            var length = ReadUInt32(end);
            if (tag == DicomTags.SequenceDelimitation) return;
            if (tag != DicomTags.Item || length == uint.MaxValue)
                throw new DicomParseException($"bad pixel data fragment at offset {itemStart}");
            Require(length, end, tag);
            position += (int)length;
        }
    }

    private uint ReadTag(int end) => DicomBytes.ReadTag(data, ref position, end, bigEndian);

    private ushort ReadUInt16(int end) => DicomBytes.ReadUInt16(data, ref position, end, bigEndian);

    private uint ReadUInt32(int end) => DicomBytes.ReadUInt32(data, ref position, end, bigEndian);

    private void RequireBytes(int count, int end) => DicomBytes.RequireBytes(count, position, end);

    private void Require(uint length, int end, uint tag) => DicomBytes.Require(length, position, end, tag);
}
