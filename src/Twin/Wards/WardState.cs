using CityTwin.Twin.Spatial;

namespace CityTwin.Twin.Wards;

/// <summary>The live state of a ward: identity plus the aggregates the map colours wards by.</summary>
[GenerateSerializer, Alias("CityTwin.WardState")]
public sealed class WardState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public string DistrictName { get; set; } = "";
    [Id(2)] public string DistrictCode { get; set; } = "";
    [Id(3)] public GeoPoint? LabelPoint { get; set; }
    /// <summary>Sets, not counters, so a repeated attach or detach cannot skew the count.</summary>
    [Id(4)] public HashSet<string> CameraIds { get; set; } = new(StringComparer.Ordinal);
    [Id(5)] public HashSet<string> OpenIncidentIds { get; set; } = new(StringComparer.Ordinal);
    /// <summary>True when an imported boundary polygon is stored for the ward.</summary>
    [Id(6)] public bool HasBoundary { get; set; }

    public int CameraCount => CameraIds.Count;
    public int OpenIncidentCount => OpenIncidentIds.Count;
}
