namespace CityTwin.Graph.Map;

/// <summary>
/// One SQL statement per layer that builds the whole FeatureCollection inside PostGIS (ST_AsGeoJSON + json_agg), so the
/// host never materialises geometries it only passes on. <c>{0}</c> is the optional bbox filter on <c>geom</c>.
/// </summary>
internal static class BasemapSql
{
    /// <summary>GeoJSON coordinates to 6 decimals: about 0.1 m, plenty for a basemap.</summary>
    private const string Collection = """
        SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
            'type', 'Feature', 'id', id, 'geometry', ST_AsGeoJSON(geom, 6)::json, 'properties', props) ORDER BY id), '[]'::json))::text
        FROM layer WHERE geom IS NOT NULL {0}
        """;

    // Wards without an imported boundary get the Voronoi cell of their label point among the other such wards,
    // clipped to 1.5 km around the point so that outlying wards (Can Gio, Ben Thanh) do not claim half the map.
    private const string Wards = """
        WITH w AS (SELECT code, name, district_code, label_point, boundary FROM wards),
        cells AS (
            SELECT (ST_Dump(ST_VoronoiPolygons(ST_Collect(label_point)))).geom AS cell
            FROM w WHERE boundary IS NULL AND label_point IS NOT NULL),
        layer AS (
            SELECT w.code AS id,
                   COALESCE(w.boundary, ST_Multi(ST_Intersection(c.cell, ST_Buffer(w.label_point::geography, 1500)::geometry))) AS geom,
                   json_build_object('code', w.code, 'name', w.name, 'districtCode', w.district_code,
                                     'approximate', w.boundary IS NULL) AS props
            FROM w LEFT JOIN cells c ON w.boundary IS NULL AND ST_Intersects(c.cell, w.label_point)
            WHERE w.boundary IS NOT NULL OR w.label_point IS NOT NULL)
        """;

    private const string Roads = """
        WITH layer AS (SELECT id::text AS id, geometry AS geom,
                              json_build_object('name', name, 'kind', kind, 'widthM', width_m) AS props FROM roads)
        """;

    private const string Admin = """
        WITH layer AS (SELECT code AS id, geometry AS geom,
                              json_build_object('code', code, 'name', name, 'level', level) AS props FROM admin_areas)
        """;

    private const string Pois = """
        WITH layer AS (SELECT id::text AS id, location AS geom,
                              json_build_object('category', category, 'name', name) AS props FROM pois)
        """;

    public const string BboxFilter = "AND geom && ST_MakeEnvelope(@west, @south, @east, @north, 4326)";

    public static string For(BasemapLayer layer, bool withBbox)
    {
        var source = layer switch
        {
            BasemapLayer.Wards => Wards,
            BasemapLayer.Roads => Roads,
            BasemapLayer.Admin => Admin,
            BasemapLayer.Pois => Pois,
            _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, null),
        };
        return source + "\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Collection, withBbox ? BboxFilter : "");
    }
}
