using CityTwin.Twin.Spatial;
using CityTwin.Twin.Spatial.Located;

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

    /// <summary>The uncertainty polygon (a closed WGS84 ring); empty when the reporter gave only a radius.</summary>
    [Id(13)] public List<GeoPoint> Area { get; set; } = [];

    /// <summary>How the location was found: unlocated, a bearing, a region of a posed camera, or triangulated.</summary>
    [Id(14)] public LocationQuality Quality { get; set; } = LocationQuality.Located;

    /// <summary>The latest sighting of each camera that saw it.</summary>
    [Id(15)] public List<IncidentSighting> Sightings { get; set; } = [];

    /// <summary>When a camera (or the jam monitor) last saw it.</summary>
    [Id(16)] public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The latest stored snapshot (its content id), if any camera sent one.</summary>
    [Id(17)] public string? SnapshotId { get; set; }

    /// <summary>The highest confidence of any sighting.</summary>
    [Id(18)] public double Confidence { get; set; }

    /// <summary>How many events were merged into this incident.</summary>
    [Id(19)] public int Observations { get; set; }

    /// <summary>The road segment of a traffic jam (<c>fromCamera→toCamera</c>).</summary>
    [Id(20)] public string? SegmentId { get; set; }

    /// <summary>From dispatch to the team on scene (the story's 7 minutes).</summary>
    public TimeSpan? ResponseTime => DispatchedAt is { } d && OnSceneAt is { } s ? s - d : null;

    /// <summary>From detection to the team on scene.</summary>
    public TimeSpan? TimeToScene => OnSceneAt is { } s ? s - DetectedAt : null;

    public bool IsOpen => Status != IncidentStatus.Resolved;
}
