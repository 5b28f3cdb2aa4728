using Npgsql;

namespace CityTwin.Twin.Markets;

/// <summary>
/// Applies a batch of sessions and order events in one transaction. The orders named by the batch are locked and
/// compared with the events: an event whose version is not newer than the stored one changes nothing (a duplicate or a
/// late arrival), a newer one replaces the order, and what it moves (orders and revenue of the old and new session,
/// store and market) goes into the counters in the same transaction.
/// </summary>
internal static class MarketOrderLedger
{
    private sealed class Delta
    {
        public long Orders;
        public long Revenue;
    }

    public static async Task<OrderApplyOutcome> ApplyAsync(NpgsqlDataSource dataSource, string marketId, MarketBatch batch, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var errors = new List<MarketItemError>();
        if (batch.Sessions.Count > 0)
        {
            var (_, foreign) = await MarketLedger.UpsertSessionsAsync(connection, transaction, marketId, batch.Sessions, cancellationToken);
            errors.AddRange(foreign.Select(i => new MarketItemError("session", i, MarketErrorCodes.UnknownSession,
                $"session {batch.Sessions[i].SessionId} belongs to another market")));
        }
        var stored = await LockOrdersAsync(connection, transaction, batch.Orders, cancellationToken);
        var sessions = new Dictionary<string, Delta>(StringComparer.Ordinal);
        var stores = new Dictionary<string, Delta>(StringComparer.Ordinal);
        var market = new Delta();
        var latest = new Dictionary<(string, string), (MarketOrderEvent Event, StoredOrder State)>();
        int applied = 0, ignored = 0;
        for (var i = 0; i < batch.Orders.Count; i++)
        {
            var order = batch.Orders[i];
            var key = (order.Platform, order.PlatformOrderId);
            var current = latest.TryGetValue(key, out var seen) ? seen.State : stored.GetValueOrDefault(key);
            if (current is not null && current.MarketId != marketId)
            {
                errors.Add(new MarketItemError("order", i, MarketErrorCodes.OrderInOtherMarket, $"order {order.Platform}/{order.PlatformOrderId} belongs to market {current.MarketId}"));
                continue;
            }
            if (current is not null && order.Version <= current.Version)
            {
                ignored++;
                continue;
            }
            if (current is not null && OrderStatusRules.Counts(current.Status))
                Move(sessions, stores, market, current.SessionId, current.StoreId, -1, -current.AmountVnd);
            if (OrderStatusRules.Counts(order.Status))
                Move(sessions, stores, market, order.SessionId, order.StoreId, 1, order.AmountVnd);
            var next = new StoredOrder(marketId, order.SessionId, order.StoreId, order.AmountVnd, order.Status, order.Version);
            latest[key] = (order, next);
            applied++;
        }
        if (errors.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new OrderApplyOutcome(0, 0, new MarketTotals(marketId, 0, 0, 0, 0), [], errors);
        }
        await UpsertOrdersAsync(connection, transaction, marketId, latest.Values.Select(v => v.Event).ToList(), now, cancellationToken);
        var changedSessions = await MoveSessionsAsync(connection, transaction, sessions, cancellationToken);
        await MoveStoresAsync(connection, transaction, marketId, stores, cancellationToken);
        var totals = await MoveMarketAsync(connection, transaction, marketId, market, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OrderApplyOutcome(applied, ignored, totals, changedSessions, []);
    }

    private static void Move(Dictionary<string, Delta> sessions, Dictionary<string, Delta> stores, Delta market, string session, string store, long orders, long revenue)
    {
        Add(sessions, session, orders, revenue);
        Add(stores, store, orders, revenue);
        market.Orders += orders;
        market.Revenue = checked(market.Revenue + revenue);
    }

    private static void Add(Dictionary<string, Delta> deltas, string key, long orders, long revenue)
    {
        if (!deltas.TryGetValue(key, out var delta)) deltas[key] = delta = new Delta();
        delta.Orders += orders;
        delta.Revenue = checked(delta.Revenue + revenue);
    }

    private static async Task<Dictionary<(string, string), StoredOrder>> LockOrdersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<MarketOrderEvent> orders, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string, string), StoredOrder>();
        if (orders.Count == 0) return found;
        await using var command = new NpgsqlCommand("""
            SELECT o.platform, o.platform_order_id, o.market_id, o.session_id, o.store_id, o.amount_vnd, o.status, o.version
            FROM market_orders o JOIN unnest(@platforms, @ids) AS k(platform, id) ON o.platform = k.platform AND o.platform_order_id = k.id
            ORDER BY o.id
            FOR UPDATE OF o
            """, connection, transaction);
        command.Parameters.AddWithValue("platforms", orders.Select(o => o.Platform).ToArray());
        command.Parameters.AddWithValue("ids", orders.Select(o => o.PlatformOrderId).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            found[(reader.GetString(0), reader.GetString(1))] = new StoredOrder(reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt64(5), Enum.Parse<OrderStatus>(reader.GetString(6)), reader.GetInt64(7));
        return found;
    }

