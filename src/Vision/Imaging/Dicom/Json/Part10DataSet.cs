namespace CityTwin.Vision.Imaging.Dicom.Json;

/// <summary>
/// The data set of a stored Part 10 file, ready to walk: its bytes (inflated when the transfer syntax is deflated),
/// where it starts, and how its elements are encoded. Metadata and bulk data both start here, so that they always
/// read a file the same way.
/// </summary>
internal sealed record Part10DataSet(byte[] Data, int Start, TransferSyntax Syntax)
{
    /// <exception cref="DicomParseException">The File Meta cannot be read, or the inflated data set is over the limit.</exception>
    public static Part10DataSet Open(byte[] file, long maxInflatedBytes)
    {
        var start = DicomReader.DataSetStart(file);
        var meta = DatasetWalker.Walk(file, 132, start, explicitVr: true, bigEndian: false, new HashSet<uint> { DicomTags.TransferSyntaxUid });
        var syntax = TransferSyntax.ForReading(meta.GetValueOrDefault(DicomTags.TransferSyntaxUid) ?? TransferSyntax.ExplicitVrLittleEndian.Uid);
        return syntax.Deflated
            ? new Part10DataSet(DicomReader.Inflate(file, start, maxInflatedBytes), 0, syntax)
            : new Part10DataSet(file, start, syntax);
    }
}
