using CityTwin.Twin.Markets;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Markets;

/// <summary>The <c>MarketTotals</c> type: a market's four totals at one moment.</summary>
public sealed class MarketTotalsGraphType : ObjectGraphType<MarketTotals>
{
    public MarketTotalsGraphType()
    {
        Name = "MarketTotals";
        Description = "A market's totals: retailers joined, sessions, counted orders and revenue.";
        Field(t => t.MarketId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(t => t.RetailerCount);
        Field(t => t.SessionCount);
        Field(t => t.OrderCount);
        Field(t => t.RevenueVnd).Description("Vietnamese dong.");
    }
}
