using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Vehicles.Sightings;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Live;

/// <summary>One camera read within a sighting event. The raw OCR text is not exposed: the event's plate is.</summary>
public sealed class SightingPointType : ObjectGraphType<SightingInput>
{
    public SightingPointType()
    {
        Name = "SightingPoint";
        Description = "One plate read by one camera.";
        Field<NonNullGraphType<StringGraphType>>("cameraId").Resolve(c => c.Source.CameraId);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("seenAt").Resolve(c => c.Source.SeenAt);
        Field<NonNullGraphType<GeoJsonGraphType>>("location").Description("The camera's read position, a GeoJSON Point.")
            .Resolve(c => c.Source.Location.ToPoint());
        Field<NonNullGraphType<FloatGraphType>>("confidence").Resolve(c => (double)c.Source.Confidence);
    }
}