    private static async Task UpsertOrdersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string marketId, IReadOnlyList<MarketOrderEvent> orders,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (orders.Count == 0) return;
        await using var command = new NpgsqlCommand("""
            INSERT INTO market_orders (platform, platform_order_id, market_id, session_id, store_id, amount_vnd, items, placed_at, status, version, buyer_phone, updated_at)
            SELECT o.platform, o.id, @market, o.session_id, o.store_id, o.amount, o.items, o.placed_at, o.status, o.version, o.buyer, @now
            FROM unnest(@platforms, @ids, @sessions, @stores, @amounts, @items, @placed, @statuses, @versions, @buyers)
                AS o(platform, id, session_id, store_id, amount, items, placed_at, status, version, buyer)
            ON CONFLICT (platform, platform_order_id) DO UPDATE SET session_id = excluded.session_id, store_id = excluded.store_id,
                amount_vnd = excluded.amount_vnd, items = excluded.items, placed_at = excluded.placed_at, status = excluded.status,
                version = excluded.version, buyer_phone = coalesce(excluded.buyer_phone, market_orders.buyer_phone), updated_at = excluded.updated_at
            """, connection, transaction);
        command.Parameters.AddWithValue("market", marketId);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        command.Parameters.AddWithValue("platforms", orders.Select(o => o.Platform).ToArray());
        command.Parameters.AddWithValue("ids", orders.Select(o => o.PlatformOrderId).ToArray());
        command.Parameters.AddWithValue("sessions", orders.Select(o => o.SessionId).ToArray());
        command.Parameters.AddWithValue("stores", orders.Select(o => o.StoreId).ToArray());
        command.Parameters.AddWithValue("amounts", orders.Select(o => o.AmountVnd).ToArray());
        command.Parameters.AddWithValue("items", orders.Select(o => o.Items).ToArray());
        command.Parameters.AddWithValue("placed", orders.Select(o => o.PlacedAt.UtcDateTime).ToArray());
        command.Parameters.AddWithValue("statuses", orders.Select(o => o.Status.ToString()).ToArray());
        command.Parameters.AddWithValue("versions", orders.Select(o => o.Version).ToArray());
        command.Parameters.Add(new NpgsqlParameter("buyers", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text)
            { Value = orders.Select(o => (object?)o.BuyerPhone ?? DBNull.Value).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<SessionTotals>> MoveSessionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Dictionary<string, Delta> sessions, CancellationToken cancellationToken)
    {
        var changed = new List<SessionTotals>();
        if (sessions.Count == 0) return changed;
        await using var command = new NpgsqlCommand("""
            UPDATE market_sessions s SET order_count = s.order_count + d.n, revenue_vnd = s.revenue_vnd + d.r
            FROM unnest(@ids, @orders, @revenue) AS d(id, n, r) WHERE s.id = d.id
            RETURNING s.id, s.order_count, s.revenue_vnd
            """, connection, transaction);
        command.Parameters.AddWithValue("ids", sessions.Keys.ToArray());
        command.Parameters.AddWithValue("orders", sessions.Values.Select(d => d.Orders).ToArray());
        command.Parameters.AddWithValue("revenue", sessions.Values.Select(d => d.Revenue).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) changed.Add(new SessionTotals(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        return changed;
    }

    private static async Task MoveStoresAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string marketId,
        Dictionary<string, Delta> stores, CancellationToken cancellationToken)
    {
        if (stores.Count == 0) return;
        await using var command = new NpgsqlCommand("""
            UPDATE market_retailers t SET order_count = t.order_count + d.n, revenue_vnd = t.revenue_vnd + d.r
            FROM unnest(@ids, @orders, @revenue) AS d(id, n, r) WHERE t.market_id = @market AND t.store_id = d.id
            """, connection, transaction);
        command.Parameters.AddWithValue("market", marketId);
        command.Parameters.AddWithValue("ids", stores.Keys.ToArray());
        command.Parameters.AddWithValue("orders", stores.Values.Select(d => d.Orders).ToArray());
        command.Parameters.AddWithValue("revenue", stores.Values.Select(d => d.Revenue).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<MarketTotals> MoveMarketAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string marketId, Delta market,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE markets SET order_count = order_count + @orders, revenue_vnd = revenue_vnd + @revenue WHERE id = @market
            RETURNING retailer_count, session_count, order_count, revenue_vnd
            """, connection, transaction);
        command.Parameters.AddWithValue("market", marketId);
        command.Parameters.AddWithValue("orders", market.Orders);
        command.Parameters.AddWithValue("revenue", market.Revenue);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new MarketTotals(marketId, reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
