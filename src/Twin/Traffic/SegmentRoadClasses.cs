using CityTwin.Twin.Coverage;
using CityTwin.Twin.Spatial;
using Npgsql;

namespace CityTwin.Twin.Traffic;

/// <summary>
/// <see cref="ISegmentRoadClasses"/> on the imported <c>roads</c>: of the roads within <see cref="NearM"/> of the
/// camera-to-camera line, the one with the most length inside that corridor (a cross street touches the line; the road
/// the traffic drives along follows it), classed by <see cref="RoadClassRules.ClassSql"/>.
/// </summary>
public sealed class SegmentRoadClasses(NpgsqlDataSource dataSource) : ISegmentRoadClasses
{
    /// <summary>Half width of the corridor around the segment: cameras stand beside the carriageway, not on it.</summary>
    public const double NearM = 30;

    private static readonly string Sql = $$"""
        WITH seg AS (
            SELECT ST_Transform(ST_SetSRID(ST_MakeLine(ST_MakePoint(@lon1, @lat1), ST_MakePoint(@lon2, @lat2)), 4326), 32648) AS g)
        SELECT {{RoadClassRules.ClassSql}}
        FROM roads r, seg
        WHERE NOT ({{RoadClassRules.NotARoadSql}})
          AND r.geometry && ST_Transform(ST_Expand(seg.g, @near), 4326)
          AND ST_DWithin(ST_Transform(r.geometry, 32648), seg.g, @near)
        ORDER BY ST_Length(ST_Intersection(ST_Transform(r.geometry, 32648), ST_Buffer(seg.g, @near))) DESC, r.id
        LIMIT 1
        """;

    public async Task<RoadClass?> ClassOfAsync(GeoPoint from, GeoPoint to, CancellationToken cancellationToken = default)
    {
        from.EnsureValid();
        to.EnsureValid();
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.AddWithValue("lon1", from.Longitude);
        command.Parameters.AddWithValue("lat1", from.Latitude);
        command.Parameters.AddWithValue("lon2", to.Longitude);
        command.Parameters.AddWithValue("lat2", to.Latitude);
        command.Parameters.AddWithValue("near", NearM);
        return await command.ExecuteScalarAsync(cancellationToken) is string name ? RoadClassRules.Parse(name) : null;
    }
}
