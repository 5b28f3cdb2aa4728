using CityTwin.Twin.Cameras;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Cameras;

/// <summary>The <c>CameraPoseInput</c> input type.</summary>
public sealed class CameraPoseInputGraphType : InputObjectGraphType<PtzPose>
{
    public CameraPoseInputGraphType()
    {
        Name = "CameraPoseInput";
        Description = "A PTZ pose: pan 0..360 (compass), tilt -30..90 below the horizon, horizontal FOV 1..170 at zoom 1, zoom 1..50, image 16..16384 px.";
        Field<NonNullGraphType<FloatGraphType>>("panDeg");
        Field<NonNullGraphType<FloatGraphType>>("tiltDeg");
        Field<NonNullGraphType<FloatGraphType>>("horizontalFovDeg");
        Field<NonNullGraphType<FloatGraphType>>("zoom");
        Field<NonNullGraphType<IntGraphType>>("imageWidth");
        Field<NonNullGraphType<IntGraphType>>("imageHeight");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new PtzPose(
        Convert.ToDouble(value["panDeg"], System.Globalization.CultureInfo.InvariantCulture),
        Convert.ToDouble(value["tiltDeg"], System.Globalization.CultureInfo.InvariantCulture),
        Convert.ToDouble(value["horizontalFovDeg"], System.Globalization.CultureInfo.InvariantCulture),
        Convert.ToDouble(value["zoom"], System.Globalization.CultureInfo.InvariantCulture),
        Convert.ToInt32(value["imageWidth"], System.Globalization.CultureInfo.InvariantCulture),
        Convert.ToInt32(value["imageHeight"], System.Globalization.CultureInfo.InvariantCulture));
}
