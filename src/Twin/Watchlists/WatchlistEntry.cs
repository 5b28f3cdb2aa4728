namespace CityTwin.Twin.Watchlists;

/// <summary>A plate on the watchlist: who reported it, why, and where.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.WatchlistEntry")]
public sealed record WatchlistEntry(
    [property: Id(0)] string PlateKey,
    [property: Id(1)] string DisplayPlate,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset ReportedAt,
    [property: Id(4)] string ReportedBy,
    [property: Id(5)] string? WardCode,
    [property: Id(6)] DateTimeOffset AddedAt);
