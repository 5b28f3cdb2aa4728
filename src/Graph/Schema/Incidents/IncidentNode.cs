using CityTwin.Twin.Incidents;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Spatial.Located;
using NetTopologySuite.Geometries;

namespace CityTwin.Graph.Schema.Incidents;

/// <summary>An incident as the API shows it, from an <c>incidents</c> row (lists) or the incident grain (by id, mutations).</summary>
public sealed record IncidentNode(
    Guid Id,
    IncidentKind Kind,
    IncidentStatus Status,
    Point Location,
    double UncertaintyM,
    string? WardCode,
    IReadOnlyList<string> SourceCameraIds,
    string? Description,
    DateTimeOffset DetectedAt,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? DispatchedAt,
    DateTimeOffset? OnSceneAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<IncidentTransition> Timeline,
    Polygon? Area = null,
    LocationQuality Quality = LocationQuality.Located,
    DateTimeOffset? LastSeenAt = null,
    double Confidence = 0,
    int Observations = 0,
    string? SnapshotId = null,
    string? SegmentId = null,
    IReadOnlyList<IncidentSighting>? Sightings = null)
{
    public static IncidentNode From(IncidentRow row) =>
        new(row.Id, row.Kind, row.Status, row.Location, row.UncertaintyM, row.WardCode, row.SourceCameraIds, row.Description,
            row.DetectedAt, row.ConfirmedAt, row.DispatchedAt, row.OnSceneAt, row.ResolvedAt, IncidentQueries.ReadTimeline(row),
            row.Area, row.Quality, row.LastSeenAt, row.Confidence, row.Observations, row.SnapshotId, row.SegmentId, IncidentQueries.ReadSightings(row));

    public static IncidentNode From(Guid id, IncidentState state) =>
        new(id, state.Kind, state.Status, state.Location.ToPoint(), state.UncertaintyM, state.WardCode, state.SourceCameraIds, state.Description,
            state.DetectedAt, state.ConfirmedAt, state.DispatchedAt, state.OnSceneAt, state.ResolvedAt, state.Timeline,
            state.Area.Count >= 4 ? GeoFactory.Wgs84.CreatePolygon(state.Area.Select(p => new Coordinate(p.Longitude, p.Latitude)).ToArray()) : null,
            state.Quality, state.LastSeenAt, state.Confidence, state.Observations, state.SnapshotId, state.SegmentId, state.Sightings);
}
