using CityTwin.Twin.Plates;

namespace CityTwin.Twin.Vehicles;

/// <summary>Why a vehicle is watched: the watchlist entry it matches and how closely.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.WatchMatch")]
public sealed record WatchMatch(
    [property: Id(0)] string WatchedPlateKey,
    [property: Id(1)] string WatchedDisplayPlate,
    [property: Id(2)] PlateMatchKind Kind,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTimeOffset ReportedAt);
