using CityTwin.Twin.Markets;
using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Graph.Schema.Markets;

/// <summary>Counted orders per minute of placing time, every minute of the window present (zero where none).</summary>
public static class OrdersPerMinuteQuery
{
    public static async Task<IReadOnlyList<OrdersPerMinute>> RunAsync(IDbContextFactory<TwinDbContext> factory, string marketId, string? sessionId,
        DateTimeOffset? from, int minutes, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var orders = db.Set<MarketOrderRow>().AsNoTracking().Where(o => o.MarketId == marketId && OrderStatusRules.Counted.Contains(o.Status));
        if (sessionId is not null) orders = orders.Where(o => o.SessionId == sessionId);
        if (from is null)
        {
            var sessionStart = sessionId is null ? null
                : await db.Set<MarketSessionRow>().AsNoTracking().Where(s => s.Id == sessionId).Select(s => (DateTimeOffset?)s.StartedAt).SingleOrDefaultAsync(cancellationToken);
            var last = await orders.MaxAsync(o => (DateTimeOffset?)o.PlacedAt, cancellationToken);
            from = sessionStart ?? (last is { } l ? l.AddMinutes(1 - minutes) : DateTimeOffset.UtcNow.AddMinutes(-minutes));
        }
        var start = new DateTimeOffset(from.Value.UtcDateTime.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var end = start.AddMinutes(minutes);
        var placed = await orders.Where(o => o.PlacedAt >= start && o.PlacedAt < end)
            .Select(o => new { o.PlacedAt, o.AmountVnd }).ToListAsync(cancellationToken);
        var buckets = new (long Orders, long Revenue)[minutes];
        foreach (var order in placed)
        {
            var index = (int)((order.PlacedAt - start).Ticks / TimeSpan.TicksPerMinute);
            buckets[index] = (buckets[index].Orders + 1, buckets[index].Revenue + order.AmountVnd);
        }
        return buckets.Select((b, i) => new OrdersPerMinute(start.AddMinutes(i), b.Orders, b.Revenue)).ToList();
    }
}
