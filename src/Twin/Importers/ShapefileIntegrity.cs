using System.Buffers.Binary;

namespace CityTwin.Twin.Importers;

/// <summary>
/// Checks a shapefile's structure before it is read. The NTS reader does not notice a truncated .shp: it reads
/// past the end into stale buffers and returns plausible but wrong coordinates, so the lengths the headers
/// declare are compared with the files themselves first.
/// </summary>
internal static class ShapefileIntegrity
{
    private const int ShpHeaderBytes = 100;
    private const int ShpFileCode = 9994;

    /// <summary>Throws <see cref="ImportFileException"/> when the .shp or .dbf is shorter or longer than its header says.</summary>
    public static void Check(string shpPath, string dbfPath)
    {
        var shapes = ShapeRecords(shpPath);
        var rows = DbfRecords(shpPath, dbfPath);
        if (shapes != rows)
            throw new ImportFileException(shpPath, $"the .shp has {shapes} shapes but the .dbf has {rows} records");
    }

    private static int ShapeRecords(string path)
    {
        using var file = File.OpenRead(path);
        var header = new byte[ShpHeaderBytes];
        if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
            || BinaryPrimitives.ReadInt32BigEndian(header) != ShpFileCode)
            throw new ImportFileException(path, "not a shapefile: the .shp header is missing or wrong");
        // Lengths in a .shp are counted in 16-bit words.
        var declared = 2L * BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(24));
        if (declared != file.Length)
            throw new ImportFileException(path, $"truncated or damaged shapefile: the header declares {declared} bytes, the file has {file.Length}");

        var records = 0;
        var position = (long)ShpHeaderBytes;
        var recordHeader = new byte[8];
        while (position < file.Length)
        {
            file.Position = position;
            if (file.ReadAtLeast(recordHeader, 8, throwOnEndOfStream: false) < 8)
                throw new ImportFileException(path, $"truncated or damaged shapefile: record {records + 1} header is cut off");
            // A negative content length would move backwards (an endless loop, or a negative position): found by fuzzing.
            var contentWords = BinaryPrimitives.ReadInt32BigEndian(recordHeader.AsSpan(4));
            if (contentWords < 0)
                throw new ImportFileException(path, $"truncated or damaged shapefile: record {records + 1} declares a negative length");
            var contentStart = position + 8;
            position += 8 + 2L * contentWords;
            if (position > file.Length)
                throw new ImportFileException(path, $"truncated or damaged shapefile: record {records + 1} runs past the end of the file");
            CheckCounts(file, path, records + 1, contentStart, 2L * contentWords);
            records++;
        }
        return records;
    }

    /// <summary>Shape types whose record holds part and point counts (polyline, polygon, multipatch, with Z or M).</summary>
    private static readonly HashSet<int> PartedShapes = [3, 5, 13, 15, 23, 25, 31];

    /// <summary>Shape types whose record holds a point count only (multipoint, with Z or M).</summary>
    private static readonly HashSet<int> MultiPointShapes = [8, 18, 28];

    /// <summary>
    /// Part and point counts must fit their record: the shapefile reader trusts them, and a polygon that claims a billion
    /// parts keeps it busy for ever (found by fuzzing).
    /// </summary>
    private static void CheckCounts(FileStream file, string path, int record, long contentStart, long contentBytes)
    {
        if (contentBytes < 44) return;
        var content = new byte[44];
        file.Position = contentStart;
        file.ReadExactly(content);
        var shapeType = BinaryPrimitives.ReadInt32LittleEndian(content);
        long needed;
        if (PartedShapes.Contains(shapeType))
        {
            var parts = BinaryPrimitives.ReadInt32LittleEndian(content.AsSpan(36));
            var points = BinaryPrimitives.ReadInt32LittleEndian(content.AsSpan(40));
            needed = parts < 0 || points < 0 ? long.MaxValue : 44 + 4L * parts + 16L * points;
        }
        else if (MultiPointShapes.Contains(shapeType))
        {
            var points = BinaryPrimitives.ReadInt32LittleEndian(content.AsSpan(36));
            needed = points < 0 ? long.MaxValue : 40 + 16L * points;
        }
        else return;
        if (needed > contentBytes)
            throw new ImportFileException(path, $"truncated or damaged shapefile: record {record} claims more parts or points than its {contentBytes} bytes hold");
    }

    private static int DbfRecords(string shpPath, string dbfPath)
    {
        using var file = File.OpenRead(dbfPath);
        var header = new byte[12];
        if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
            throw new ImportFileException(shpPath, "the .dbf attribute table is empty or cut off");
        var records = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8));
        var recordLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(10));
        var expected = headerLength + (long)records * recordLength;
        // The 0x1A end-of-file marker after the last record is optional.
        if (file.Length < expected || file.Length > expected + 1)
            throw new ImportFileException(shpPath, $"truncated or damaged .dbf: its header declares {expected} bytes, the file has {file.Length}");
        return checked((int)records);
    }
}
