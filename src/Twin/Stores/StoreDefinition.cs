using CityTwin.Twin.Places;

namespace CityTwin.Twin.Stores;

/// <summary>A store as registered: its place, kind and, for a retailer, the market it sells through.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.StoreDefinition")]
public sealed record StoreDefinition(
    [property: Id(0)] Place Place,
    [property: Id(1)] StoreKind Kind,
    [property: Id(2)] string? MarketId = null);
