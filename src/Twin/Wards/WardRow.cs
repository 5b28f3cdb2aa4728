using CityTwin.Twin.Persistence;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Wards;

/// <summary>The <c>wards</c> table. The boundary is written by the importer, the rest by the ward grain.</summary>
public sealed class WardRow : IVersionedRow
{
    public required string Code { get; set; }
    public string Name { get; set; } = "";
    public string DistrictName { get; set; } = "";
    public string DistrictCode { get; set; } = "";
    public Point? LabelPoint { get; set; }
    public MultiPolygon? Boundary { get; set; }
    /// <summary>Census population from the imported ward layer (2019 for Thu Duc), where it gave one.</summary>
    public long? Population { get; set; }
    public List<string> CameraIds { get; set; } = [];
    public List<string> OpenIncidentIds { get; set; } = [];
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
