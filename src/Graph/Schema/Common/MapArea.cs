using NetTopologySuite.Geometries;

namespace CityTwin.Graph.Schema.Common;

/// <summary>
/// The map area a query or subscription is scoped to: a <c>bbox</c> [west, south, east, north] or a <c>polygon</c>
/// (GeoJSON), never both. Shared by list queries and subscriptions so both read areas the same way.
/// </summary>
public static class MapArea
{
    public const string BboxArgument = "bbox";
    public const string PolygonArgument = "polygon";

    /// <summary>The area from the two optional arguments, or null when neither is given.</summary>
    public static Geometry? From(IReadOnlyList<double>? bbox, Geometry? polygon)
    {
        if (bbox is not null && polygon is not null) throw new FormatException("give either bbox or polygon, not both");
        if (bbox is not null) return GeoJsonReader.FromBoundingBox(bbox);
        if (polygon is null) return null;
        if (polygon is not (Polygon or MultiPolygon)) throw new FormatException($"an area must be a Polygon or MultiPolygon, not {polygon.GeometryType}");
        return polygon;
    }
}
