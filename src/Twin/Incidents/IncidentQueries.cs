using System.Text.Json;
using System.Text.Json.Serialization;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Incidents;

/// <summary>
/// Filters over <c>incidents</c> (kind, status, area, ward, time range), each one predicate on an indexed column,
/// and the reader of the stored timeline.
/// </summary>
public static class IncidentQueries
{
    /// <summary>The timeline column's JSON shape, as the incident state table writes it.</summary>
    private static readonly JsonSerializerOptions TimelineJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static IQueryable<IncidentRow> OfKinds(this IQueryable<IncidentRow> incidents, IReadOnlyCollection<IncidentKind> kinds) =>
        incidents.Where(incident => kinds.Contains(incident.Kind));

    public static IQueryable<IncidentRow> InStatus(this IQueryable<IncidentRow> incidents, IReadOnlyCollection<IncidentStatus> statuses) =>
        incidents.Where(incident => statuses.Contains(incident.Status));

    /// <summary>Incidents located inside a map area (SRID 4326).</summary>
    public static IQueryable<IncidentRow> LocatedIn(this IQueryable<IncidentRow> incidents, Geometry area) =>
        incidents.Where(incident => incident.Location.Intersects(area));

    public static IQueryable<IncidentRow> InWard(this IQueryable<IncidentRow> incidents, string wardCode) =>
        incidents.Where(incident => incident.WardCode == wardCode);

    /// <summary>Incidents detected in [<paramref name="from"/>, <paramref name="to"/>); either end may be open.</summary>
    public static IQueryable<IncidentRow> DetectedBetween(this IQueryable<IncidentRow> incidents, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } start) incidents = incidents.Where(incident => incident.DetectedAt >= start);
        if (to is { } end) incidents = incidents.Where(incident => incident.DetectedAt < end);
        return incidents;
    }

    /// <summary>The latest sighting of each camera, stored in a row's <c>sightings</c> column.</summary>
    public static IReadOnlyList<IncidentSighting> ReadSightings(IncidentRow row) =>
        JsonSerializer.Deserialize<List<IncidentSighting>>(row.Sightings, TimelineJson) ?? [];

    /// <summary>The lifecycle steps stored in a row's <c>timeline</c> column.</summary>
    public static IReadOnlyList<IncidentTransition> ReadTimeline(IncidentRow row) =>
        JsonSerializer.Deserialize<List<IncidentTransition>>(row.Timeline, TimelineJson) ?? [];
}
