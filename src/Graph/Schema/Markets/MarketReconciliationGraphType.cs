using CityTwin.Twin.Markets;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Markets;

/// <summary>The <c>MarketReconciliation</c> type: counters against the orders table.</summary>
public sealed class MarketReconciliationGraphType : ObjectGraphType<MarketReconciliation>
{
    public MarketReconciliationGraphType()
    {
        Name = "MarketReconciliation";
        Description = "A market's live totals, its stored counters and a count over its stored orders; exact when all agree (per session and store too).";
        Field(r => r.MarketId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(r => r.Exact);
        Field<MarketTotalsGraphType>("live").Description("The market grain's totals.").Resolve(c => c.Source.Live);
        Field<MarketTotalsGraphType>("stored").Description("The counters stored with the market.").Resolve(c => c.Source.Stored);
        Field(r => r.OrdersInTable).Description("Counted orders in market_orders.");
        Field(r => r.RevenueInTable).Description("Their revenue, Vietnamese dong.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("mismatches").Resolve(c => c.Source.Mismatches);
    }
}
