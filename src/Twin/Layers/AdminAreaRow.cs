using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Layers;

/// <summary>The <c>admin_areas</c> table: imported city and district outlines (wards have their own table).</summary>
public sealed class AdminAreaRow
{
    public required string Code { get; set; }
    public string Name { get; set; } = "";
    public string Level { get; set; } = "district";
    public required MultiPolygon Geometry { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}
