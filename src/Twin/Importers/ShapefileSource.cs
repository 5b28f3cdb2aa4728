using NetTopologySuite.IO.Esri;

namespace CityTwin.Twin.Importers;

/// <summary>Reads an Esri shapefile (.shp + .dbf, the .prj for the coordinate system, the .cpg for the text encoding).</summary>
internal static class ShapefileSource
{
    public static SourceLayer Read(string path)
    {
        if (!string.Equals(Path.GetExtension(path), ".shp", StringComparison.OrdinalIgnoreCase))
            throw new ImportFileException(path, "a shapefile import names the .shp file");
        var dbf = Path.ChangeExtension(path, ".dbf");
        if (!File.Exists(dbf))
            throw new ImportFileException(path, $"the attribute table {Path.GetFileName(dbf)} is missing next to the .shp");
        ShapefileIntegrity.Check(path, dbf);

        var features = new List<ImportFeature>();
        string? projection;
        var index = -1;
        try
        {
            using var reader = Shapefile.OpenRead(path);
            projection = reader.Projection;
            while (reader.Read(out var deleted))
            {
                // Deleted dBASE records keep their slot, so indexes stay record numbers of the file.
                index++;
                if (deleted) continue;
                var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (var field in reader.Fields)
                    attributes[field.Name] = field.Value is string text ? text.Trim() : field.Value;
                features.Add(new ImportFeature(index, null, reader.Geometry is { IsEmpty: false } g ? g : null, attributes));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // The reader throws many types on truncated or corrupt files (EndOfStream, ArgumentOutOfRange, InvalidData...).
            throw new ImportFileException(path, $"unreadable or truncated shapefile: {e.Message}", e);
        }

        if (string.IsNullOrWhiteSpace(projection)) return new SourceLayer(features, null);
        return CoordinateSystems.FromWkt(projection) is { } srid
            ? new SourceLayer(features, srid)
            : new SourceLayer(features, null, projection.Trim());
    }
}
