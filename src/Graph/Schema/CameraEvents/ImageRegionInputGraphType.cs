using CityTwin.Graph.CameraEvents;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.CameraEvents;

/// <summary>The <c>ImageRegionInput</c> input type: a box in an image as fractions of its size.</summary>
public sealed class ImageRegionInputGraphType : InputObjectGraphType<ImageRegionInput>
{
    public ImageRegionInputGraphType()
    {
        Name = "ImageRegionInput";
        Description = "A box in an image: x, y (top-left corner), width and height as fractions (0..1) of the image.";
        Field<NonNullGraphType<FloatGraphType>>("x");
        Field<NonNullGraphType<FloatGraphType>>("y");
        Field<NonNullGraphType<FloatGraphType>>("width");
        Field<NonNullGraphType<FloatGraphType>>("height");
    }
}
