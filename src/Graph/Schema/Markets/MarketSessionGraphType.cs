using CityTwin.Twin.Markets;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Markets;

/// <summary>The <c>MarketSession</c> type: a livestream session and its totals.</summary>
public sealed class MarketSessionGraphType : ObjectGraphType<MarketSessionRow>
{
    public MarketSessionGraphType()
    {
        Name = "MarketSession";
        Description = "A livestream session of a market: platform, host stores, times, peak viewers and what it sold.";
        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(s => s.MarketId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(s => s.Platform);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("hostStoreIds").Resolve(c => c.Source.HostStoreIds);
        Field(s => s.StartedAt);
        Field(s => s.EndedAt, nullable: true).Description("Null while the session is live.");
        Field(s => s.PeakViewers);
        Field(s => s.OrderCount).Description("Orders placed or paid.");
        Field(s => s.RevenueVnd).Description("Vietnamese dong.");
        Field<NonNullGraphType<FloatGraphType>>("ordersPerMinute")
            .Description("Counted orders per minute over the session so far (to its end, or to now while live).")
            .Resolve(c =>
            {
                var end = c.Source.EndedAt ?? DateTimeOffset.UtcNow;
                var minutes = Math.Max(1.0, (end - c.Source.StartedAt).TotalMinutes);
                return Math.Round(c.Source.OrderCount / minutes, 3);
            });
    }
}
