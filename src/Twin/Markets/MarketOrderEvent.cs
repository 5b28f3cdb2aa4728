namespace CityTwin.Twin.Markets;

/// <summary>
/// One order event from a platform: the order as it stands after this event. <see cref="Version"/> grows with every
/// change of the same order on the platform, so an event older than the stored one is ignored and out-of-order delivery
/// converges on the newest state.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.MarketOrderEvent")]
public sealed record MarketOrderEvent(
    [property: Id(0)] string Platform,
    [property: Id(1)] string PlatformOrderId,
    [property: Id(2)] string SessionId,
    [property: Id(3)] string StoreId,
    [property: Id(4)] long AmountVnd,
    [property: Id(5)] int Items,
    [property: Id(6)] DateTimeOffset PlacedAt,
    [property: Id(7)] OrderStatus Status,
    [property: Id(8)] long Version,
    [property: Id(9)] string? BuyerPhone = null);
