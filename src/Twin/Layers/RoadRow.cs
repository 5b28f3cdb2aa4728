using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Layers;

/// <summary>The <c>roads</c> table: imported road segments, the line network for tracing and coverage work.</summary>
public sealed class RoadRow
{
    public long Id { get; set; }
    public string? SourceId { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? District { get; set; }
    public double? WidthM { get; set; }
    public required MultiLineString Geometry { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}
