using CityTwin.Twin.Markets;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Markets;

/// <summary>The <c>MarketBatchPayload</c> type: the outcome of an all-or-nothing market batch.</summary>
public sealed class MarketBatchPayloadGraphType : ObjectGraphType<MarketBatchResult>
{
    public MarketBatchPayloadGraphType()
    {
        Name = "MarketBatchPayload";
        Description = "Accepted with counts and the market's totals after it, or refused with one error per bad item (then nothing was stored).";
        Field(r => r.Accepted);
        Field(r => r.Applied).Description("Order events that changed an order.");
        Field(r => r.Ignored).Description("Order events already applied or older than the stored order (duplicates, late arrivals).");
        Field(r => r.Sessions).Description("Sessions created or updated.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MarketItemErrorGraphType>>>>("errors").Resolve(c => c.Source.Errors);
        Field<MarketTotalsGraphType>("totals").Resolve(c => c.Source.Totals);
    }
}
