using CityTwin.Graph.Webhooks;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Markets;

/// <summary>The <c>MarketSessionInput</c> input: a livestream session of a batch.</summary>
public sealed class MarketSessionInputGraphType : InputObjectGraphType<MarketSessionInput>
{
    public MarketSessionInputGraphType()
    {
        Name = "MarketSessionInput";
        Description = "A livestream session: created, or updated when its id is known.";
        Field<NonNullGraphType<IdGraphType>>("sessionId");
        Field<NonNullGraphType<StringGraphType>>("platform").Description("TikTok, Facebook, Shopee…");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("hostStoreIds").Description("Retailers that joined the market.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startedAt");
        Field<DateTimeOffsetGraphType>("endedAt").Description("Null while live; never before startedAt.");
        Field<IntGraphType>("peakViewers");
    }
}
