using CityTwin.Twin.Places;

namespace CityTwin.Twin.Stores;

/// <summary>The live state of a store: where it is and what its livestreams sold.</summary>
[GenerateSerializer, Alias("CityTwin.StoreState")]
public sealed class StoreState
{
    [Id(0)] public Place Place { get; set; } = new("", "", default);
    [Id(1)] public StoreKind Kind { get; set; }
    [Id(2)] public string? MarketId { get; set; }
    [Id(3)] public int LivestreamSessions { get; set; }
    [Id(4)] public long Orders { get; set; }
    [Id(5)] public long RevenueVnd { get; set; }
    [Id(6)] public List<string> AppliedSessionIds { get; set; } = [];
}
