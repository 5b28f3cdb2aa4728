using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CityTwin.Vision.Imaging.Dicom;

/// <summary>
/// Rewrites a data set by <see cref="BasicProfile"/> before it is stored: identifying attributes are removed or emptied,
/// the patient id becomes its pseudonym, and Patient Identity Removed / De-identification Method (Code Sequence) are
/// added. Every other element is copied byte for byte in its own encoding, so pixel data is never touched.
/// </summary>
public static class Deidentifier
{
    private static readonly HashSet<string> LongLengthVrs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];
    private const uint PatientIdentityRemoved = 0x0012_0062;
    private const uint DeidentificationMethod = 0x0012_0063;
    private const uint DeidentificationMethodCodeSequence = 0x0012_0064;

    /// <summary>The de-identified data set of <c>data[start..end]</c>, in the same transfer syntax (deflated again when it was).</summary>
    /// <exception cref="DicomParseException">The data set cannot be walked.</exception>
    public static byte[] Deidentify(byte[] data, int start, int end, TransferSyntax syntax, string pseudonym, long maxInflatedBytes)
    {
        if (syntax.Deflated)
        {
            data = DicomReader.Inflate(data[..end], start, maxInflatedBytes);
            start = 0;
            end = data.Length;
        }
        var writer = new ElementWriter(syntax.ExplicitVr, syntax.BigEndian);
        var output = new MemoryStream(end - start);
        var markersWritten = false;
        foreach (var element in DatasetWalker.TopLevel(data, start, end, syntax.ExplicitVr, syntax.BigEndian))
        {
            if (!markersWritten && element.Tag > DeidentificationMethodCodeSequence)
            {
                WriteMarkers(writer, output);
                markersWritten = true;
            }
            switch (BasicProfile.ActionFor(element.Tag))
            {
                case DeidentifyAction.Keep:
                    output.Write(data, element.Start, element.End - element.Start);
                    break;
                case DeidentifyAction.Empty:
                    writer.Write(output, element.Tag, element.Vr ?? "", []);
                    break;
                case DeidentifyAction.Pseudonym:
                    writer.Write(output, element.Tag, element.Vr ?? "LO", Padded(pseudonym));
                    break;
            }
        }
        if (!markersWritten) WriteMarkers(writer, output);
        return syntax.Deflated ? Deflate(output) : output.ToArray();
    }

    private static void WriteMarkers(ElementWriter writer, Stream output)
    {
        writer.Write(output, PatientIdentityRemoved, "CS", Padded("YES"));
        writer.Write(output, DeidentificationMethod, "LO", Padded(BasicProfile.MethodDescription));
        writer.BeginSequence(output, DeidentificationMethodCodeSequence);
        foreach (var (code, meaning) in BasicProfile.MethodCodes)
        {
            writer.BeginItem(output);
            writer.Write(output, 0x0008_0100, "SH", Padded(code));
            writer.Write(output, 0x0008_0102, "SH", Padded("DCM"));
            writer.Write(output, 0x0008_0104, "LO", Padded(meaning));
            writer.EndItem(output);
        }
        writer.EndSequence(output);
    }

    private static byte[] Padded(string value)
    {
        var bytes = Encoding.ASCII.GetBytes(value);
        return bytes.Length % 2 == 0 ? bytes : [.. bytes, (byte)' '];
    }

    private static byte[] Deflate(MemoryStream inflated)
    {
        var compressed = new MemoryStream();
        using (var deflate = new DeflateStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            deflate.Write(inflated.GetBuffer(), 0, (int)inflated.Length);
        if (compressed.Length % 2 == 1) compressed.WriteByte(0);
        return compressed.ToArray();
    }

    /// <summary>Writes elements in one encoding; items and delimiters have no VR in any syntax (PS3.5 7.5).</summary>
    private sealed class ElementWriter(bool explicitVr, bool bigEndian)
    {
        public void Write(Stream output, uint tag, string vr, byte[] value)
        {
            Tag(output, tag);
            if (!explicitVr)
            {
                UInt32(output, (uint)value.Length);
            }
            else if (LongLengthVrs.Contains(vr))
            {
                output.Write(Encoding.ASCII.GetBytes(vr));
                output.Write([0, 0]);
                UInt32(output, (uint)value.Length);
            }
            else
            {
                output.Write(Encoding.ASCII.GetBytes(vr.Length == 2 ? vr : "UN"));
                UInt16(output, (ushort)value.Length);
            }
            output.Write(value);
        }

        public void BeginSequence(Stream output, uint tag)
        {
            Tag(output, tag);
            if (explicitVr) output.Write("SQ\0\0"u8);
            UInt32(output, uint.MaxValue);
        }

        public void BeginItem(Stream output)
        {
            Tag(output, DicomTags.Item);
            UInt32(output, uint.MaxValue);
        }

        public void EndItem(Stream output)
        {
            Tag(output, DicomTags.ItemDelimitation);
            UInt32(output, 0);
        }

        public void EndSequence(Stream output)
        {
            Tag(output, DicomTags.SequenceDelimitation);
            UInt32(output, 0);
        }

        private void Tag(Stream output, uint tag)
        {
            UInt16(output, (ushort)(tag >> 16));
            UInt16(output, (ushort)tag);
        }

        private void UInt16(Stream output, ushort value)
        {
            Span<byte> bytes = stackalloc byte[2];
            if (bigEndian) BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
            else BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
            output.Write(bytes);
        }

        private void UInt32(Stream output, uint value)
        {
            Span<byte> bytes = stackalloc byte[4];
            if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
            else BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
            output.Write(bytes);
        }
    }
}
