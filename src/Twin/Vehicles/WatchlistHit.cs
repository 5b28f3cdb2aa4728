using CityTwin.Twin.Events;
using CityTwin.Twin.Plates;

namespace CityTwin.Twin.Vehicles;

/// <summary>An alert: a watched vehicle was sighted. <see cref="First"/> marks the early warning, its first sighting since it was reported.</summary>
[GenerateSerializer, Alias("CityTwin.WatchlistHit")]
public sealed record WatchlistHit : TwinEvent
{
    [Id(0)] public required string DisplayPlate { get; init; }
    [Id(1)] public required string WatchedPlateKey { get; init; }
    [Id(2)] public required PlateMatchKind MatchKind { get; init; }
    [Id(3)] public required string CameraId { get; init; }
    [Id(4)] public required DateTimeOffset SeenAt { get; init; }
    [Id(5)] public required float Confidence { get; init; }
    [Id(6)] public required string Reason { get; init; }
    [Id(7)] public required bool First { get; init; }
    [Id(8)] public required string DetectionId { get; init; }

    /// <summary>The stored plate crop of the read that hit, or null when the recogniser sent none.</summary>
    [Id(9)] public string? CropId { get; init; }
}
