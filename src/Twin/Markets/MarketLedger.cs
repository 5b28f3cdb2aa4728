using CityTwin.Twin.Spatial;
using Npgsql;
using NpgsqlTypes;

namespace CityTwin.Twin.Markets;

/// <summary>
/// The markets' storage: events, retailers, sessions and the counters that go with them. Every change and the counters
/// it moves are written in one transaction, so the stored counters always equal a query over the stored orders.
/// Order events go through <see cref="MarketOrderLedger"/>.
/// </summary>
public sealed class MarketLedger(NpgsqlDataSource dataSource)
{
    internal NpgsqlDataSource DataSource => dataSource;

    internal async Task<MarketSnapshot?> LoadAsync(string marketId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        MarketEventDefinition definition;
        MarketTotals totals;
        await using (var command = new NpgsqlCommand(
            "SELECT name, organiser, starts_at, ends_at, retailer_count, session_count, order_count, revenue_vnd FROM markets WHERE id = @id", connection))
        {
            command.Parameters.AddWithValue("id", marketId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return null;
            definition = new MarketEventDefinition(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3));
            totals = new MarketTotals(marketId, reader.GetInt32(4), reader.GetInt32(5), reader.GetInt64(6), reader.GetInt64(7));
        }
        var retailers = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT store_id FROM market_retailers WHERE market_id = @id", connection))
        {
            command.Parameters.AddWithValue("id", marketId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) retailers.Add(reader.GetString(0));
        }
        var sessions = new Dictionary<string, MarketSessionDefinition>(StringComparer.Ordinal);
        var sessionTotals = new Dictionary<string, SessionTotals>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(
            "SELECT id, platform, host_store_ids, started_at, ended_at, peak_viewers, order_count, revenue_vnd FROM market_sessions WHERE market_id = @id", connection))
        {
            command.Parameters.AddWithValue("id", marketId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                sessions[id] = new MarketSessionDefinition(id, reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.GetFieldValue<DateTimeOffset>(3),
                    reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt32(5));
                sessionTotals[id] = new SessionTotals(id, reader.GetInt64(6), reader.GetInt64(7));
            }
        }
        return new MarketSnapshot(definition, totals, retailers, sessions, sessionTotals);
    }

    /// <summary>Creates or updates a market's event; its counters stay as they are.</summary>
    internal async Task DefineAsync(string marketId, MarketEventDefinition definition, GeoPoint location, string wardCode, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO markets (id, name, organiser, starts_at, ends_at, location, ward_code, retailer_count, session_count, order_count, revenue_vnd)
            VALUES (@id, @name, @organiser, @starts, @ends, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326), @ward, 0, 0, 0, 0)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, organiser = excluded.organiser, starts_at = excluded.starts_at,
                ends_at = excluded.ends_at, location = excluded.location, ward_code = excluded.ward_code
            """);
        command.Parameters.AddWithValue("id", marketId);
        command.Parameters.AddWithValue("name", definition.Name);
        command.Parameters.AddWithValue("organiser", definition.Organiser);
        command.Parameters.AddWithValue("starts", definition.StartsAt.ToUniversalTime());
        command.Parameters.AddWithValue("ends", definition.EndsAt.ToUniversalTime());
        command.Parameters.AddWithValue("lon", location.Longitude);
        command.Parameters.AddWithValue("lat", location.Latitude);
        command.Parameters.AddWithValue("ward", wardCode);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records retailers joining (an earlier join time wins) and returns the market's retailer count.</summary>
    internal async Task<int> JoinAsync(string marketId, IReadOnlyList<RetailerJoin> joins, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO market_retailers (market_id, store_id, joined_at, order_count, revenue_vnd)
            SELECT @market, j.store_id, j.joined_at, 0, 0 FROM unnest(@stores, @joined) AS j(store_id, joined_at)
            ON CONFLICT (market_id, store_id) DO UPDATE SET joined_at = least(market_retailers.joined_at, excluded.joined_at)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("market", marketId);
            insert.Parameters.AddWithValue("stores", joins.Select(j => j.StoreId).ToArray());
            insert.Parameters.AddWithValue("joined", joins.Select(j => j.JoinedAt.UtcDateTime).ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        int count;
        await using (var update = new NpgsqlCommand("""
            UPDATE markets SET retailer_count = (SELECT count(*) FROM market_retailers WHERE market_id = @market)
            WHERE id = @market RETURNING retailer_count
            """, connection, transaction))
        {
            update.Parameters.AddWithValue("market", marketId);
            count = (int)(await update.ExecuteScalarAsync(cancellationToken))!;
        }
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    /// <summary>
    /// Inserts or updates sessions of the market inside <paramref name="transaction"/> and recounts them. Returns the ids
    /// that belong to another market (nothing should then be committed).
    /// </summary>
    internal static async Task<(int SessionCount, IReadOnlyList<int> Foreign)> UpsertSessionsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string marketId, IReadOnlyList<MarketSessionDefinition> sessions, CancellationToken cancellationToken)
    {
        var foreign = new List<int>();
        for (var i = 0; i < sessions.Count; i++)
        {
            var session = sessions[i];
            await using var command = new NpgsqlCommand("""
                INSERT INTO market_sessions (id, market_id, platform, host_store_ids, started_at, ended_at, peak_viewers, order_count, revenue_vnd)
                VALUES (@id, @market, @platform, @hosts, @started, @ended, @peak, 0, 0)
                ON CONFLICT (id) DO UPDATE SET platform = excluded.platform, host_store_ids = excluded.host_store_ids,
                    started_at = excluded.started_at, ended_at = excluded.ended_at, peak_viewers = greatest(market_sessions.peak_viewers, excluded.peak_viewers)
                WHERE market_sessions.market_id = excluded.market_id
                """, connection, transaction);
            command.Parameters.AddWithValue("id", session.SessionId);
            command.Parameters.AddWithValue("market", marketId);
            command.Parameters.AddWithValue("platform", session.Platform);
            command.Parameters.AddWithValue("hosts", session.HostStoreIds.ToArray());
            command.Parameters.AddWithValue("started", session.StartedAt.UtcDateTime);
            command.Parameters.Add(new NpgsqlParameter("ended", NpgsqlDbType.TimestampTz) { Value = (object?)session.EndedAt?.UtcDateTime ?? DBNull.Value });
            command.Parameters.AddWithValue("peak", session.PeakViewers);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0) foreign.Add(i);
        }
        await using var recount = new NpgsqlCommand("""
            UPDATE markets SET session_count = (SELECT count(*) FROM market_sessions WHERE market_id = @market)
            WHERE id = @market RETURNING session_count
            """, connection, transaction);
        recount.Parameters.AddWithValue("market", marketId);
        return ((int)(await recount.ExecuteScalarAsync(cancellationToken))!, foreign);
    }

    /// <summary>Compares the stored counters with a count over the stored orders (and the grain's live totals, when given).</summary>
    public async Task<MarketReconciliation> ReconcileAsync(string marketId, MarketTotals? live, CancellationToken cancellationToken = default)
    {
        var counted = OrderStatusRules.CountedSqlList;
        var mismatches = new List<string>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Repeatable read: the three comparisons see one snapshot even while orders keep arriving.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        MarketTotals? stored = null;
        long ordersInSql = 0, revenueInSql = 0;
        await using (var command = new NpgsqlCommand($"""
            SELECT m.retailer_count, m.session_count, m.order_count, m.revenue_vnd,
                   (SELECT count(*) FROM market_orders o WHERE o.market_id = m.id AND o.status IN ({counted})),
                   (SELECT coalesce(sum(o.amount_vnd), 0)::bigint FROM market_orders o WHERE o.market_id = m.id AND o.status IN ({counted})),
                   (SELECT count(*) FROM market_retailers r WHERE r.market_id = m.id),
                   (SELECT count(*) FROM market_sessions s WHERE s.market_id = m.id)
            FROM markets m WHERE m.id = @market
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("market", marketId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return new MarketReconciliation(marketId, false, null, null, 0, 0, [$"market {marketId}: no such market event"]);
            stored = new MarketTotals(marketId, reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3));
            ordersInSql = reader.GetInt64(4);
            revenueInSql = reader.GetInt64(5);
            if (stored.RetailerCount != reader.GetInt64(6)) mismatches.Add($"market retailers: counter {stored.RetailerCount}, rows {reader.GetInt64(6)}");
            if (stored.SessionCount != reader.GetInt64(7)) mismatches.Add($"market sessions: counter {stored.SessionCount}, rows {reader.GetInt64(7)}");
        }
        if (stored.OrderCount != ordersInSql || stored.RevenueVnd != revenueInSql)
            mismatches.Add($"market: counters {stored.OrderCount} orders / {stored.RevenueVnd} VND, orders table {ordersInSql} / {revenueInSql}");
        if (live is not null && live != stored) mismatches.Add($"market: live totals {live} differ from stored {stored}");
        await AddMismatchesAsync(connection, transaction, $"""
            SELECT s.id, s.order_count, s.revenue_vnd, coalesce(o.n, 0), coalesce(o.r, 0)
            FROM market_sessions s LEFT JOIN (
                SELECT session_id, count(*) AS n, sum(amount_vnd)::bigint AS r FROM market_orders
                WHERE market_id = @market AND status IN ({counted}) GROUP BY session_id) o ON o.session_id = s.id
            WHERE s.market_id = @market AND (s.order_count <> coalesce(o.n, 0) OR s.revenue_vnd <> coalesce(o.r, 0))
            """, marketId, "session", mismatches, cancellationToken);
        await AddMismatchesAsync(connection, transaction, $"""
            SELECT t.store_id, t.order_count, t.revenue_vnd, coalesce(o.n, 0), coalesce(o.r, 0)
            FROM market_retailers t LEFT JOIN (
                SELECT store_id, count(*) AS n, sum(amount_vnd)::bigint AS r FROM market_orders
                WHERE market_id = @market AND status IN ({counted}) GROUP BY store_id) o ON o.store_id = t.store_id
            WHERE t.market_id = @market AND (t.order_count <> coalesce(o.n, 0) OR t.revenue_vnd <> coalesce(o.r, 0))
            """, marketId, "store", mismatches, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MarketReconciliation(marketId, mismatches.Count == 0, live, stored, ordersInSql, revenueInSql, mismatches);
    }

    private static async Task AddMismatchesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, string marketId, string what,
        List<string> mismatches, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("market", marketId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            mismatches.Add($"{what} {reader.GetString(0)}: counters {reader.GetInt64(1)} / {reader.GetInt64(2)} VND, orders table {reader.GetInt64(3)} / {reader.GetInt64(4)}");
    }
}
