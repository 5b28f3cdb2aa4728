using CityTwin.Twin.Stores;
using CityTwin.Graph.Schema.Common;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Stores;

/// <summary>The <c>Store</c> type: a market or a stall, with what its livestreams sold.</summary>
public sealed class StoreGraphType : ObjectGraphType<StoreRow>
{
    public StoreGraphType()
    {
        Name = "Store";
        Description = "A market or a retailer (a stall selling through its market's livestreams) and its sales.";
        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(s => s.Name);
        Field(s => s.WardCode);
        Field<NonNullGraphType<GeoJsonGraphType>>("location").Description("A GeoJSON Point.").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<EnumerationGraphType<StoreKind>>>("kind").Resolve(c => c.Source.Kind);
        Field(s => s.MarketId, type: typeof(IdGraphType)).Description("For a retailer, the market it sells through.");
        Field(s => s.LivestreamSessions);
        Field<NonNullGraphType<LongGraphType>>("orders").Resolve(c => c.Source.Orders);
        Field<NonNullGraphType<LongGraphType>>("revenueVnd").Description("Livestream revenue, Vietnamese dong.").Resolve(c => c.Source.RevenueVnd);
    }
}
