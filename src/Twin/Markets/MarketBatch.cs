namespace CityTwin.Twin.Markets;

/// <summary>What a connector or the market office sends at once: sessions first, then order events. Applied all or nothing.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.MarketBatch")]
public sealed record MarketBatch(
    [property: Id(0)] IReadOnlyList<MarketSessionDefinition> Sessions,
    [property: Id(1)] IReadOnlyList<MarketOrderEvent> Orders);
