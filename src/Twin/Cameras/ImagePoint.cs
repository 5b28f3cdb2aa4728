namespace CityTwin.Twin.Cameras;

/// <summary>A point in a camera image as fractions of its width and height (0..1, origin top-left).</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ImagePoint")]
public readonly record struct ImagePoint([property: Id(0)] double X, [property: Id(1)] double Y);
