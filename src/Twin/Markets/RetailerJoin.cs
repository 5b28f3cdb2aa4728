namespace CityTwin.Twin.Markets;

/// <summary>A retailer (a store of kind Retailer of the market) joining the market's online event at a time.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.RetailerJoin")]
public sealed record RetailerJoin(
    [property: Id(0)] string StoreId,
    [property: Id(1)] DateTimeOffset JoinedAt);
