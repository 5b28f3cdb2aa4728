using System.Text.Json;
using System.Text.Json.Serialization;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Persistence;

namespace CityTwin.Twin.Incidents;

internal sealed class IncidentStateTable : EntityStateTable<IncidentState, IncidentRow>
{
    private static readonly JsonSerializerOptions TimelineJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    protected override object KeyValue(string key) => IdOf(key);

    /// <summary>Incident ids are GUIDs; anything else is refused before it reaches the database.</summary>
    private static Guid IdOf(string key) =>
        Guid.TryParse(key, out var id) ? id : throw new Common.TwinValidationException($"incident '{key}': an incident id is a GUID");

    protected override IncidentRow CreateRow(string key) => new() { Id = IdOf(key), Location = GeoFactory.Point(0, 0) };

    protected override IncidentState ToState(IncidentRow row) => new()
    {
        Kind = row.Kind,
        Status = row.Status,
        Location = GeoPoint.From(row.Location),
        UncertaintyM = row.UncertaintyM,
        WardCode = row.WardCode,
        SourceCameraIds = [.. row.SourceCameraIds],
        Description = row.Description,
        DetectedAt = row.DetectedAt,
        ConfirmedAt = row.ConfirmedAt,
        DispatchedAt = row.DispatchedAt,
        OnSceneAt = row.OnSceneAt,
        ResolvedAt = row.ResolvedAt,
        Timeline = JsonSerializer.Deserialize<List<IncidentTransition>>(row.Timeline, TimelineJson) ?? [],
        Area = row.Area is null ? [] : row.Area.ExteriorRing.Coordinates.Select(c => new GeoPoint(c.X, c.Y)).ToList(),
        Quality = row.Quality,
        Sightings = JsonSerializer.Deserialize<List<IncidentSighting>>(row.Sightings, TimelineJson) ?? [],
        LastSeenAt = row.LastSeenAt,
        SnapshotId = row.SnapshotId,
        Confidence = row.Confidence,
        Observations = row.Observations,
        SegmentId = row.SegmentId,
    };

    protected override void Apply(IncidentState state, IncidentRow row)
    {
        row.Kind = state.Kind;
        row.Status = state.Status;
        row.Location = state.Location.ToPoint();
        row.UncertaintyM = state.UncertaintyM;
        row.WardCode = state.WardCode;
        row.SourceCameraIds = [.. state.SourceCameraIds];
        row.Description = state.Description;
        row.DetectedAt = state.DetectedAt;
        row.ConfirmedAt = state.ConfirmedAt;
        row.DispatchedAt = state.DispatchedAt;
        row.OnSceneAt = state.OnSceneAt;
        row.ResolvedAt = state.ResolvedAt;
        row.Timeline = JsonSerializer.Serialize(state.Timeline, TimelineJson);
        row.Area = state.Area.Count >= 4
            ? GeoFactory.Wgs84.CreatePolygon(state.Area.Select(p => new NetTopologySuite.Geometries.Coordinate(p.Longitude, p.Latitude)).ToArray())
            : null;
        row.Quality = state.Quality;
        row.Sightings = JsonSerializer.Serialize(state.Sightings, TimelineJson);
        row.LastSeenAt = state.LastSeenAt;
        row.SnapshotId = state.SnapshotId;
        row.Confidence = state.Confidence;
        row.Observations = state.Observations;
        row.SegmentId = state.SegmentId;
    }
}
