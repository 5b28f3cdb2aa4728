using Npgsql;

namespace CityTwin.Graph.Schema.Schools;

/// <summary>
/// The teacher-shortage view per ward: unfilled posts (<c>school_staffing</c>) beside the remote lessons received by the
/// ward's schools (each remote school of a lesson counts once) that started in the seven days before now.
/// </summary>
public static class TeacherShortageQuery
{
    public static async Task<IReadOnlyList<TeacherShortage>> RunAsync(NpgsqlDataSource dataSource, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT s.ward_code, coalesce(w.name, ''), count(*)::int,
                   coalesce(sum(st.unfilled_teacher_posts), 0)::int,
                   coalesce(sum((SELECT count(*) FROM lessons l WHERE s.id = ANY(l.remote_school_ids) AND l.starts_at >= @since AND l.starts_at <= @now)), 0)::int
            FROM schools s
            LEFT JOIN school_staffing st ON st.school_id = s.id
            LEFT JOIN wards w ON w.code = s.ward_code
            GROUP BY s.ward_code, w.name
            ORDER BY 4 DESC, 5 ASC, s.ward_code
            """);
        command.Parameters.AddWithValue("since", now.AddDays(-7).UtcDateTime);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        var rows = new List<TeacherShortage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new TeacherShortage(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4)));
        return rows;
    }
}
