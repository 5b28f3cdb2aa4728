namespace CityTwin.Vision.Imaging.Storage;

/// <summary>Where and how received instances are kept (configuration section <c>CityTwin:Imaging</c>).</summary>
public sealed class ImagingOptions
{
    public const string Section = "CityTwin:Imaging";

    /// <summary>Root of the content-addressed files; relative paths are under the repository root. Default <c>.data/imaging</c>.</summary>
    public string StorageRoot { get; set; } = Path.Combine(".data", "imaging");

    /// <summary>
    /// The per-deployment secret that keys patient-id pseudonyms. Unset: a random key is created once in
    /// <c>pseudonym.key</c> under the storage root, so pseudonyms stay stable across restarts of one deployment.
    /// </summary>
    public string? PseudonymKey { get; set; }

    /// <summary>The largest instance any receiver accepts, in bytes (default 64 MiB); larger ones are refused whole.</summary>
    public long MaxInstanceBytes { get; set; } = 64L * 1024 * 1024;
}
