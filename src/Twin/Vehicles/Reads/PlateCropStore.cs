using Npgsql;
using NpgsqlTypes;

namespace CityTwin.Twin.Vehicles.Reads;

/// <summary>
/// <see cref="IPlateCropStore"/> on the <c>plate_crops</c> table (bytea). Crops are small (at most
/// <see cref="PlateReadLimits.MaxCropBytes"/>) and live with the sightings they illustrate, so one backup holds both.
/// </summary>
public sealed class PlateCropStore(NpgsqlDataSource dataSource) : IPlateCropStore
{
    private const string InsertSql = """
        INSERT INTO plate_crops (id, jpeg, camera_id, plate_key)
        SELECT * FROM unnest(@ids, @jpegs, @cameras, @plates)
        ON CONFLICT (id) DO NOTHING
        """;

    /// <inheritdoc />
    public async Task StoreAsync(IReadOnlyList<PlateCrop> crops, CancellationToken cancellationToken = default)
    {
        var distinct = crops.DistinctBy(c => c.Id, StringComparer.Ordinal).ToList();
        if (distinct.Count == 0) return;
        await using var command = dataSource.CreateCommand(InsertSql);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = distinct.Select(c => c.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("jpegs", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = distinct.Select(c => c.Jpeg).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("cameras", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = distinct.Select(c => c.CameraId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("plates", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = distinct.Select(c => c.PlateKey).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PlateCrop?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!JpegCrop.IsCropId(id)) return null;
        await using var command = dataSource.CreateCommand("SELECT jpeg, camera_id, plate_key FROM plate_crops WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new PlateCrop(id, reader.GetFieldValue<byte[]>(0), reader.GetString(1), reader.GetString(2));
    }
}
