using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Markets;
using CityTwin.Twin.Persistence;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Graph.Schema.Markets;

/// <summary>
/// The <c>Market</c> type: an online-market event with its totals, sessions, retailers, orders and the orders-per-minute
/// series. The event and its place are public; totals and everything below them are for operators and the market's own key.
/// </summary>
public sealed class MarketGraphType : ObjectGraphType<MarketRow>
{
    public MarketGraphType()
    {
        Name = "Market";
        Description = "An online market event (a market's livestream sales), its live totals, sessions, retailers and orders.";
        Field(m => m.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The market's store id.");
        Field(m => m.Name);
        Field(m => m.Organiser);
        Field(m => m.StartsAt);
        Field(m => m.EndsAt);
        Field(m => m.WardCode);
        Field<NonNullGraphType<GeoJsonGraphType>>("location").Description("A GeoJSON Point.").Resolve(c => c.Source.Location);
        Field<IntGraphType>("retailerCount").Description("Retailers joined.").Resolve(c => Guard(c).RetailerCount);
        Field<IntGraphType>("sessionCount").Description("Livestream sessions.").Resolve(c => Guard(c).SessionCount);
        Field<LongGraphType>("orderCount").Description("Orders placed or paid (cancelled and refunded ones do not count).").Resolve(c => Guard(c).OrderCount);
        Field<LongGraphType>("revenueVnd").Description("Revenue of the counted orders, Vietnamese dong.").Resolve(c => Guard(c).RevenueVnd);

        Field<ListGraphType<NonNullGraphType<MarketSessionGraphType>>, List<MarketSessionRow>>("sessions")
            .Description("Livestream sessions, by start time.")
            .Argument<IntGraphType>("top", "Only this many, the best-selling first (a leaderboard).")
            .ResolveAsync(async c =>
            {
                Guard(c);
                await using var db = await c.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(c.CancellationToken);
                var sessions = db.Set<MarketSessionRow>().AsNoTracking().Where(s => s.MarketId == c.Source.Id);
                return c.GetArgument<int?>("top") is { } top
                    ? await sessions.OrderByDescending(s => s.RevenueVnd).ThenBy(s => s.Id).Take(Math.Clamp(top, 1, 500)).ToListAsync(c.CancellationToken)
                    : await sessions.OrderBy(s => s.StartedAt).ThenBy(s => s.Id).ToListAsync(c.CancellationToken);
            });

        Field<ListGraphType<NonNullGraphType<MarketRetailerGraphType>>, List<MarketRetailerNode>>("retailers")
            .Description("Retailers that joined, the best-selling first (a leaderboard).")
            .Argument<IntGraphType>("top", "Only this many (default all).")
            .ResolveAsync(async c =>
            {
                Guard(c);
                await using var db = await c.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(c.CancellationToken);
                var rows = from r in db.Set<MarketRetailerRow>().AsNoTracking()
                           join s in db.Set<Twin.Stores.StoreRow>().AsNoTracking() on r.StoreId equals s.Id
                           where r.MarketId == c.Source.Id
                           orderby r.RevenueVnd descending, r.StoreId
                           select new MarketRetailerNode(r.StoreId, s.Name, r.JoinedAt, r.OrderCount, r.RevenueVnd);
                return await rows.Take(Math.Clamp(c.GetArgument<int?>("top") ?? 1000, 1, 1000)).ToListAsync(c.CancellationToken);
            });

        Field<ListGraphType<NonNullGraphType<MarketOrderGraphType>>, List<MarketOrderRow>>("orders")
            .Description("The latest orders (buyer data masked), newest first.")
            .Argument<IdGraphType>("sessionId", "Only this session's orders.")
            .Argument<IntGraphType>("last", "How many (1..200, default 20).")
            .ResolveAsync(async c =>
            {
                Guard(c);
                var sessionId = c.GetArgument<string?>("sessionId");
                await using var db = await c.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(c.CancellationToken);
                var orders = db.Set<MarketOrderRow>().AsNoTracking().Where(o => o.MarketId == c.Source.Id);
                if (sessionId is not null) orders = orders.Where(o => o.SessionId == sessionId);
                return await orders.OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id)
                    .Take(Math.Clamp(c.GetArgument<int?>("last") ?? 20, 1, 200)).ToListAsync(c.CancellationToken);
            });

        Field<ListGraphType<NonNullGraphType<OrdersPerMinuteGraphType>>, IReadOnlyList<OrdersPerMinute>>("ordersPerMinute")
            .Description("Counted orders and revenue per minute of placing time, for the market or one session (the chart's data).")
            .Argument<IdGraphType>("sessionId", "Only this session.")
            .Argument<DateTimeOffsetGraphType>("from", "Default: the session's start, or the last 60 minutes with orders of the market.")
            .Argument<IntGraphType>("minutes", "How many minutes (1..1440, default 60).")
            .ResolveAsync(async c =>
            {
                Guard(c);
                return await OrdersPerMinuteQuery.RunAsync(c.Service<IDbContextFactory<TwinDbContext>>(), c.Source.Id, c.GetArgument<string?>("sessionId"),
                    c.GetArgument<DateTimeOffset?>("from"), Math.Clamp(c.GetArgument<int?>("minutes") ?? 60, 1, 1440), c.CancellationToken);
            });
    }

    /// <summary>The market row, once the caller may see its totals; FORBIDDEN otherwise.</summary>
    private static MarketRow Guard(IResolveFieldContext<MarketRow> context)
    {
        var caller = context.Principal();
        return Access.CanSeeMarket(caller, context.Source.Id)
            ? context.Source
            : throw TwinErrors.Forbidden($"market {context.Source.Id}: its totals are for operators and the market's own key");
    }
}
