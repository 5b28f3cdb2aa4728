namespace CityTwin.Graph.Map;

/// <summary>
/// The basemap layers the host serves as GeoJSON, each read from a PostGIS table. Only public geometry goes out:
/// outlines, roads, points of interest; no plates, no patients.
/// </summary>
public enum BasemapLayer
{
    /// <summary>Ward boundaries where imported; elsewhere an approximate cell around the ward's label point.</summary>
    Wards,
    /// <summary>Imported road segments.</summary>
    Roads,
    /// <summary>Imported city and district outlines (e.g. the Thu Duc City outline).</summary>
    Admin,
    /// <summary>Imported points of interest (medical, education, commercial...).</summary>
    Pois,
}
