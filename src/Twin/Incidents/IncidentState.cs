using CityTwin.Twin.Spatial;

namespace CityTwin.Twin.Incidents;

/// <summary>The live state of an incident and its lifecycle timestamps.</summary>
[GenerateSerializer, Alias("CityTwin.IncidentState")]
public sealed class IncidentState
{
    [Id(0)] public IncidentKind Kind { get; set; }
    [Id(1)] public IncidentStatus Status { get; set; }
    [Id(2)] public GeoPoint Location { get; set; }
    [Id(3)] public double UncertaintyM { get; set; }
    [Id(4)] public string? WardCode { get; set; }
    [Id(5)] public List<string> SourceCameraIds { get; set; } = [];
    [Id(6)] public string? Description { get; set; }
    [Id(7)] public DateTimeOffset DetectedAt { get; set; }
    [Id(8)] public DateTimeOffset? ConfirmedAt { get; set; }
    [Id(9)] public DateTimeOffset? DispatchedAt { get; set; }
    [Id(10)] public DateTimeOffset? OnSceneAt { get; set; }
    [Id(11)] public DateTimeOffset? ResolvedAt { get; set; }
    [Id(12)] public List<IncidentTransition> Timeline { get; set; } = [];

    /// <summary>From dispatch to the team on scene (the story's 7 minutes).</summary>
    public TimeSpan? ResponseTime => DispatchedAt is { } d && OnSceneAt is { } s ? s - d : null;

    /// <summary>From detection to the team on scene.</summary>
    public TimeSpan? TimeToScene => OnSceneAt is { } s ? s - DetectedAt : null;

    public bool IsOpen => Status != IncidentStatus.Resolved;
}
