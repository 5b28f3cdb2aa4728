using CityTwin.Twin.Spatial;
using CityTwin.Twin.Spatial.Located;

namespace CityTwin.Twin.Incidents.Desk;

/// <summary>
/// When a sighting is the same incident as an open one: the same kind, the incident seen within
/// <see cref="Window"/> of the sighting, and the places agreeing (the polygons overlap, or the points lie within
/// <see cref="DistanceM"/>). Smoke drifts and towers see it from far, so the polygon test does most of the work.
/// </summary>
public static class IncidentMergeRules
{
    /// <summary>How long an incident stays open to new sightings after it was last seen.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    /// <summary>Points closer than this are one incident even when the polygons miss each other.</summary>
    public const double DistanceM = 300;

    /// <summary>True when the sighting and the incident are one event on the ground.</summary>
    public static bool SamePlace(LocationFix sighting, GeoPoint incidentPoint, IReadOnlyList<GeoPoint> incidentArea)
    {
        if (MetricProjection.DistanceMetres(sighting.Point, incidentPoint) <= DistanceM) return true;
        if (incidentArea.Count < 4) return false;
        var area = new LocationFix(incidentPoint, incidentArea, LocationQuality.Located).AreaPolygon();
        return area.Intersects(sighting.AreaPolygon());
    }

    /// <summary>True when the incident was seen recently enough before (or after) the sighting.</summary>
    public static bool Recent(DateTimeOffset lastSeenAt, DateTimeOffset observedAt) =>
        (observedAt - lastSeenAt).Duration() <= Window;
}
