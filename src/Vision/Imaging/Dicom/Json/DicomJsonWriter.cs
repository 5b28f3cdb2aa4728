using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CityTwin.Vision.Imaging.Dicom.Json;

/// <summary>
/// A stored instance's data set in the DICOM JSON model (PS3.18 F.2): every attribute, sequences item by item, values
/// typed by VR. Bulk data (binary values at the top level longer than <see cref="InlineLimit"/>, and always the pixel
/// data) is given as a <c>BulkDataURI</c> under the caller's base; shorter binary values are <c>InlineBinary</c>. Group
/// lengths are left out (PS3.18 F.2.1). Every length is checked against the bytes that remain, and nesting is bounded.
/// </summary>
public sealed class DicomJsonWriter
{
    /// <summary>Binary values up to this many bytes are inlined; longer top-level ones are bulk data.</summary>
    public const int InlineLimit = 1024;

    private const int MaxDepth = 32;
    private const uint Undefined = uint.MaxValue;
    private static readonly HashSet<string> LongLengthVrs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];
    private static readonly HashSet<string> BinaryVrs = ["OB", "OD", "OF", "OL", "OV", "OW", "UN"];
    private static readonly HashSet<string> SingleValuedTextVrs = ["LT", "ST", "UT", "UR"];

    private readonly byte[] data;
    private readonly bool explicitVr;
    private readonly bool bigEndian;
    private readonly string? bulkDataBase;
    private Encoding text = Encoding.Latin1;
    private int position;

    private DicomJsonWriter(byte[] data, int start, bool explicitVr, bool bigEndian, string? bulkDataBase)
    {
        this.data = data;
        position = start;
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
        this.bulkDataBase = bulkDataBase;
    }

    /// <summary>
    /// The data set of Part 10 <paramref name="file"/> (its File Meta left out) as DICOM JSON; bulk data URIs are
    /// <c>{bulkDataBase}/{tag as 8 hex digits}</c>.
    /// </summary>
    /// <exception cref="DicomParseException">The file cannot be walked.</exception>
    public static JsonObject FromPart10(byte[] file, string bulkDataBase, long maxInflatedBytes)
    {
        var (data, start, syntax) = Part10DataSet.Open(file, maxInflatedBytes);
        var writer = new DicomJsonWriter(data, start, syntax.ExplicitVr, syntax.BigEndian, bulkDataBase);
        return writer.ReadDataset(data.Length, depth: 0, insideUndefinedItem: false);
    }

    private JsonObject ReadDataset(int end, int depth, bool insideUndefinedItem)
    {
        if (depth > MaxDepth) throw new DicomParseException($"sequences nested deeper than {MaxDepth} levels at offset {position}");
        var dataset = new JsonObject();
        while (position < end)
        {
            var elementStart = position;
            var tag = ReadTag(end);
            if (tag == DicomTags.ItemDelimitation)
            {
                ReadUInt32(end);
                if (!insideUndefinedItem) throw new DicomParseException($"item delimiter outside an item at offset {elementStart}");
                return dataset;
            }
            var (vr, length) = ReadVrAndLength(tag, end);
            var key = tag.ToString("X8", CultureInfo.InvariantCulture);
            if (length == Undefined)
            {
                if (tag == DicomTags.PixelData && vr is "OB" or "OW")
                {
                    SkipFragments(end);
                    dataset[key] = Bulk(vr, key, depth);
                }
                else if (vr is "SQ" or "UN")
                    dataset[key] = Sequence(vr == "UN" ? ReadUnknownSequence(end, depth) : ReadItems(end, end, depth, definedEnd: false));
                else throw new DicomParseException($"undefined length on {DicomTags.Format(tag)} with VR {vr} at offset {elementStart}");
                continue;
            }
            Require(length, end, tag);
            var valueEnd = position + (int)length;
            if ((tag & 0xFFFF) == 0)
            {
                position = valueEnd; // group length: left out
                continue;
            }
            if (vr == "SQ")
            {
                dataset[key] = Sequence(ReadItems(valueEnd, end, depth, definedEnd: true));
                position = valueEnd;
                continue;
            }
            var value = data.AsSpan(position, (int)length);
            if (tag == 0x0008_0005 && Encoding.ASCII.GetString(value).Contains("ISO_IR 192", StringComparison.Ordinal)) text = Encoding.UTF8;
            dataset[key] = BinaryVrs.Contains(vr) && depth == 0 && bulkDataBase is not null && (tag == DicomTags.PixelData || length > InlineLimit)
                ? Bulk(vr, key, depth)
                : Element(vr, value);
            position = valueEnd;
        }
        if (insideUndefinedItem) throw new DicomParseException("data set ends inside an item that was never closed (truncated?)");
        return dataset;
    }

    private JsonObject Bulk(string vr, string key, int depth) =>
        depth == 0 && bulkDataBase is not null
            ? new JsonObject { ["vr"] = vr, ["BulkDataURI"] = $"{bulkDataBase}/{key}" }
            : new JsonObject { ["vr"] = vr };

    private static JsonObject Sequence(JsonArray items) =>
        items.Count == 0 ? new JsonObject { ["vr"] = "SQ" } : new JsonObject { ["vr"] = "SQ", ["Value"] = items };

    /// <summary>Items up to <paramref name="sequenceEnd"/> (defined length) or up to the sequence delimiter.</summary>
    private JsonArray ReadItems(int sequenceEnd, int end, int depth, bool definedEnd)
    {
        var items = new JsonArray();
        while (!definedEnd || position < sequenceEnd)
        {
            var itemStart = position;
            var tag = ReadTag(end);
            var length = ReadUInt32(end);
            if (tag == DicomTags.SequenceDelimitation && !definedEnd) return items;
            if (tag != DicomTags.Item) throw new DicomParseException($"expected an item in a sequence at offset {itemStart}, found {DicomTags.Format(tag)}");
            if (length == Undefined)
            {
                items.Add(ReadDataset(end, depth + 1, insideUndefinedItem: true));
                continue;
            }
            Require(length, end, tag);
            items.Add(ReadDataset(position + (int)length, depth + 1, insideUndefinedItem: false));
        }
        return items;
    }

    /// <summary>An undefined-length UN element is a sequence encoded in implicit VR little endian (PS3.5 6.2.2).</summary>
    private JsonArray ReadUnknownSequence(int end, int depth)
    {
        var nested = new DicomJsonWriter(data, position, explicitVr: false, bigEndian: false, bulkDataBase: null) { text = text };
        var items = nested.ReadItems(end, end, depth, definedEnd: false);
        position = nested.position;
        return items;
    }

    private JsonObject Element(string vr, ReadOnlySpan<byte> value)
    {
        var element = new JsonObject { ["vr"] = vr };
        if (value.IsEmpty) return element;
        if (BinaryVrs.Contains(vr))
        {
            element["InlineBinary"] = Convert.ToBase64String(value);
            return element;
        }
        var values = DicomJsonValues.Of(vr, value, text, bigEndian, SingleValuedTextVrs.Contains(vr));
        if (values.Count > 0) element["Value"] = values;
        return element;
    }

    private (string Vr, uint Length) ReadVrAndLength(uint tag, int end)
    {
        if (!explicitVr) return (DicomDictionary.VrOf(tag), ReadUInt32(end));
        RequireBytes(2, end);
        var (first, second) = (data[position], data[position + 1]);
        if (first is < (byte)'A' or > (byte)'Z' || second is < (byte)'A' or > (byte)'Z')
            throw new DicomParseException($"{DicomTags.Format(tag)} at offset {position - 4} has no valid VR");
        var vr = Encoding.ASCII.GetString(data, position, 2);
        position += 2;
        if (!LongLengthVrs.Contains(vr)) return (vr, ReadUInt16(end));
        RequireBytes(2, end);
        position += 2;
        return (vr, ReadUInt32(end));
    }

    private void SkipFragments(int end)
    {
        while (true)
        {
            var itemStart = position;
            var tag = ReadTag(end);
            var length = ReadUInt32(end);
            if (tag == DicomTags.SequenceDelimitation) return;
            if (tag != DicomTags.Item || length == Undefined) throw new DicomParseException($"bad pixel data fragment at offset {itemStart}");
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
