using System.Threading.Channels;
using CityTwin.Twin.Spatial;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CityTwin.Twin.Vehicles.Sightings;

/// <summary>
/// Group commit for sightings: appends from all vehicle grains of this silo queue up and are written together,
/// one multi-row INSERT per batch, never one round trip per sighting. Idempotency is the primary key:
/// <c>ON CONFLICT DO NOTHING RETURNING</c> tells each caller which of its detections were new.
/// </summary>
public sealed partial class SightingLog : ISightingLog, IAsyncDisposable
{
    private const string InsertSql = """
        INSERT INTO sightings (detection_id, plate_key, camera_id, seen_at, location, confidence, plate_text)
        SELECT d, p, c, t, ST_SetSRID(ST_MakePoint(x, y), 4326), f, r
        FROM unnest(@d, @p, @c, @t, @x, @y, @f, @r) AS u(d, p, c, t, x, y, f, r)
        ON CONFLICT (detection_id) DO NOTHING
        RETURNING detection_id
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly SightingLogOptions options;
    private readonly ILogger<SightingLog> logger;
    private readonly Channel<PendingAppend> queue;
    private readonly Task[] writers;
    private readonly CancellationTokenSource stopping = new();

    /// <summary>Starts the background writers.</summary>
    public SightingLog(NpgsqlDataSource dataSource, IOptions<SightingLogOptions> options, ILogger<SightingLog> logger)
    {
        this.dataSource = dataSource;
        this.options = options.Value;
        this.logger = logger;
        queue = Channel.CreateBounded<PendingAppend>(new BoundedChannelOptions(this.options.MaxQueuedAppends)
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
        writers = Enumerable.Range(0, Math.Max(1, this.options.ConcurrentWriters))
            .Select(_ => Task.Run(WriteLoopAsync))
            .ToArray();
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> AppendAsync(string plateKey, IReadOnlyList<SightingInput> sightings, CancellationToken cancellationToken = default)
    {
        if (sightings.Count == 0) return new HashSet<string>();
        var pending = new PendingAppend(plateKey, sightings);
        await queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SightingInput>> ReadRecentAsync(string plateKey, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT detection_id, camera_id, seen_at, ST_X(location), ST_Y(location), confidence, plate_text
            FROM sightings WHERE plate_key = @plate ORDER BY seen_at DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("plate", plateKey);
        command.Parameters.AddWithValue("limit", limit);
        var recent = new List<SightingInput>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            recent.Add(new SightingInput(
                reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                new GeoPoint(reader.GetDouble(3), reader.GetDouble(4)), reader.GetFloat(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        recent.Reverse();
        return recent;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>();
        while (await queue.Reader.WaitToReadAsync(stopping.Token).ConfigureAwait(false))
        {
            batch.Clear();
            var rows = 0;
            while (rows < options.MaxRowsPerBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                rows += pending.Sightings.Count;
            }
            if (batch.Count == 0) continue;
            try
            {
                Complete(batch, await InsertAsync(batch, rows).ConfigureAwait(false));
            }
            catch (Exception e) when (batch.Count > 1 && IsCausedByTheRows(e))
            {
                // One caller's row was refused (bad text, a value out of range): the rows are written again, one
                // caller at a time, so only the caller whose row is bad learns of it.
                LogBatchSplit(logger, batch.Count, rows, e.Message);
                foreach (var pending in batch) await WriteAloneAsync(pending).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // The database is out of reach: every caller learns it, nothing was stored, and the loop goes on.
                Fail(batch, rows, e);
            }
        }
    }

    private async Task WriteAloneAsync(PendingAppend pending)
    {
        List<PendingAppend> alone = [pending];
        try
        {
            Complete(alone, await InsertAsync(alone, pending.Sightings.Count).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            Fail(alone, pending.Sightings.Count, e);
        }
    }

    /// <summary>
    /// Tells each caller which of its detections were new. A detection id inserted once belongs to the first caller
    /// that asked for it, so two callers sending the same id in one batch never both believe they stored it.
    /// </summary>
    private static void Complete(List<PendingAppend> batch, HashSet<string> inserted)
    {
        foreach (var pending in batch)
        {
            var mine = new HashSet<string>(StringComparer.Ordinal);
            foreach (var sighting in pending.Sightings)
            {
                if (inserted.Remove(sighting.DetectionId)) mine.Add(sighting.DetectionId);
            }
            pending.Done.TrySetResult(mine);
        }
    }

    private void Fail(List<PendingAppend> batch, int rows, Exception e)
    {
        LogBatchFailed(logger, e, rows);
        var failure = Persistence.TwinStorageException.From($"writing {rows} sightings", e);
        foreach (var pending in batch) pending.Done.TrySetException(failure);
    }

    /// <summary>
    /// Whether the rows themselves were refused (SQLSTATE class 22 data exception or 23 integrity violation, or a
    /// string the driver cannot encode) rather than the database being unreachable, which splitting cannot mend.
    /// </summary>
    private static bool IsCausedByTheRows(Exception e) => e switch
    {
        PostgresException pg => pg.SqlState.StartsWith("22", StringComparison.Ordinal) || pg.SqlState.StartsWith("23", StringComparison.Ordinal),
        NpgsqlException => false,
        System.Text.EncoderFallbackException or ArgumentException or InvalidCastException => true,
        _ => e.InnerException is { } inner && IsCausedByTheRows(inner),
    };

    private async Task<HashSet<string>> InsertAsync(List<PendingAppend> batch, int rows)
    {
        var ids = new string[rows];
        var plates = new string[rows];
        var cameras = new string[rows];
        var times = new DateTime[rows];
        var longitudes = new double[rows];
        var latitudes = new double[rows];
        var confidences = new float[rows];
        var texts = new string?[rows];
        var i = 0;
        foreach (var pending in batch)
        {
            foreach (var s in pending.Sightings)
            {
                ids[i] = s.DetectionId;
                plates[i] = pending.PlateKey;
                cameras[i] = s.CameraId;
                times[i] = s.SeenAt.UtcDateTime;
                longitudes[i] = s.Location.Longitude;
                latitudes[i] = s.Location.Latitude;
                confidences[i] = s.Confidence;
                texts[i] = s.PlateText;
                i++;
            }
        }

        await using var command = dataSource.CreateCommand(InsertSql);
        command.Parameters.Add(new NpgsqlParameter("d", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ids });
        command.Parameters.Add(new NpgsqlParameter("p", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = plates });
        command.Parameters.Add(new NpgsqlParameter("c", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = cameras });
        command.Parameters.Add(new NpgsqlParameter("t", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = times });
        command.Parameters.Add(new NpgsqlParameter("x", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = longitudes });
        command.Parameters.Add(new NpgsqlParameter("y", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = latitudes });
        command.Parameters.Add(new NpgsqlParameter("f", NpgsqlDbType.Array | NpgsqlDbType.Real) { Value = confidences });
        command.Parameters.Add(new NpgsqlParameter("r", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = texts });

        var inserted = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
            inserted.Add(reader.GetString(0));
        return inserted;
    }

    /// <summary>Stops accepting appends, lets queued ones finish, then stops the writers.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        try
        {
            await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            await stopping.CancelAsync().ConfigureAwait(false);
        }
        stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Callers} callers ({Rows} sightings) was refused ({Reason}); writing each caller's rows alone")]
    private static partial void LogBatchSplit(ILogger logger, int callers, int rows, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing a batch of {Rows} sightings failed; its callers were told")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int rows);

    private sealed record PendingAppend(string PlateKey, IReadOnlyList<SightingInput> Sightings)
    {
        public TaskCompletionSource<IReadOnlySet<string>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
