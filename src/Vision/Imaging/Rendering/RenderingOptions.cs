namespace CityTwin.Vision.Imaging.Rendering;

/// <summary>Configuration of rendered images (<c>CityTwin:Imaging:Rendering</c>).</summary>
public sealed class RenderingOptions
{
    public const string Section = "CityTwin:Imaging:Rendering";

    /// <summary>Bytes of rendered JPEGs kept in memory, least recently used dropped first; 0 turns the cache off.</summary>
    public long CacheBytes { get; set; } = 64L * 1024 * 1024;
}
