using CityTwin.Twin.Cameras;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Cameras;

/// <summary>The <c>ImagePoint</c> type: a point in a camera image as fractions of width and height.</summary>
public sealed class ImagePointGraphType : ObjectGraphType<ImagePoint>
{
    public ImagePointGraphType()
    {
        Name = "ImagePoint";
        Description = "A point in a camera image: x and y as fractions (0..1) of width and height, origin top-left.";
        Field(p => p.X);
        Field(p => p.Y);
    }
}
