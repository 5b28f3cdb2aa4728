using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CityTwin.Twin.Audit;

/// <summary>Reads the trail for a supervisor: who looked at a plate between two times, and whether the chain is intact.</summary>
public sealed class AuditTrailReader(IDbContextFactory<TwinDbContext> contexts)
{
    /// <summary>The rows about <paramref name="plateKey"/> in [from, to), oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<PlateLookupRow>> ForPlateAsync(string plateKey, DateTimeOffset from, DateTimeOffset to, int limit,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<PlateLookupRow>().AsNoTracking()
            .Where(l => l.PlateKey == plateKey && l.At >= from && l.At < to)
            .OrderBy(l => l.At).ThenBy(l => l.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The sequence number of the first row whose hash or link no longer matches; null when the chain is intact.</summary>
    public async Task<long?> FirstBrokenAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT plate_lookups_verify()", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is long seq ? seq : null;
    }
}
