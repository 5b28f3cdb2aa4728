using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CityTwin.Twin.Incidents;

/// <summary>Per-ward response figures computed by PostgreSQL (<c>percentile_cont</c>) over <c>incidents</c>.</summary>
public static class ResponseFigureQueries
{
    /// <summary>
    /// One row per ward with incidents detected in [<paramref name="from"/>, <paramref name="to"/>), optionally of some
    /// kinds and one ward; wards by code.
    /// </summary>
    public static async Task<IReadOnlyList<WardResponseFigures>> PerWardAsync(this TwinDbContext db, DateTimeOffset from, DateTimeOffset to,
        IReadOnlyCollection<IncidentKind>? kinds, string? wardCode, CancellationToken cancellationToken = default)
    {
        var kindNames = kinds is { Count: > 0 } ? kinds.Select(k => k.ToString()).ToArray() : null;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("""
                SELECT ward_code, count(*)::int, count(on_scene_at)::int,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM on_scene_at - detected_at)),
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM on_scene_at - detected_at))
                FROM incidents
                WHERE ward_code IS NOT NULL AND detected_at >= @from AND detected_at < @to
                  AND (@kinds::text[] IS NULL OR kind = ANY(@kinds))
                  AND (@ward::text IS NULL OR ward_code = @ward)
                GROUP BY ward_code
                ORDER BY ward_code
                """, connection);
            command.Parameters.Add(new NpgsqlParameter("from", from.ToUniversalTime()));
            command.Parameters.Add(new NpgsqlParameter("to", to.ToUniversalTime()));
            command.Parameters.Add(new NpgsqlParameter("kinds", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)kindNames ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("ward", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)wardCode ?? DBNull.Value });
            var figures = new List<WardResponseFigures>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                figures.Add(new WardResponseFigures(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetDouble(4)));
            return figures;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
