namespace CityTwin.Twin.Importers;

/// <summary>
/// A file the importer cannot use as a whole (missing, too large, malformed, unsupported coordinate system).
/// The message names the file and the reason; the importer turns it into <see cref="ImportResult.Error"/>.
/// </summary>
public sealed class ImportFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public ImportFileException(string path, string reason, Exception? inner = null)
        : base($"{Path.GetFileName(path)}: {reason}", inner) => FilePath = path;

    /// <summary>The file concerned.</summary>
    public string FilePath { get; }
}
