using CityTwin.Twin.Events;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Spatial.Located;

namespace CityTwin.Twin.Incidents;

/// <summary>An incident was opened or moved along its lifecycle. Opening is also an operator alert.</summary>
[GenerateSerializer, Alias("CityTwin.IncidentChanged")]
public sealed record IncidentChanged : TwinEvent
{
    [Id(0)] public required IncidentKind Kind { get; init; }
    [Id(1)] public required IncidentStatus Status { get; init; }
    [Id(2)] public required string? WardCode { get; init; }
    [Id(3)] public required double UncertaintyM { get; init; }
    [Id(4)] public required string Actor { get; init; }

    /// <summary>The uncertainty polygon (closed WGS84 ring); empty when only a radius is known.</summary>
    [Id(5)] public IReadOnlyList<GeoPoint> Area { get; init; } = [];

    /// <summary>How the location was found.</summary>
    [Id(6)] public LocationQuality Quality { get; init; } = LocationQuality.Located;

    /// <summary>The cameras that saw it.</summary>
    [Id(7)] public IReadOnlyList<string> CameraIds { get; init; } = [];

    /// <summary>What happened: <c>opened</c>, <c>observed</c> (another sighting merged in) or the new status.</summary>
    [Id(8)] public string Change { get; init; } = "status";

    /// <summary>When it was detected, for the map's response clock.</summary>
    [Id(9)] public DateTimeOffset DetectedAt { get; init; }

    /// <summary>When a team was sent, for the map's response clock.</summary>
    [Id(10)] public DateTimeOffset? DispatchedAt { get; init; }

    /// <summary>When the team arrived.</summary>
    [Id(11)] public DateTimeOffset? OnSceneAt { get; init; }
}
