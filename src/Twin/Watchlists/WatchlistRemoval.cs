namespace CityTwin.Twin.Watchlists;

/// <summary>Who took a plate off the watchlist and why; kept so the table records it.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.WatchlistRemoval")]
public sealed record WatchlistRemoval(
    [property: Id(0)] string PlateKey,
    [property: Id(1)] string RemovedBy,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset RemovedAt);
