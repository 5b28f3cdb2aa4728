using CityTwin.Twin.Markets;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Markets;

/// <summary>The <c>MarketItemError</c> type: why one item of a batch was refused.</summary>
public sealed class MarketItemErrorGraphType : ObjectGraphType<MarketItemError>
{
    public MarketItemErrorGraphType()
    {
        Name = "MarketItemError";
        Description = "One refused item of a market batch: which list (order, session, retailer, market, batch), its index there, a code and the reason.";
        Field(e => e.Item);
        Field(e => e.Index);
        Field(e => e.Code).Description("UNKNOWN_MARKET, UNKNOWN_SESSION, UNKNOWN_STORE, NEGATIVE_AMOUNT, AMOUNT_OUT_OF_RANGE, ENDS_BEFORE_START, FUTURE_TIME, PLATFORM_MISMATCH, ORDER_IN_OTHER_MARKET, INVALID_FIELD, TOO_MANY.");
        Field(e => e.Message);
    }
}
