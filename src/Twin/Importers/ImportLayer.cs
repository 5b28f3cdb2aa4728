namespace CityTwin.Twin.Importers;

/// <summary>Which table an import fills, and so which geometry type and attributes each feature must have.</summary>
public enum ImportLayer
{
    /// <summary>Ward boundaries (Polygon/MultiPolygon) for wards the city already registered, by GSO code.</summary>
    Wards = 0,
    /// <summary>Road segments (LineString/MultiLineString) into <c>roads</c>.</summary>
    Roads = 1,
    /// <summary>Cameras (Point) with their placement, into <c>cameras</c>.</summary>
    Cameras = 2,
    /// <summary>Points of interest (Point) into <c>pois</c>.</summary>
    Pois = 3,
    /// <summary>City and district outlines (Polygon/MultiPolygon) into <c>admin_areas</c>.</summary>
    Districts = 4,
}
