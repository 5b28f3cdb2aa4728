using System.IO.Compression;

namespace CityTwin.Vision.Imaging.Dicom;

/// <summary>
/// Reads the header of a DICOM Part 10 file or of a bare data set (as C-STORE delivers it) without trusting any of its
/// lengths. Every failure is a <see cref="DicomReadResult"/> with a reason a sender can act on; nothing throws.
/// </summary>
public static class DicomReader
{
    private const int PreambleLength = 128;
    private const int MaxUidLength = 64;

    private static readonly HashSet<uint> MetaTags = [DicomTags.TransferSyntaxUid, DicomTags.MediaStorageSopClassUid, DicomTags.MediaStorageSopInstanceUid];

    private static readonly HashSet<uint> DatasetTags =
    [
        DicomTags.SopClassUid, DicomTags.SopInstanceUid, DicomTags.StudyInstanceUid, DicomTags.SeriesInstanceUid,
        DicomTags.PatientId, DicomTags.Modality,
    ];

    /// <summary>Why an image instance without pixel data is refused; receivers check it after the SOP class.</summary>
    public const string NoPixelData = "no Pixel Data (7FE0,0010): the image is truncated or empty";

    /// <summary>Whether <paramref name="file"/> starts with a preamble and the "DICM" prefix.</summary>
    public static bool HasPart10Prefix(ReadOnlySpan<byte> file) =>
        file.Length >= PreambleLength + 4 && file.Slice(PreambleLength, 4).SequenceEqual("DICM"u8);

    /// <summary>
    /// Reads a Part 10 file: preamble, "DICM", the group 0002 File Meta Information (explicit VR little endian) and the
    /// data set in the syntax the meta names. The meta's SOP class and instance must match the data set's.
    /// </summary>
    /// <remarks><paramref name="maxInflatedBytes"/> bounds what a deflated data set may inflate to.</remarks>
    public static DicomReadResult ReadPart10(byte[] file, long maxInflatedBytes)
    {
        Dictionary<uint, string>? meta = null;
        try
        {
            if (!HasPart10Prefix(file)) return DicomReadResult.Fail("not a DICOM Part 10 file: no \"DICM\" prefix after the 128-byte preamble");
            var datasetStart = MetaEnd(file, PreambleLength + 4);
            meta = DatasetWalker.Walk(file, PreambleLength + 4, datasetStart, explicitVr: true, bigEndian: false, MetaTags);
            var syntaxUid = meta.GetValueOrDefault(DicomTags.TransferSyntaxUid);
            if (string.IsNullOrEmpty(syntaxUid)) return DicomReadResult.Fail("File Meta Information has no Transfer Syntax UID (0002,0010)");
            var header = ReadDatasetCore(file, datasetStart, TransferSyntax.ForReading(RequireUid(syntaxUid, "Transfer Syntax UID")), maxInflatedBytes);
            if (meta.GetValueOrDefault(DicomTags.MediaStorageSopInstanceUid) is { Length: > 0 } metaInstance && metaInstance != header.SopInstanceUid)
                return DicomReadResult.Fail($"File Meta names SOP instance {metaInstance} but the data set is {header.SopInstanceUid}");
            if (meta.GetValueOrDefault(DicomTags.MediaStorageSopClassUid) is { Length: > 0 } metaClass && metaClass != header.SopClassUid)
                return DicomReadResult.Fail($"File Meta names SOP class {metaClass} but the data set is {header.SopClassUid}");
            return DicomReadResult.Ok(header);
        }
        catch (DicomParseException e)
        {
            return DicomReadResult.Fail(e.Message) with
            {
                MetaSopClassUid = ValidUidOrNull(meta?.GetValueOrDefault(DicomTags.MediaStorageSopClassUid)),
                MetaSopInstanceUid = ValidUidOrNull(meta?.GetValueOrDefault(DicomTags.MediaStorageSopInstanceUid)),
            };
        }
    }

    private static string? ValidUidOrNull(string? value) =>
        value is { Length: > 0 and <= MaxUidLength } && value.All(c => c is '.' || char.IsAsciiDigit(c)) ? value : null;

