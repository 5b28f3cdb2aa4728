using CityTwin.Twin.Coverage;

namespace CityTwin.Twin.Planning;

/// <summary>
/// Builds the siting problem inside PostGIS, in temporary tables dropped at commit: the uncovered road elements in
/// scope, the candidate sites, and every (site, element) pair where the element's midpoint lies in the site's view.
/// Parameters: those of <see cref="CoverageSql"/>, <c>@area</c> (geometry 4326 or null), <c>@all_classes</c>,
/// <c>@classes</c> (text[]), <c>@gateways</c>, <c>@element_m</c>, <c>@spacing_m</c>, <c>@range_m</c>, <c>@fov_deg</c>.
/// </summary>
internal static class PlanningSql
{
    private const string Scope = """
        ,
        scope AS MATERIALIZED (
            SELECT s.road_id, s.class, s.gateway, s.ward_code, s.sight,
                   CASE WHEN @area::geometry IS NULL THEN s.g
                        ELSE ST_CollectionExtract(ST_Intersection(s.g, ST_Transform(@area::geometry, 32648)), 2) END AS g
            FROM seen s)
        """;

    /// <summary>Temporary tables <c>plan_scope</c>, <c>plan_element</c> and <c>plan_site</c>, with GiST indexes.</summary>
    public static readonly string Build = "CREATE TEMP TABLE plan_scope ON COMMIT DROP AS\n" + CoverageSql.Pieces + Scope + """

        SELECT road_id, class, gateway, ward_code, g, sight,
               @all_classes OR class = ANY(@classes) OR (@gateways AND gateway) AS selected
        FROM scope WHERE NOT ST_IsEmpty(g);

        CREATE TEMP TABLE plan_element ON COMMIT DROP AS
        WITH uncovered AS (
            SELECT u.class, u.gateway, d.geom AS g
            FROM plan_scope u,
                 LATERAL ST_Dump(ST_CollectionExtract(CASE WHEN u.sight IS NULL THEN u.g ELSE ST_Difference(u.g, u.sight) END, 2)) d
            WHERE u.selected AND ST_Length(d.geom) >= 1),
        cut AS (SELECT class, gateway, g, greatest(1, ceil(ST_Length(g) / @element_m))::int AS n FROM uncovered)
        SELECT (row_number() OVER (ORDER BY ST_X(ST_LineInterpolatePoint(g, (i + 0.5) / n)), ST_Y(ST_LineInterpolatePoint(g, (i + 0.5) / n))) - 1)::int AS id,
               class, gateway, ST_Length(g) / n AS len, ST_LineInterpolatePoint(g, (i + 0.5) / n) AS mid
        FROM cut, generate_series(0, n - 1) i;
        CREATE INDEX ON plan_element USING gist (mid);

        CREATE TEMP TABLE plan_site ON COMMIT DROP AS
        WITH line AS (
            SELECT s.ward_code, d.geom AS g, ST_Length(d.geom) AS len
            FROM plan_scope s, LATERAL ST_Dump(s.g) d WHERE ST_Length(d.geom) > 1),
        sample AS (
            SELECT ward_code, g, len, least(1.0, k * @spacing_m / len) AS f
            FROM line, generate_series(0, ceil(len / @spacing_m)::int) k),
        placed AS (
            SELECT ward_code, ST_LineInterpolatePoint(g, f) AS p,
                   degrees(ST_Azimuth(ST_LineInterpolatePoint(g, greatest(0, f - least(0.5, 2 / len))),
                                      ST_LineInterpolatePoint(g, least(1, f + least(0.5, 2 / len))))) AS az
            FROM sample),
        both_ways AS (
            SELECT ward_code, p, az FROM placed WHERE az IS NOT NULL
            UNION ALL
            SELECT ward_code, p, mod((az + 180)::numeric, 360)::float8 FROM placed WHERE az IS NOT NULL AND @fov_deg < 360),
        distinct_site AS (
            SELECT DISTINCT ON (ST_SnapToGrid(p, 5), CASE WHEN @fov_deg < 360 THEN round(az / 15) END)
                   ward_code, ST_SnapToGrid(p, 5) AS p, CASE WHEN @fov_deg < 360 THEN az ELSE 0 END AS heading
            FROM both_ways ORDER BY ST_SnapToGrid(p, 5), CASE WHEN @fov_deg < 360 THEN round(az / 15) END, ward_code)
        SELECT (row_number() OVER (ORDER BY ST_X(p), ST_Y(p), heading) - 1)::int AS id, ward_code, p, heading FROM distinct_site;
        CREATE INDEX ON plan_site USING gist (p);
        """;

    /// <summary>Length of the selected roads in scope and the part existing cameras cover.</summary>
    public const string Before = """
        SELECT COALESCE(sum(ST_Length(g)), 0), COALESCE(sum(CASE WHEN sight IS NULL THEN 0 ELSE ST_Length(ST_Intersection(g, sight)) END), 0)
        FROM plan_scope WHERE selected
        """;

    public const string Elements = "SELECT id, class, gateway, len FROM plan_element ORDER BY id";

    public const string Sites = "SELECT id, ST_X(ST_Transform(p, 4326)), ST_Y(ST_Transform(p, 4326)), heading, ward_code FROM plan_site ORDER BY id";

    /// <summary>
    /// Which element each site covers: within range, and for a sector within half the field of view of its heading
    /// (an element right under the camera counts as seen).
    /// </summary>
    public const string Pairs = """
        SELECT s.id, e.id FROM plan_site s JOIN plan_element e ON ST_DWithin(s.p, e.mid, @range_m)
        WHERE @fov_deg >= 360 OR ST_Distance(s.p, e.mid) < 0.5
           OR abs(mod((degrees(ST_Azimuth(s.p, e.mid)) - s.heading + 540)::numeric, 360) - 180) <= @fov_deg / 2
        ORDER BY s.id, e.id
        """;
}
