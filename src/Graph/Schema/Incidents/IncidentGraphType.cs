using CityTwin.Graph.Schema.Cameras;
using CityTwin.Graph.Schema.Common;
using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Twin.Incidents;
using CityTwin.Twin.Spatial.Located;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Incidents;

/// <summary>The <c>Incident</c> type. Source cameras come through the request's batch loader.</summary>
public sealed class IncidentGraphType : ObjectGraphType<IncidentNode>
{
    public IncidentGraphType()
    {
        Name = "Incident";
        Description = "Fire, smoke, dumping, a jam or an accident, walked through detected → confirmed → dispatched → on scene → resolved.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id.ToString());
        Field<NonNullGraphType<EnumerationGraphType<IncidentKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<EnumerationGraphType<IncidentStatus>>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<BooleanGraphType>>("open").Resolve(c => c.Source.Status != IncidentStatus.Resolved);
        Field<NonNullGraphType<GeoJsonGraphType>>("location").Description("A GeoJSON Point.").Resolve(c => c.Source.Location);
        Field(i => i.UncertaintyM).Description("Radius of the location's uncertainty, metres.");
        Field(i => i.WardCode, nullable: true);
        Field(i => i.Description, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("sourceCameraIds").Resolve(c => c.Source.SourceCameraIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CameraGraphType>>>>("sourceCameras")
            .Description("The cameras that saw it (those still registered).")
            .Resolve(c => CameraLoader.LoadMany(c, c.Source.SourceCameraIds));
        Field(i => i.DetectedAt);
        Field(i => i.ConfirmedAt, nullable: true);
        Field(i => i.DispatchedAt, nullable: true);
        Field(i => i.OnSceneAt, nullable: true);
        Field(i => i.ResolvedAt, nullable: true);
        Field<FloatGraphType>("responseTimeSeconds")
            .Description("From dispatch to the team on scene (story 2's seven minutes), seconds.")
            .Resolve(c => c.Source.DispatchedAt is { } d && c.Source.OnSceneAt is { } s ? (s - d).TotalSeconds : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IncidentTransitionGraphType>>>>("timeline").Resolve(c => c.Source.Timeline);
        Field<GeoJsonGraphType>("area")
            .Description("The uncertainty polygon (GeoJSON Polygon): the section of a camera's view cone, or the cones' intersection; null when only a radius is known.")
            .Resolve(c => c.Source.Area);
        Field<NonNullGraphType<EnumerationGraphType<LocationQuality>>>("locationQuality")
            .Description("UNLOCATED (a camera without pose: anywhere in its range), BEARING, LOCATED (a region of a posed camera) or TRIANGULATED.")
            .Resolve(c => c.Source.Quality);
        Field<NonNullGraphType<BooleanGraphType>>("unlocated").Resolve(c => c.Source.Quality == LocationQuality.Unlocated);
        Field<DateTimeOffsetGraphType>("lastSeenAt").Description("When a camera last saw it.").Resolve(c => c.Source.LastSeenAt);
        Field(i => i.Confidence).Description("The highest confidence of the sightings merged into it (0 when reported by a person).");
        Field(i => i.Observations).Description("How many events were merged into it.");
        Field(i => i.SegmentId, nullable: true).Description("A traffic jam's road segment: fromCamera→toCamera.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IncidentSightingGraphType>>>>("sightings")
            .Description("The latest sighting of each camera that saw it.")
            .Resolve(c => c.Source.Sightings ?? []);
        Field<StringGraphType>("snapshotUrl")
            .Description("The latest snapshot (JPEG; send the API key). Operators only: null for other roles.")
            .Resolve(c => c.Source.SnapshotId is { } id && Access.Allows(c.Principal(), Capability.IncidentSnapshots)
                ? Graph.CameraEvents.IncidentSnapshotPaths.UrlFor(id) : null);
        Field<FloatGraphType>("timeToSceneSeconds")
            .Description("From detection to the team on scene, seconds (per-ward figures use it).")
            .Resolve(c => c.Source.OnSceneAt is { } s ? (s - c.Source.DetectedAt).TotalSeconds : null);
    }
}
