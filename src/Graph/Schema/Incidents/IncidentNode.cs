using CityTwin.Twin.Incidents;
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
    IReadOnlyList<IncidentTransition> Timeline)
{
    public static IncidentNode From(IncidentRow row) =>
        new(row.Id, row.Kind, row.Status, row.Location, row.UncertaintyM, row.WardCode, row.SourceCameraIds, row.Description,
            row.DetectedAt, row.ConfirmedAt, row.DispatchedAt, row.OnSceneAt, row.ResolvedAt, IncidentQueries.ReadTimeline(row));

    public static IncidentNode From(Guid id, IncidentState state) =>
        new(id, state.Kind, state.Status, state.Location.ToPoint(), state.UncertaintyM, state.WardCode, state.SourceCameraIds, state.Description,
            state.DetectedAt, state.ConfirmedAt, state.DispatchedAt, state.OnSceneAt, state.ResolvedAt, state.Timeline);
}
