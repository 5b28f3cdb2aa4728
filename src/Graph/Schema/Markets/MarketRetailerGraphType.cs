using GraphQL.Types;

namespace CityTwin.Graph.Schema.Markets;

/// <summary>The <c>MarketRetailer</c> type: a store that joined a market, when, and what it sold there.</summary>
public sealed class MarketRetailerGraphType : ObjectGraphType<MarketRetailerNode>
{
    public MarketRetailerGraphType()
    {
        Name = "MarketRetailer";
        Description = "A retailer that joined a market's online event, and its sales there.";
        Field(r => r.StoreId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(r => r.Name);
        Field(r => r.JoinedAt);
        Field(r => r.OrderCount);
        Field(r => r.RevenueVnd).Description("Vietnamese dong.");
    }
}
