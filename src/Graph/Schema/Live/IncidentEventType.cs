using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Incidents;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Spatial.Located;
using NetTopologySuite.Geometries;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Live;

/// <summary>An incident opened or moved along its lifecycle (on <c>alerts</c>: opened).</summary>
public sealed class IncidentEventType : ObjectGraphType<IncidentChanged>
{
    public IncidentEventType()
    {
        Name = "IncidentEvent";
        Description = "An incident was opened or moved along detected → confirmed → dispatched → on scene → resolved.";
        this.AddEventFields();
        Field<NonNullGraphType<StringGraphType>>("incidentId").Resolve(c => c.Source.EntityId);
        Field<NonNullGraphType<EnumerationGraphType<IncidentKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<EnumerationGraphType<IncidentStatus>>>("status").Resolve(c => c.Source.Status);
        Field<StringGraphType>("wardCode").Resolve(c => c.Source.WardCode);
        Field<NonNullGraphType<FloatGraphType>>("uncertaintyM").Description("Radius of the location's uncertainty, in metres.")
            .Resolve(c => c.Source.UncertaintyM);
        Field<NonNullGraphType<StringGraphType>>("actor").Description("Who reported or moved it.").Resolve(c => c.Source.Actor);
        Field<NonNullGraphType<StringGraphType>>("change").Description("opened, observed (another sighting merged in) or the new status.")
            .Resolve(c => c.Source.Change);
        Field<GeoJsonGraphType>("area").Description("The uncertainty polygon (GeoJSON Polygon); null when only a radius is known.")
            .Resolve(c => c.Source.Area.Count >= 4
                ? GeoFactory.Wgs84.CreatePolygon(c.Source.Area.Select(p => new Coordinate(p.Longitude, p.Latitude)).ToArray())
                : null);
        Field<NonNullGraphType<EnumerationGraphType<LocationQuality>>>("locationQuality").Resolve(c => c.Source.Quality);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("cameraIds").Description("The cameras that saw it.")
            .Resolve(c => c.Source.CameraIds);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("detectedAt").Resolve(c => c.Source.DetectedAt);
        Field<DateTimeOffsetGraphType>("dispatchedAt").Description("When a team was sent: the map's response clock runs from here.")
            .Resolve(c => c.Source.DispatchedAt);
        Field<DateTimeOffsetGraphType>("onSceneAt").Resolve(c => c.Source.OnSceneAt);
    }
}
