namespace CityTwin.Vision.Imaging.Dicom;

/// <summary>
/// A stored Part 10 file split into its header and its bare data set, as a C-STORE SCU sends it, with any top-level
/// text attributes the caller asks for (patient and study attributes copied into a report, for example).
/// </summary>
public sealed record Part10File(DicomHeader Header, ReadOnlyMemory<byte> DataSet, IReadOnlyDictionary<uint, string> Attributes)
{
    private const int PreambleAndPrefix = 132;

    /// <summary>Reads <paramref name="file"/>; a clear reason when it is not a readable Part 10 instance.</summary>
    public static (Part10File? File, string? Error) Read(byte[] file, IReadOnlySet<uint> attributes, long maxInflatedBytes)
    {
        var result = DicomReader.ReadPart10(file, maxInflatedBytes);
        if (result.Header is not { } header) return (null, result.Error);
        try
        {
            var start = DicomReader.MetaEnd(file, PreambleAndPrefix);
            var syntax = TransferSyntax.ForReading(header.TransferSyntaxUid);
            // A deflated data set's elements are only readable once inflated; its identity was read above.
            var values = syntax.Deflated || attributes.Count == 0
                ? []
                : DatasetWalker.Walk(file, start, file.Length, syntax.ExplicitVr, syntax.BigEndian, attributes);
            return (new Part10File(header, file.AsMemory(start), values), null);
        }
        catch (DicomParseException e)
        {
            return (null, e.Message);
        }
    }
}
