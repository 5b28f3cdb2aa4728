using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Markets;
using CityTwin.Twin.Persistence;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Graph.Schema.Markets;

/// <summary>Market reads: <c>markets</c>, <c>market(id)</c> and <c>marketReconciliation(id)</c>.</summary>
public static class MarketQueryFields
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MarketGraphType>>>, List<MarketRow>>("markets")
            .Description("Online market events, by name. Their totals are for operators and each market's own key.")
            .ResolveAsync(async c =>
            {
                var caller = c.Require(Capability.Places);
                await using var db = await c.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(c.CancellationToken);
                var markets = db.Set<MarketRow>().AsNoTracking();
                // A market key lists its own market only, so a list never carries another market's FORBIDDEN totals.
                if (caller.MarketId is { } own) markets = markets.Where(m => m.Id == own);
                return await markets.OrderBy(m => m.Name).ThenBy(m => m.Id).ToListAsync(c.CancellationToken);
            });

        query.Field<MarketGraphType, MarketRow>("market")
            .Description("One online market event by the market's store id, or null.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                c.Require(Capability.Places);
                var id = c.GetArgument<string>("id");
                await using var db = await c.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(c.CancellationToken);
                return await db.Set<MarketRow>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, c.CancellationToken);
            });

        query.Field<MarketReconciliationGraphType, MarketReconciliation>("marketReconciliation")
            .Description("Checks a market's live totals and stored counters against a count over its stored orders.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string>("id");
                if (!Access.CanSeeMarket(c.Principal(), id))
                    throw TwinErrors.Forbidden($"market {id}: reconciliation is for operators and the market's own key");
                return await c.Service<IGrainFactory>().GetGrain<IMarketGrain>(id).ReconcileAsync();
            });
    }
}
