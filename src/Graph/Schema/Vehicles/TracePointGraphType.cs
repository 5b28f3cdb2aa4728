using CityTwin.Graph.Schema.Cameras;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Vehicles.Routes;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Vehicles;

/// <summary>The <c>TracePoint</c> type: one sighting on a vehicle's route, with its time.</summary>
public sealed class TracePointGraphType : ObjectGraphType<TracePoint>
{
    public TracePointGraphType()
    {
        Name = "TracePoint";
        Description = "A camera that read the vehicle, and when.";
        Field(p => p.CameraId, type: typeof(NonNullGraphType<IdGraphType>));
        Field<CameraGraphType>("camera").Resolve(c => CameraLoader.Load(c, c.Source.CameraId));
        Field(p => p.SeenAt);
        Field<NonNullGraphType<GeoJsonGraphType>>("location").Description("A GeoJSON Point.").Resolve(c => c.Source.Location.ToPoint());
    }
}
