namespace CityTwin.Graph.Map;

/// <summary>One layer's GeoJSON FeatureCollection, with the ETag that identifies its content.</summary>
public sealed record BasemapDocument(string Json, string ETag, DateTimeOffset MadeAt);
