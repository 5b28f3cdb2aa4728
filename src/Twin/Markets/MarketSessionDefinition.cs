namespace CityTwin.Twin.Markets;

/// <summary>A livestream session of a market: platform, host stores, start, end (null while live) and peak viewers.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.MarketSessionDefinition")]
public sealed record MarketSessionDefinition(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Platform,
    [property: Id(2)] IReadOnlyList<string> HostStoreIds,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset? EndedAt,
    [property: Id(5)] int PeakViewers);
