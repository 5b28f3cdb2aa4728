using GraphQL.Types;

namespace CityTwin.Graph.Schema.Markets;

/// <summary>The <c>OrdersPerMinute</c> type: a point of the orders-per-minute chart.</summary>
public sealed class OrdersPerMinuteGraphType : ObjectGraphType<OrdersPerMinute>
{
    public OrdersPerMinuteGraphType()
    {
        Name = "OrdersPerMinute";
        Description = "Counted orders and their revenue placed in one minute.";
        Field(p => p.Minute).Description("The minute's start.");
        Field(p => p.Orders);
        Field(p => p.RevenueVnd).Description("Vietnamese dong.");
    }
}
