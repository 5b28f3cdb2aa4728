namespace CityTwin.Graph.Map;

/// <summary>Configuration section <c>CityTwin:Map</c>: how long basemap documents are cached.</summary>
public sealed class BasemapOptions
{
    public const string Section = "CityTwin:Map";

    /// <summary>
    /// How long one layer document is reused. Layers only change when <c>citytwin import</c> runs (another process),
    /// so a short time keeps the map right soon after an import without querying PostGIS on every pan.
    /// </summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most distinct (layer, bbox) documents kept.</summary>
    public int MaxCachedDocuments { get; set; } = 256;
}
