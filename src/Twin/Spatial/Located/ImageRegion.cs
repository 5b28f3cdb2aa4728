namespace CityTwin.Twin.Spatial.Located;

/// <summary>
/// A box in an image as fractions of its width and height (0..1, origin top-left): what a detector on pixels or a
/// camera that detects on board reports for where in its view it saw something.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ImageRegion")]
public readonly record struct ImageRegion(
    [property: Id(0)] double X,
    [property: Id(1)] double Y,
    [property: Id(2)] double Width,
    [property: Id(3)] double Height)
{
    /// <summary>True when the box is finite, not empty and lies inside the image.</summary>
    public bool IsValid =>
        double.IsFinite(X) && double.IsFinite(Y) && double.IsFinite(Width) && double.IsFinite(Height)
        && X >= 0 && Y >= 0 && Width > 0 && Height > 0 && X + Width <= 1 + 1e-9 && Y + Height <= 1 + 1e-9;
}
