namespace CityTwin.Twin.Markets;

/// <summary>The stored state of one order that the ledger compares an incoming event with.</summary>
internal sealed record StoredOrder(string MarketId, string SessionId, string StoreId, long AmountVnd, OrderStatus Status, long Version);
