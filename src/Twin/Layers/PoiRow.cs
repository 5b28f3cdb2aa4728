using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Layers;

/// <summary>The <c>pois</c> table: imported points of interest (medical, education, commercial...).</summary>
public sealed class PoiRow
{
    public long Id { get; set; }
    public string? SourceId { get; set; }
    public string Category { get; set; } = "";
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? District { get; set; }
    public required Point Location { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}