    /// <summary>Reads a bare data set encoded in <paramref name="syntax"/> (what a C-STORE-RQ carries).</summary>
    public static DicomReadResult ReadDataset(byte[] dataset, int length, TransferSyntax syntax, long maxInflatedBytes)
    {
        try
        {
            if (length < 0 || length > dataset.Length) return DicomReadResult.Fail("data set length out of range");
            return DicomReadResult.Ok(ReadDatasetCore(dataset[..length], 0, syntax, maxInflatedBytes));
        }
        catch (DicomParseException e)
        {
            return DicomReadResult.Fail(e.Message);
        }
    }

    private static DicomHeader ReadDatasetCore(byte[] data, int start, TransferSyntax syntax, long maxInflatedBytes)
    {
        if (syntax.Deflated)
        {
            data = Inflate(data, start, maxInflatedBytes);
            start = 0;
        }
        var values = DatasetWalker.Walk(data, start, data.Length, syntax.ExplicitVr, syntax.BigEndian, DatasetTags);
        return new DicomHeader(
            SopClassUid: RequireUid(values.GetValueOrDefault(DicomTags.SopClassUid), "SOP Class UID (0008,0016)"),
            SopInstanceUid: RequireUid(values.GetValueOrDefault(DicomTags.SopInstanceUid), "SOP Instance UID (0008,0018)"),
            StudyInstanceUid: RequireUid(values.GetValueOrDefault(DicomTags.StudyInstanceUid), "Study Instance UID (0020,000D)"),
            SeriesInstanceUid: RequireUid(values.GetValueOrDefault(DicomTags.SeriesInstanceUid), "Series Instance UID (0020,000E)"),
            TransferSyntaxUid: syntax.Uid,
            PatientId: values.GetValueOrDefault(DicomTags.PatientId) ?? "",
            Modality: values.GetValueOrDefault(DicomTags.Modality) ?? "",
            HasPixelData: values.ContainsKey(DicomTags.PixelData));
    }

    /// <summary>Where the data set of a Part 10 file starts: just past its File Meta Information.</summary>
    /// <exception cref="DicomParseException">No "DICM" prefix or a broken meta.</exception>
    public static int DataSetStart(byte[] file)
    {
        if (!HasPart10Prefix(file)) throw new DicomParseException("not a DICOM Part 10 file: no \"DICM\" prefix after the 128-byte preamble");
        return MetaEnd(file, PreambleLength + 4);
    }

    /// <summary>Where group 0002 ends: the meta is explicit VR little endian whatever the data set uses.</summary>
    internal static int MetaEnd(byte[] file, int start)
    {
        var position = start;
        while (position + 8 <= file.Length && file[position] == 0x02 && file[position + 1] == 0x00)
        {
            var vr = System.Text.Encoding.ASCII.GetString(file, position + 4, 2);
            long length;
            if (vr is "OB" or "OW" or "SQ" or "UN" or "UT" or "UC" or "UR" or "OD" or "OF" or "OL" or "OV" or "SV" or "UV")
            {
                if (position + 12 > file.Length) throw new DicomParseException("File Meta Information is truncated");
                length = BitConverter.ToUInt32(file, position + 8);
                position += 12;
            }
            else
            {
                length = BitConverter.ToUInt16(file, position + 6);
                position += 8;
            }
            if (length > file.Length - position) throw new DicomParseException($"File Meta element at offset {position} runs past the end of the file");
            position += (int)length;
        }
        if (position == start) throw new DicomParseException("File Meta Information (group 0002) is missing after \"DICM\"");
        return position;
    }

    internal static byte[] Inflate(byte[] data, int start, long maxInflatedBytes)
    {
        try
        {
            using var input = new DeflateStream(new MemoryStream(data, start, data.Length - start), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxInflatedBytes)
                    throw new DicomParseException($"deflated data set inflates to more than the {maxInflatedBytes}-byte limit");
                output.Write(buffer, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new DicomParseException($"deflated data set is corrupt: {e.Message}");
        }
    }

    private static string RequireUid(string? value, string name)
    {
        if (string.IsNullOrEmpty(value)) throw new DicomParseException($"{name} is missing or empty");
        if (value.Length > MaxUidLength || !value.All(c => c is '.' || char.IsAsciiDigit(c)))
            throw new DicomParseException($"{name} \"{Printable(value)}\" is not a valid UID (digits and dots, at most 64)");
        return value;
    }

    private static string Printable(string value) =>
        new([.. value.Take(70).Select(c => char.IsControl(c) ? '?' : c)]);
}
