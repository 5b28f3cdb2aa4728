namespace CityTwin.Twin.Coverage;

/// <summary>
/// The SQL every coverage figure starts from, all in UTM 48N (EPSG:32648) so lengths are metres: ward zones (the
/// imported boundary, or else an approximate cell), the road pieces inside each zone with their class and gateway flag,
/// and the view areas that cover them. Parameters: <c>@ward</c> (text or null) and <c>@with_planned</c> (boolean).
/// </summary>
internal static class CoverageSql
{
    /// <summary>
    /// CTEs ending in <c>piece</c> (road_id, road_name, class, gateway, ward_code, approximate, population, g) and
    /// <c>views</c> (g). Wards without a boundary get the Voronoi cell of their label point among the other such wards,
    /// clipped to 1.5 km around it and to what no imported boundary claims, so no road is counted twice.
    /// The city's outline is the imported Thu Duc City area (admin area 769), else the union of its imported ward
    /// boundaries; a road with at least 5 m inside it and 5 m outside is a gateway (one that only ends on it,
    /// give or take reprojection error, is not).
    /// </summary>
    public static readonly string Pieces = $$"""
        WITH imported AS MATERIALIZED (
            SELECT code, population, ST_Transform(boundary, 32648) AS g FROM wards WHERE boundary IS NOT NULL),
        imported_union AS MATERIALIZED (SELECT ST_Union(g) AS g FROM imported),
        cells AS (
            SELECT (ST_Dump(ST_VoronoiPolygons(ST_Collect(ST_Transform(label_point, 32648))))).geom AS cell
            FROM wards WHERE boundary IS NULL AND label_point IS NOT NULL),
        approx AS (
            SELECT w.code, w.population, ST_Transform(w.label_point, 32648) AS label, c.cell
            FROM wards w JOIN cells c ON ST_Intersects(c.cell, ST_Transform(w.label_point, 32648))
            WHERE w.boundary IS NULL AND w.label_point IS NOT NULL),
        zones AS MATERIALIZED (
            SELECT code, population, g, false AS approximate FROM imported
            UNION ALL
            SELECT a.code, a.population,
                   CASE WHEN u.g IS NULL THEN ST_Intersection(a.cell, ST_Buffer(a.label, 1500))
                        ELSE ST_Difference(ST_Intersection(a.cell, ST_Buffer(a.label, 1500)), u.g) END,
                   true
            FROM approx a CROSS JOIN imported_union u),
        outline AS MATERIALIZED (
            SELECT COALESCE(
                (SELECT ST_Transform(geometry, 32648) FROM admin_areas WHERE code = '769'),
                (SELECT ST_Union(ST_Transform(boundary, 32648)) FROM wards WHERE boundary IS NOT NULL AND district_code = '769')) AS g),
        road AS MATERIALIZED (
            SELECT r.id, r.name, {{RoadClassRules.ClassSql}} AS class, ST_Transform(r.geometry, 32648) AS g
            FROM roads r WHERE NOT ({{RoadClassRules.NotARoadSql}})),
        piece AS MATERIALIZED (
            SELECT r.id AS road_id, r.name AS road_name, r.class,
                   COALESCE(ST_Crosses(r.g, o.g) AND ST_Length(ST_Difference(r.g, o.g)) >= 5 AND ST_Length(ST_Intersection(r.g, o.g)) >= 5, false) AS gateway,
                   z.code AS ward_code, z.approximate, z.population,
                   ST_CollectionExtract(ST_Intersection(r.g, z.g), 2) AS g
            FROM road r JOIN zones z ON ST_Intersects(r.g, z.g) CROSS JOIN outline o
            WHERE @ward::text IS NULL OR z.code = @ward::text),
        views AS MATERIALIZED (
            SELECT ST_Transform(view_area, 32648) AS g FROM cameras
            UNION ALL
            SELECT ST_Transform(view_area, 32648) FROM planned_cameras WHERE @with_planned),
        seen AS MATERIALIZED (
            SELECT p.*, (SELECT ST_Union(v.g) FROM views v WHERE ST_Intersects(v.g, p.g)) AS sight
            FROM piece p WHERE NOT ST_IsEmpty(p.g))
        """;

    /// <summary>Length and covered length per ward, class and gateway flag.</summary>
    public static readonly string Totals = Pieces + """

        SELECT ward_code, bool_or(approximate), max(population), class, gateway,
               sum(ST_Length(g)), sum(COALESCE(ST_Length(ST_Intersection(g, sight)), 0))
        FROM seen GROUP BY ward_code, class, gateway
        """;

    /// <summary>
    /// Every uncovered stretch (at least 1 m) with its ward, class, gateway flag, length, the sightings within 100 m
    /// (observed traffic) and its geometry as WGS84 GeoJSON.
    /// </summary>
    public static readonly string Gaps = Pieces + """
        ,
        stretch AS (
            SELECT s.road_id, s.road_name, s.class, s.gateway, s.ward_code, s.approximate, d.geom AS g
            FROM seen s,
                 LATERAL ST_Dump(ST_LineMerge(ST_CollectionExtract(
                     CASE WHEN s.sight IS NULL THEN s.g ELSE ST_Difference(s.g, s.sight) END, 2))) d)
        SELECT st.road_id, st.road_name, st.class, st.gateway, st.ward_code, st.approximate, ST_Length(st.g),
               (SELECT count(*) FROM sightings x
                WHERE x.location && ST_Transform(ST_Expand(st.g, 100), 4326)
                  AND ST_DWithin(ST_Transform(x.location, 32648), st.g, 100)),
               ST_AsGeoJSON(ST_Transform(st.g, 4326), 6)
        FROM stretch st WHERE ST_Length(st.g) >= 1
        """;
}
