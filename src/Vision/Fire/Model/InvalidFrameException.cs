namespace CityTwin.Vision.Fire.Model;

/// <summary>A frame the fire detectors cannot read (empty, wrong pixel type, too small).</summary>
public sealed class InvalidFrameException(string message) : Exception(message);
