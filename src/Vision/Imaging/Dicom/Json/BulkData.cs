namespace CityTwin.Vision.Imaging.Dicom.Json;

/// <summary>The value of one top-level element of a stored Part 10 file: what a <c>BulkDataURI</c> of <see cref="DicomJsonWriter"/> names.</summary>
public static class BulkData
{
    /// <summary>The value bytes of <paramref name="tag"/> (for encapsulated pixel data, its items as stored), or null when absent.</summary>
    /// <exception cref="DicomParseException">The file cannot be walked.</exception>
    public static ReadOnlyMemory<byte>? Of(byte[] file, uint tag, long maxInflatedBytes)
    {
        var (data, start, syntax) = Part10DataSet.Open(file, maxInflatedBytes);
        foreach (var element in DatasetWalker.TopLevel(data, start, data.Length, syntax.ExplicitVr, syntax.BigEndian))
            if (element.Tag == tag) return data.AsMemory(element.ValueStart, element.End - element.ValueStart);
        return null;
    }
}
