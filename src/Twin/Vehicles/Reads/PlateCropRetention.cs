using Npgsql;

namespace CityTwin.Twin.Vehicles.Reads;

/// <summary>
/// Deletes plate crops past their retention from <c>plate_crops</c>, in batches so a large backlog never holds a long
/// transaction. Crops of a plate with an open watchlist entry (same canonical key, not removed) are kept whatever
/// their age: an operator may still open them from the case's alerts.
/// </summary>
public sealed class PlateCropRetention(NpgsqlDataSource dataSource)
{
    private const int BatchSize = 1_000;

    private const string DeleteSql = """
        DELETE FROM plate_crops WHERE id IN (
            SELECT c.id FROM plate_crops c
            WHERE c.stored_at < @cutoff
              AND NOT EXISTS (SELECT 1 FROM watchlist_entries w WHERE w.plate_key = c.plate_key AND w.removed_at IS NULL)
            LIMIT @batch)
        """;

    /// <summary>Deletes the crops stored before <paramref name="cutoff"/> (except watched plates'); returns how many.</summary>
    public async Task<int> DeleteStoredBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            await using var command = dataSource.CreateCommand(DeleteSql);
            command.Parameters.AddWithValue("cutoff", cutoff.ToUniversalTime());
            command.Parameters.AddWithValue("batch", BatchSize);
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < BatchSize) return total;
        }
    }
}
