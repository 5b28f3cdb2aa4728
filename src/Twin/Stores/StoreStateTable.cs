using CityTwin.Twin.Spatial;
using CityTwin.Twin.Persistence;

namespace CityTwin.Twin.Stores;

internal sealed class StoreStateTable : EntityStateTable<StoreState, StoreRow>
{
    protected override StoreRow CreateRow(string key) => new() { Id = key, Location = GeoFactory.Point(0, 0) };

    protected override StoreState ToState(StoreRow row) => new()
    {
        Place = row.ToPlace(),
        Kind = row.Kind,
        MarketId = row.MarketId,
        LivestreamSessions = row.LivestreamSessions,
        Orders = row.Orders,
        RevenueVnd = row.RevenueVnd,
        AppliedSessionIds = [.. row.AppliedSessionIds],
    };

    protected override void Apply(StoreState state, StoreRow row)
    {
        row.SetPlace(state.Place);
        row.Kind = state.Kind;
        row.MarketId = state.MarketId;
        row.LivestreamSessions = state.LivestreamSessions;
        row.Orders = state.Orders;
        row.RevenueVnd = state.RevenueVnd;
        row.AppliedSessionIds = [.. state.AppliedSessionIds];
    }
}
