using CityTwin.Graph.Schema.Cameras;
using CityTwin.Twin.Vehicles.Routes;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Vehicles;

/// <summary>The <c>PredictedCamera</c> type: a camera the vehicle should reach next, with distance and ETA.</summary>
public sealed class PredictedCameraGraphType : ObjectGraphType<PredictedCamera>
{
    public PredictedCameraGraphType()
    {
        Name = "PredictedCamera";
        Description = "A camera ahead of the vehicle (along the roads, or within a cone of its heading when no roads are loaded).";
        Field(p => p.CameraId, type: typeof(NonNullGraphType<IdGraphType>));
        Field<CameraGraphType>("camera").Resolve(c => CameraLoader.Load(c, c.Source.CameraId));
        Field(p => p.DistanceMeters).Description("From the last camera that read the plate.");
        Field(p => p.EtaSeconds).Description("Distance over the recent speed, or over 30 km/h when the speed is unknown.");
        Field(p => p.ExpectedAt).Description("The last sighting's time plus the ETA.");
        Field(p => p.AlongRoads).Description("True when the distance follows the road graph; false for a straight line.");
    }
}
