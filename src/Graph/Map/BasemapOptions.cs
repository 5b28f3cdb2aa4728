namespace CityTwin.Graph.Map;

/// <summary>Configuration section <c>CityTwin:Map</c>: how long basemap documents are cached, and how many queries an address may cause.</summary>
public sealed class BasemapOptions
{
    public const string Section = "CityTwin:Map";

    /// <summary>
    /// How long one layer document is reused. Layers only change when <c>citytwin import</c> runs (another process),
    /// so a short time keeps the map right soon after an import without querying PostGIS on every pan.
    /// </summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most distinct (layer, tile range) documents kept; the least recently used go first.</summary>
    public int MaxCachedDocuments { get; set; } = 256;

    /// <summary>
    /// Basemap queries (cache misses) one client address may cause per second; cached documents are always served.
    /// 0 turns the limit off.
    /// </summary>
    public double QueriesPerSecondPerAddress { get; set; } = 5;

    /// <summary>Queries an address may cause at once before <see cref="QueriesPerSecondPerAddress"/> applies.</summary>
    public int QueryBurstPerAddress { get; set; } = 40;
}
