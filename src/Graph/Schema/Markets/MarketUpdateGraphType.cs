using CityTwin.Graph.Schema.Live;
using CityTwin.Twin.Markets;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Markets;

/// <summary>The <c>MarketUpdate</c> event: a market's totals after a stored change.</summary>
public sealed class MarketUpdateGraphType : ObjectGraphType<MarketChanged>
{
    public MarketUpdateGraphType()
    {
        Name = "MarketUpdate";
        Description = "A market's totals after a change was stored (one event per batch).";
        this.AddEventFields();
        Field<NonNullGraphType<IdGraphType>>("marketId").Resolve(c => c.Source.EntityId);
        Field<NonNullGraphType<IntGraphType>>("retailerCount").Resolve(c => c.Source.Totals.RetailerCount);
        Field<NonNullGraphType<IntGraphType>>("sessionCount").Resolve(c => c.Source.Totals.SessionCount);
        Field<NonNullGraphType<LongGraphType>>("orderCount").Resolve(c => c.Source.Totals.OrderCount);
        Field<NonNullGraphType<LongGraphType>>("revenueVnd").Resolve(c => c.Source.Totals.RevenueVnd);
    }
}
