using CityTwin.Twin.Spatial;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Places;

namespace CityTwin.Twin.Stores;

internal sealed class StoreStateTable : EntityStateTable<StoreState, StoreRow>
{
    protected override StoreRow CreateRow(string key) => new() { Id = key, Location = GeoFactory.Point(0, 0) };

    protected override StoreState ToState(StoreRow row) => new()
    {
        Place = new Place(row.Name, row.WardCode, GeoPoint.From(row.Location)),
        Kind = row.Kind,
        MarketId = row.MarketId,
        LivestreamSessions = row.LivestreamSessions,
        Orders = row.Orders,
        RevenueVnd = row.RevenueVnd,
        AppliedSessionIds = [.. row.AppliedSessionIds],
    };

    protected override void Apply(StoreState state, StoreRow row)
    {
        row.Name = state.Place.Name;
        row.WardCode = state.Place.WardCode;
        row.Location = state.Place.Location.ToPoint();
        row.Kind = state.Kind;
        row.MarketId = state.MarketId;
        row.LivestreamSessions = state.LivestreamSessions;
        row.Orders = state.Orders;
        row.RevenueVnd = state.RevenueVnd;
        row.AppliedSessionIds = [.. state.AppliedSessionIds];
    }
}
