using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Cameras;
using CityTwin.Graph.Schema.Common;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Vehicles;

/// <summary>The <c>Sighting</c> type. Its camera comes through the request's batch loader, one query for a whole page.</summary>
public sealed class SightingGraphType : ObjectGraphType<SightingNode>
{
    public SightingGraphType()
    {
        Name = "Sighting";
        Description = "A camera read the vehicle's plate here, at this time.";
        Field<NonNullGraphType<IdGraphType>>("detectionId")
            .Description("camera:idempotencyKey; a camera may put the plate in its key, so hidden (***) unless the caller sees plates.")
            .Resolve(c => PlateMask.Opaque(c.Principal(), c.Source.DetectionId) ?? PlateMask.Hidden);
        Field(s => s.CameraId, type: typeof(NonNullGraphType<IdGraphType>));
        Field<CameraGraphType>("camera").Resolve(c => CameraLoader.Load(c, c.Source.CameraId));
        Field(s => s.SeenAt);
        Field<NonNullGraphType<GeoJsonGraphType>>("location").Description("A GeoJSON Point.").Resolve(c => c.Source.Location);
        Field(s => s.Confidence).Description("Reader confidence, 0..1.");
        Field<StringGraphType>("plateText")
            .Description("The text the reader saw; masked for partners.")
            .Resolve(c => PlateMask.Display(c.Principal(), c.Source.PlateText));
    }
}
