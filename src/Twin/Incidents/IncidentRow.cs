using CityTwin.Twin.Persistence;
using CityTwin.Twin.Spatial.Located;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Incidents;

/// <summary>The <c>incidents</c> table; the timeline is a JSON column since it is read whole, never queried inside.</summary>
public sealed class IncidentRow : IVersionedRow
{
    public Guid Id { get; set; }
    public IncidentKind Kind { get; set; }
    public IncidentStatus Status { get; set; }
    public required Point Location { get; set; }
    public double UncertaintyM { get; set; }
    public string? WardCode { get; set; }
    public List<string> SourceCameraIds { get; set; } = [];
    public string? Description { get; set; }
    public DateTimeOffset DetectedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }
    public DateTimeOffset? OnSceneAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string Timeline { get; set; } = "[]";
    /// <summary>The uncertainty polygon; null when the reporter gave only a radius.</summary>
    public Polygon? Area { get; set; }
    public LocationQuality Quality { get; set; } = LocationQuality.Located;
    /// <summary>The latest sighting of each camera as JSON (read whole, like the timeline).</summary>
    public string Sightings { get; set; } = "[]";
    public DateTimeOffset LastSeenAt { get; set; }
    public string? SnapshotId { get; set; }
    public double Confidence { get; set; }
    public int Observations { get; set; }
    public string? SegmentId { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
