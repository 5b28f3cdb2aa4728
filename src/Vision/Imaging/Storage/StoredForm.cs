using System.Runtime.InteropServices;
using CityTwin.Vision.Imaging.Dicom;

namespace CityTwin.Vision.Imaging.Storage;

/// <summary>
/// The bytes that go to disk for a received Part 10 instance: its File Meta Information as received (or as the C-STORE
/// SCP wrote it) followed by the de-identified data set (<see cref="Deidentifier"/>).
/// </summary>
internal static class StoredForm
{
    /// <summary>
    /// <paramref name="part10"/> is either one whole Part 10 file (STOW-RS, the inbox) or the File Meta followed by the
    /// bare data set (C-STORE); either way the result is [meta, de-identified data set].
    /// </summary>
    public static IReadOnlyList<ReadOnlyMemory<byte>> Deidentified(IReadOnlyList<ReadOnlyMemory<byte>> part10, string transferSyntaxUid, string pseudonym, long maxInflatedBytes)
    {
        var first = WholeArray(part10[0]);
        var metaEnd = DicomReader.DataSetStart(first);
        ArraySegment<byte> dataSet;
        if (part10.Count == 1) dataSet = new ArraySegment<byte>(first, metaEnd, first.Length - metaEnd);
        else if (part10.Count == 2 && metaEnd == first.Length) dataSet = Segment(part10[1]);
        else throw new DicomParseException("an instance must be a Part 10 file, or its File Meta then its data set");
        var syntax = TransferSyntax.ForReading(transferSyntaxUid);
        var deidentified = Deidentifier.Deidentify(dataSet.Array!, dataSet.Offset, dataSet.Offset + dataSet.Count, syntax, pseudonym, maxInflatedBytes);
        return [first.AsMemory(0, metaEnd), deidentified];
    }

    /// <summary>The bytes as one array of exactly their length (no copy when they already are one).</summary>
    private static byte[] WholeArray(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : memory.ToArray();

    private static ArraySegment<byte> Segment(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) ? segment : new ArraySegment<byte>(memory.ToArray());
}
