using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Incidents;
using CityTwin.Twin.Spatial.Located;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Incidents;

/// <summary>The <c>IncidentSighting</c> type: one camera's latest sighting of an incident.</summary>
public sealed class IncidentSightingGraphType : ObjectGraphType<IncidentSighting>
{
    public IncidentSightingGraphType()
    {
        Name = "IncidentSighting";
        Description = "One camera's latest sighting: when, how sure, and where its geometry put the incident.";
        Field<NonNullGraphType<IdGraphType>>("cameraId").Resolve(c => c.Source.CameraId);
        Field(s => s.ObservedAt);
        Field(s => s.Confidence);
        Field<FloatGraphType>("bearingDeg").Description("Compass bearing from the camera, when known.").Resolve(c => c.Source.Fix.BearingDeg);
        Field<NonNullGraphType<EnumerationGraphType<LocationQuality>>>("locationQuality").Resolve(c => c.Source.Fix.Quality);
        Field<NonNullGraphType<GeoJsonGraphType>>("point").Description("A GeoJSON Point.").Resolve(c => c.Source.Fix.Point.ToPoint());
        Field<NonNullGraphType<GeoJsonGraphType>>("area").Description("This camera's polygon (GeoJSON Polygon).").Resolve(c => c.Source.Fix.AreaPolygon());
    }
}
