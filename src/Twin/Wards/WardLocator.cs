using CityTwin.Twin.Spatial;
using Npgsql;

namespace CityTwin.Twin.Wards;

/// <summary>Point-in-ward lookup on the GiST-indexed boundaries, with the nearest label point as fallback.</summary>
internal sealed class WardLocator(NpgsqlDataSource dataSource) : IWardLocator
{
    public async Task<string?> LocateAsync(GeoPoint point, double maxLabelDistanceM = 2_500, CancellationToken cancellationToken = default)
    {
        point.EnsureValid();
        await using var command = dataSource.CreateCommand("""
            SELECT code FROM (
                SELECT code, 0 AS rank, 0.0 AS metres FROM wards
                WHERE boundary IS NOT NULL AND ST_Contains(boundary, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326))
                UNION ALL
                SELECT code, 1, ST_Distance(label_point::geography, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography) FROM wards
                WHERE boundary IS NULL AND label_point IS NOT NULL
                  AND ST_DWithin(label_point::geography, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, @max)
            ) AS found
            ORDER BY rank, metres LIMIT 1
            """);
        command.Parameters.AddWithValue("lon", point.Longitude);
        command.Parameters.AddWithValue("lat", point.Latitude);
        command.Parameters.AddWithValue("max", maxLabelDistanceM);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
