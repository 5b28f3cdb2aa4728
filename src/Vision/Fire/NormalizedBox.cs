namespace CityTwin.Vision.Fire;

/// <summary>A rectangle in normalised image coordinates (0..1, origin top-left), independent of the frame size.</summary>
public readonly record struct NormalizedBox(double X, double Y, double Width, double Height);
