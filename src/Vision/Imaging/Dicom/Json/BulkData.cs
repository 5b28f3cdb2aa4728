namespace CityTwin.Vision.Imaging.Dicom.Json;

/// <summary>The value of one top-level element of a stored Part 10 file: what a <c>BulkDataURI</c> of <see cref="DicomJsonWriter"/> names.</summary>
public static class BulkData
{
    /// <summary>The value bytes of <paramref name="tag"/> (for encapsulated pixel data, its items as stored), or null when absent.</summary>
    /// <exception cref="DicomParseException">The file cannot be walked.</exception>
    public static ReadOnlyMemory<byte>? Of(byte[] file, uint tag, long maxInflatedBytes)
    {
        var start = DicomReader.DataSetStart(file);
        var meta = DatasetWalker.Walk(file, 132, start, explicitVr: true, bigEndian: false, new HashSet<uint> { DicomTags.TransferSyntaxUid });
        var syntax = TransferSyntax.ForReading(meta.GetValueOrDefault(DicomTags.TransferSyntaxUid) ?? TransferSyntax.ExplicitVrLittleEndian.Uid);
        var data = file;
        if (syntax.Deflated)
        {
            data = DicomReader.Inflate(file, start, maxInflatedBytes);
            start = 0;
        }
        foreach (var element in DatasetWalker.TopLevel(data, start, data.Length, syntax.ExplicitVr, syntax.BigEndian))
            if (element.Tag == tag) return data.AsMemory(element.ValueStart, element.End - element.ValueStart);
        return null;
    }
}
