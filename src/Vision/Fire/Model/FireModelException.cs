namespace CityTwin.Vision.Fire.Model;

/// <summary>The smoke/fire model files are missing or do not have the shape the detector needs.</summary>
public sealed class FireModelException(string message) : Exception(message);
