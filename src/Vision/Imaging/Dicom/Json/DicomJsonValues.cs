using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CityTwin.Vision.Imaging.Dicom.Json;

/// <summary>The <c>Value</c> array of one element by its VR (PS3.18 F.2.3): strings, person names, numbers or tags.</summary>
internal static class DicomJsonValues
{
    public static JsonArray Of(string vr, ReadOnlySpan<byte> value, Encoding text, bool bigEndian, bool singleValued)
    {
        return vr switch
        {
            "US" => Binary(value, 2, v => JsonValue.Create(bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(v) : BinaryPrimitives.ReadUInt16LittleEndian(v))),
            "SS" => Binary(value, 2, v => JsonValue.Create(bigEndian ? BinaryPrimitives.ReadInt16BigEndian(v) : BinaryPrimitives.ReadInt16LittleEndian(v))),
            "UL" => Binary(value, 4, v => JsonValue.Create(bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(v) : BinaryPrimitives.ReadUInt32LittleEndian(v))),
            "SL" => Binary(value, 4, v => JsonValue.Create(bigEndian ? BinaryPrimitives.ReadInt32BigEndian(v) : BinaryPrimitives.ReadInt32LittleEndian(v))),
            "FL" => Binary(value, 4, v => JsonValue.Create(bigEndian ? BinaryPrimitives.ReadSingleBigEndian(v) : BinaryPrimitives.ReadSingleLittleEndian(v))),
            "FD" => Binary(value, 8, v => JsonValue.Create(bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(v) : BinaryPrimitives.ReadDoubleLittleEndian(v))),
            "SV" => Binary(value, 8, v => JsonValue.Create(bigEndian ? BinaryPrimitives.ReadInt64BigEndian(v) : BinaryPrimitives.ReadInt64LittleEndian(v))),
            "UV" => Binary(value, 8, v => JsonValue.Create(bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(v) : BinaryPrimitives.ReadUInt64LittleEndian(v))),
            "AT" => Tags(value, bigEndian),
            _ => Text(vr, text.GetString(value), singleValued),
        };
    }

    private static JsonArray Binary(ReadOnlySpan<byte> value, int size, ReadOne read)
    {
        var values = new JsonArray();
        for (var offset = 0; offset + size <= value.Length; offset += size) values.Add(read(value.Slice(offset, size)));
        return values;
    }

    private delegate JsonNode ReadOne(ReadOnlySpan<byte> bytes);

    private static JsonArray Tags(ReadOnlySpan<byte> value, bool bigEndian)
    {
        var values = new JsonArray();
        for (var offset = 0; offset + 4 <= value.Length; offset += 4)
        {
            var group = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(value[offset..]) : BinaryPrimitives.ReadUInt16LittleEndian(value[offset..]);
            var element = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(value[(offset + 2)..]) : BinaryPrimitives.ReadUInt16LittleEndian(value[(offset + 2)..]);
            values.Add(JsonValue.Create($"{group:X4}{element:X4}"));
        }
        return values;
    }

    /// <summary>Text values split on backslash (except the single-valued VRs), padding trimmed, empty ones as null.</summary>
    private static JsonArray Text(string vr, string whole, bool singleValued)
    {
        var values = new JsonArray();
        var parts = singleValued ? [whole] : whole.Split('\\');
        if (parts.All(p => Trim(vr, p).Length == 0)) return values;
        foreach (var raw in parts)
        {
            var part = Trim(vr, raw);
            values.Add(part.Length == 0 ? null : vr switch
            {
                "PN" => (JsonNode)PersonName(part),
                "IS" when long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
                "DS" when double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
                _ => JsonValue.Create(part),
            });
        }
        return values;
    }

    /// <summary>UIDs are padded with NUL, text with spaces; leading spaces are significant only in LT, ST, UT.</summary>
    private static string Trim(string vr, string value) => vr switch
    {
        "UI" => value.TrimEnd('\0', ' '),
        "LT" or "ST" or "UT" => value.TrimEnd(' ', '\0'),
        _ => value.Trim(' ', '\0'),
    };

    private static JsonObject PersonName(string value)
    {
        var groups = value.Split('=');
        var name = new JsonObject();
        string[] keys = ["Alphabetic", "Ideographic", "Phonetic"];
        for (var i = 0; i < Math.Min(groups.Length, keys.Length); i++)
            if (groups[i].Length > 0) name[keys[i]] = groups[i];
        return name;
    }
}
