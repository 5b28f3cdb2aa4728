using CityTwin.Twin.Persistence;
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
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
