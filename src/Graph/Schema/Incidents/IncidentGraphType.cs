using CityTwin.Graph.Schema.Cameras;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Incidents;
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
    }
}
