using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Vision.Imaging.Forwarding;

/// <summary>
/// Every SQL statement of PACS forwarding, in one place. New receipts (<c>imaging_instances</c>) and readings
/// (<c>clinic_studies</c>) become <c>pacs_forwards</c> rows by one idempotent insert each, so forwarding works off what
/// is committed, whoever committed it; state changes are single-row updates.
/// </summary>
public sealed class ForwardingSql(IDbContextFactory<TwinDbContext> database)
{
    /// <summary>Adds a row for every stored image and every reading that has none yet; returns how many were added.</summary>
    public async Task<int> DiscoverAsync(bool images, bool reports, CancellationToken cancellationToken)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        var added = 0;
        if (images)
        {
            added += await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO pacs_forwards (clinic_id, study_instance_uid, kind, source_id, state, attempts, next_attempt_at, created_at)
                SELECT i.clinic_id, i.study_instance_uid, 'image', i.sop_instance_uid, 'Pending', 0, now(), now()
                FROM imaging_instances i
                WHERE NOT EXISTS (SELECT 1 FROM pacs_forwards f WHERE f.kind = 'image' AND f.clinic_id = i.clinic_id AND f.source_id = i.sop_instance_uid)
                ORDER BY i.received_at
                ON CONFLICT (kind, clinic_id, source_id) DO NOTHING
                """, cancellationToken);
        }
        if (reports)
        {
            added += await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO pacs_forwards (clinic_id, study_instance_uid, kind, source_id, state, attempts, next_attempt_at, created_at)
                SELECT s.clinic_id, s.study_instance_uid, 'report', s.id::text, 'Pending', 0, now(), now()
                FROM clinic_studies s
                WHERE NOT EXISTS (SELECT 1 FROM pacs_forwards f WHERE f.kind = 'report' AND f.clinic_id = s.clinic_id AND f.source_id = s.id::text)
                ORDER BY s.id
                ON CONFLICT (kind, clinic_id, source_id) DO NOTHING
                """, cancellationToken);
        }
        return added;
    }

    /// <summary>Up to <paramref name="limit"/> rows due now, oldest first, except those being sent.</summary>
    public async Task<List<ForwardJob>> DueAsync(int limit, long[] inFlight, CancellationToken cancellationToken)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        return await db.Database.SqlQueryRaw<ForwardJob>("""
            SELECT id, clinic_id, study_instance_uid, kind, source_id, attempts
            FROM pacs_forwards
            WHERE state IN ('Pending', 'Retrying') AND next_attempt_at <= now() AND NOT (id = ANY({0}))
            ORDER BY id
            LIMIT {1}
            """, inFlight, limit).ToListAsync(cancellationToken);
    }

    /// <summary>The reading behind a report row, as JSON of its whole row: columns added by later features come along.</summary>
    public async Task<string?> ReadingJsonAsync(long studyRowId, CancellationToken cancellationToken)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT to_jsonb(s)::text FROM clinic_studies s WHERE s.id = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = studyRowId;
        command.Parameters.Add(parameter);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>The clinic's stored image (SOP instance UIDs are unique per clinic only): its file's hash, series and SOP class.</summary>
    public async Task<(string Sha256, string SeriesInstanceUid, string SopClassUid)?> ImageAsync(string clinicId, string sopInstanceUid, CancellationToken cancellationToken)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<Twin.Clinics.Imaging.ImagingInstanceRow>().AsNoTracking()
            .Where(i => i.ClinicId == clinicId && i.SopInstanceUid == sopInstanceUid)
            .Select(i => new { i.Sha256, i.SeriesInstanceUid, i.SopClassUid })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Sha256, row.SeriesInstanceUid, row.SopClassUid);
    }

    public Task MarkAttemptAsync(long id, string state, int attempts, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            UPDATE pacs_forwards SET state = {1}, attempts = {2}, last_error = left({3}, 1000), next_attempt_at = {4} WHERE id = {0}
            """, cancellationToken, id, state, attempts, error, nextAttemptAt.ToUniversalTime());

    public Task MarkForwardedAsync(long id, int attempts, string sopInstanceUid, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            UPDATE pacs_forwards SET state = 'Forwarded', attempts = {1}, sop_instance_uid = {2}, forwarded_at = {3}, last_error = NULL WHERE id = {0}
            """, cancellationToken, id, attempts, sopInstanceUid, at.ToUniversalTime());

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
    }
}
