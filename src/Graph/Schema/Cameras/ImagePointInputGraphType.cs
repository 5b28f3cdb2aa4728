using CityTwin.Twin.Cameras;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Cameras;

/// <summary>The <c>ImagePointInput</c> input type.</summary>
public sealed class ImagePointInputGraphType : InputObjectGraphType<ImagePoint>
{
    public ImagePointInputGraphType()
    {
        Name = "ImagePointInput";
        Description = "A point in a camera image: x and y as fractions (0..1) of width and height, origin top-left.";
        Field<NonNullGraphType<FloatGraphType>>("x");
        Field<NonNullGraphType<FloatGraphType>>("y");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new ImagePoint(
        Convert.ToDouble(value["x"], System.Globalization.CultureInfo.InvariantCulture),
        Convert.ToDouble(value["y"], System.Globalization.CultureInfo.InvariantCulture));
}
