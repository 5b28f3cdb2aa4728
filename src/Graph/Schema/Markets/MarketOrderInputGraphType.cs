using CityTwin.Graph.Webhooks;
using CityTwin.Twin.Markets;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Markets;

/// <summary>The <c>MarketOrderInput</c> input: one order event of a batch.</summary>
public sealed class MarketOrderInputGraphType : InputObjectGraphType<MarketOrderInput>
{
    public MarketOrderInputGraphType()
    {
        Name = "MarketOrderInput";
        Description = "An order event: the order as it stands after it. Only a higher version than the stored one changes the order.";
        Field<NonNullGraphType<StringGraphType>>("platform");
        Field<NonNullGraphType<IdGraphType>>("platformOrderId");
        Field<NonNullGraphType<IdGraphType>>("sessionId");
        Field<NonNullGraphType<IdGraphType>>("storeId");
        Field<NonNullGraphType<LongGraphType>>("amountVnd").Description($"0..{MarketLimits.MaxOrderAmountVnd} VND.");
        Field<IntGraphType>("items").Description("Default 1.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("placedAt");
        Field<NonNullGraphType<EnumerationGraphType<OrderStatus>>>("status");
        Field<NonNullGraphType<LongGraphType>>("version").Description("The platform's version of the order, 1 or more.");
        Field<StringGraphType>("buyerPhone").Description("Stored, and only ever shown masked.");
    }
}
