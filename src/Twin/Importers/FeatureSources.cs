namespace CityTwin.Twin.Importers;

/// <summary>Checks the file before reading it, then hands it to the reader of its format.</summary>
internal static class FeatureSources
{
    public static SourceLayer Read(ImportOptions options)
    {
        var path = options.FilePath;
        if (!File.Exists(path))
            throw new ImportFileException(path, $"file not found (looked for {path})");
        if (!double.IsFinite(options.MaxMegabytes) || options.MaxMegabytes <= 0)
            throw new ImportFileException(path, $"the size limit must be a positive number of MB, not {options.MaxMegabytes}");
        // The whole layer is held in memory and validated before writing, so the limit is checked before any byte is read.
        var megabytes = TotalBytes(options) / (1024d * 1024d);
        if (megabytes > options.MaxMegabytes)
            throw new ImportFileException(path,
                FormattableString.Invariant($"file is {megabytes:F1} MB, over the limit of {options.MaxMegabytes:0.#} MB (raise it with --max-mb)"));
        try
        {
            return options.Format switch
            {
                ImportFormat.GeoJson => GeoJsonSource.Read(path),
                ImportFormat.Shapefile => ShapefileSource.Read(path),
                ImportFormat.GeoPackage => GeoPackageSource.Read(path, options.Table),
                _ => throw new ImportFileException(path, $"unknown format {options.Format}"),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportFileException(path, $"cannot read the file: {e.Message}", e);
        }
    }

    /// <summary>A shapefile is several files; its .dbf usually outweighs the .shp, so all parts count toward the limit.</summary>
    private static long TotalBytes(ImportOptions options)
    {
        var size = new FileInfo(options.FilePath).Length;
        if (options.Format != ImportFormat.Shapefile) return size;
        foreach (var extension in new[] { ".dbf", ".shx" })
        {
            var part = new FileInfo(Path.ChangeExtension(options.FilePath, extension));
            if (part.Exists) size += part.Length;
        }
        return size;
    }
}
