using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Markets;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Markets;

/// <summary>The <c>MarketOrder</c> type: one platform order in its newest state, the buyer masked.</summary>
public sealed class MarketOrderGraphType : ObjectGraphType<MarketOrderRow>
{
    public MarketOrderGraphType()
    {
        Name = "MarketOrder";
        Description = "A livestream order in its newest known state; the buyer's phone is always masked.";
        Field(o => o.Platform);
        Field(o => o.PlatformOrderId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(o => o.SessionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(o => o.StoreId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(o => o.AmountVnd).Description("Vietnamese dong.");
        Field(o => o.Items);
        Field(o => o.PlacedAt);
        Field<NonNullGraphType<EnumerationGraphType<OrderStatus>>>("status").Resolve(c => c.Source.Status);
        Field(o => o.Version).Description("The platform's version of the order.");
        Field<StringGraphType>("buyerPhone").Description("Masked: only the last three digits are shown.")
            .Resolve(c => BuyerMask.Phone(c.Principal(), c.Source.BuyerPhone));
    }
}
